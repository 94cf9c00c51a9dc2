package org.zeromq.spring.template;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.MessageBuilder;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.ZmqApplication.RECEIVE_TIMEOUT;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * One-way sends through {@link ZmqTemplate} on each socket type, checked frame by frame at a raw
 * JeroMQ peer.
 */
class ZmqTemplateSendTests {

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void pushSendsOneFrameToPull() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		pushingTo(pull)
			.run((context) -> {
				assertThat(context.getBean(ZmqTemplate.class).send("out", "hello")).isTrue();
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("hello");
			});
	}

	@Test
	void pairSendsOverInprocToAPeerOfTheApplicationContext() {
		this.runner.withPropertyValues(socket("pair", "type=PAIR", "bind=inproc://template-send-pair"))
			.run((context) -> {
				// inproc only reaches sockets of the same ZContext: the peer takes the application's.
				try (PeerSockets local = PeerSockets.on(context.getBean(ZContext.class))) {
					ZMQ.Socket peer = local.connect(SocketType.PAIR, "inproc://template-send-pair");
					assertThat(context.getBean(ZmqTemplate.class).send("pair", "over inproc")).isTrue();
					assertThat(PeerFrames.receiveStrings(peer)).containsExactly("over inproc");
				}
			});
	}

	@Test
	void pairSendsOverTcp() {
		ZMQ.Socket peer = this.peers.bind(SocketType.PAIR);
		this.runner.withPropertyValues(socket("pair", "type=PAIR", "connect=" + peer.getLastEndpoint()))
			.run((context) -> {
				assertThat(context.getBean(ZmqTemplate.class).send("pair", "over tcp")).isTrue();
				assertThat(PeerFrames.receiveStrings(peer)).containsExactly("over tcp");
			});
	}

	@Test
	void dealerSendsToRouterWhichSeesTheDealerIdentityAndThePayload() {
		ZMQ.Socket router = this.peers.bind(SocketType.ROUTER);
		this.runner
			.withPropertyValues(socket("dealer", "type=DEALER", "connect=" + router.getLastEndpoint(), "identity=sender-1"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.send("dealer", "first")).isTrue();
				assertThat(template.send("dealer", "second")).isTrue();
				assertThat(PeerFrames.receiveStrings(router)).containsExactly("sender-1", "first");
				assertThat(PeerFrames.receiveStrings(router)).containsExactly("sender-1", "second");
			});
	}

	@Test
	void sendMultipartSendsEachElementAsOneFrameOfOneMessage() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		pushingTo(pull)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.sendMultipart("out", List.of("a", new byte[] { 1, 2 }, "c"))).isTrue();
				assertThat(template.send("out", "next")).isTrue();
				List<byte[]> frames = PeerFrames.receive(pull);
				assertThat(frames).hasSize(3);
				assertThat(frames.get(0)).isEqualTo(PeerFrames.utf8("a"));
				assertThat(frames.get(1)).containsExactly(1, 2);
				assertThat(frames.get(2)).isEqualTo(PeerFrames.utf8("c"));
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("next");
			});
	}

	@Test
	void messageWithTopicHeaderSendsTopicFrameBeforeThePayloadFrames() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		pushingTo(pull)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				template.send("out", MessageBuilder.withPayload("single").setHeader(ZmqHeaders.TOPIC, "news").build());
				template.send("out", MessageBuilder.withPayload(List.of("part-1", "part-2"))
					.setHeader(ZmqHeaders.TOPIC, "news")
					.build());
				template.send("out", MessageBuilder.withPayload("no topic").build());
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("news", "single");
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("news", "part-1", "part-2");
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("no topic");
			});
	}

	@Test
	void messageWithIdentityHeaderIsRoutedToThatPeer() {
		routerApplication()
			.run((context) -> {
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				ZMQ.Socket worker = this.peers.connect(SocketType.DEALER, registry.endpoint("router"), "worker-1");
				ZMQ.Socket other = this.peers.connect(SocketType.DEALER, registry.endpoint("router"), "worker-2");
				awaitArrival(registry, worker, "worker-1");
				awaitArrival(registry, other, "worker-2");
				context.getBean(ZmqTemplate.class)
					.send("router", MessageBuilder.withPayload(List.of("a", "b"))
						.setHeader(ZmqHeaders.IDENTITY, PeerFrames.utf8("worker-1"))
						.build());
				// The ROUTER strips the identity; the empty delimiter keeps REQ/REP peers in step.
				assertThat(PeerFrames.receiveStrings(worker)).containsExactly("", "a", "b");
				assertThat(PeerFrames.receiveNow(other)).isNull();
			});
	}

	@Test
	void sendToReachesAReqPeerByItsIdentity() {
		routerApplication()
			.run((context) -> {
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				ZMQ.Socket client = this.peers.connect(SocketType.REQ, registry.endpoint("router"), "client-7");
				PeerFrames.send(client, "hello");
				List<byte[]> request = registry.socket("router").execute(PeerFrames::receive);
				assertThat(PeerFrames.text(request)).containsExactly("client-7", "", "hello");
				assertThat(context.getBean(ZmqTemplate.class).sendTo("router", PeerFrames.utf8("client-7"), "world")).isTrue();
				assertThat(PeerFrames.receiveStrings(client)).containsExactly("world");
			});
	}

	@Test
	void sendToOnANonRouterSocketFailsNamingTheSocketAndItsType() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		pushingTo(pull)
			.run((context) -> assertThatExceptionOfType(ZmqException.class)
				.isThrownBy(() -> context.getBean(ZmqTemplate.class).sendTo("out", PeerFrames.utf8("x"), "payload"))
				.withMessageContaining("ROUTER")
				.withMessageContaining("'out' is PUSH"));
	}

	/** The application with a PUSH socket "out" connected to the raw {@code pull}. */
	private ApplicationContextRunner pushingTo(ZMQ.Socket pull) {
		return this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.getLastEndpoint()));
	}

	/** A ROUTER "router"; it reads what raw peers send it, which waits on their connection. */
	private ApplicationContextRunner routerApplication() {
		return this.runner.withPropertyValues(socket("router", "type=ROUTER", "bind=tcp://127.0.0.1:*", RECEIVE_TIMEOUT));
	}

	// A ROUTER can only address a peer whose connection it has accepted: the peer says hello first.
	private static void awaitArrival(ZmqSocketRegistry registry, ZMQ.Socket peer, String identity) {
		PeerFrames.send(peer, "ready");
		assertThat(PeerFrames.text(registry.socket("router").execute(PeerFrames::receive))).containsExactly(identity, "ready");
	}

}
