package org.zeromq.spring.template;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One-way sends through {@link ZmqTemplate} on each socket type, checked frame by frame at a raw
 * JeroMQ peer.
 */
class ZmqTemplateSendTest {

	// The application's ROUTER reads what raw peers send it, which waits on their connection.
	private static final String ROUTER_RECEIVE_TIMEOUT = "receive-timeout=" + RawPeers.CONNECTION_BOUND.toMillis() + "ms";

	@AutoClose
	private final RawPeers peers = new RawPeers();

	@Test
	void pushSendsOneFrameToPull() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		TemplateApplication.runnerWith("out", "PUSH", "connect=" + RawPeers.endpoint(pull))
			.run((context) -> {
				assertThat(context.getBean(ZmqTemplate.class).send("out", "hello")).isTrue();
				assertThat(Frames.text(Frames.receive(pull))).containsExactly("hello");
			});
	}

	@Test
	void pairSendsOverInprocToAPeerOfTheApplicationContext() {
		TemplateApplication.runnerWith("pair", "PAIR", "bind=inproc://template-send-pair")
			.run((context) -> {
				// inproc only reaches sockets of the same ZContext: the peer takes the application's.
				try (ZMQ.Socket peer = RawPeers.create(context.getBean(ZContext.class), SocketType.PAIR)) {
					peer.connect("inproc://template-send-pair");
					assertThat(context.getBean(ZmqTemplate.class).send("pair", "over inproc")).isTrue();
					assertThat(Frames.text(Frames.receive(peer))).containsExactly("over inproc");
				}
			});
	}

	@Test
	void pairSendsOverTcp() {
		ZMQ.Socket peer = this.peers.bind(SocketType.PAIR);
		TemplateApplication.runnerWith("pair", "PAIR", "connect=" + RawPeers.endpoint(peer))
			.run((context) -> {
				assertThat(context.getBean(ZmqTemplate.class).send("pair", "over tcp")).isTrue();
				assertThat(Frames.text(Frames.receive(peer))).containsExactly("over tcp");
			});
	}

	@Test
	void dealerSendsToRouterWhichSeesTheDealerIdentityAndThePayload() {
		ZMQ.Socket router = this.peers.bind(SocketType.ROUTER);
		TemplateApplication.runnerWith("dealer", "DEALER", "connect=" + RawPeers.endpoint(router), "identity=sender-1")
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.send("dealer", "first")).isTrue();
				assertThat(template.send("dealer", "second")).isTrue();
				assertThat(Frames.text(Frames.receive(router))).containsExactly("sender-1", "first");
				assertThat(Frames.text(Frames.receive(router))).containsExactly("sender-1", "second");
			});
	}

	@Test
	void sendMultipartSendsEachElementAsOneFrameOfOneMessage() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		TemplateApplication.runnerWith("out", "PUSH", "connect=" + RawPeers.endpoint(pull))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.sendMultipart("out", List.of("a", new byte[] { 1, 2 }, "c"))).isTrue();
				assertThat(template.send("out", "next")).isTrue();
				List<byte[]> frames = Frames.receive(pull);
				assertThat(frames).hasSize(3);
				assertThat(frames.get(0)).isEqualTo(Frames.utf8("a"));
				assertThat(frames.get(1)).containsExactly(1, 2);
				assertThat(frames.get(2)).isEqualTo(Frames.utf8("c"));
				assertThat(Frames.text(Frames.receive(pull))).containsExactly("next");
			});
	}

	@Test
	void messageWithTopicHeaderSendsTopicFrameBeforeThePayloadFrames() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		TemplateApplication.runnerWith("out", "PUSH", "connect=" + RawPeers.endpoint(pull))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				template.send("out", MessageBuilder.withPayload("single").setHeader(ZmqHeaders.TOPIC, "news").build());
				template.send("out", MessageBuilder.withPayload(List.of("part-1", "part-2"))
					.setHeader(ZmqHeaders.TOPIC, "news")
					.build());
				template.send("out", MessageBuilder.withPayload("no topic").build());
				assertThat(Frames.text(Frames.receive(pull))).containsExactly("news", "single");
				assertThat(Frames.text(Frames.receive(pull))).containsExactly("news", "part-1", "part-2");
				assertThat(Frames.text(Frames.receive(pull))).containsExactly("no topic");
			});
	}

	@Test
	void messageWithIdentityHeaderIsRoutedToThatPeer() {
		TemplateApplication.runnerWith("router", "ROUTER", "bind=tcp://127.0.0.1:*", ROUTER_RECEIVE_TIMEOUT)
			.run((context) -> {
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				ZMQ.Socket worker = this.peers.connect(SocketType.DEALER, registry.endpoint("router"), "worker-1");
				ZMQ.Socket other = this.peers.connect(SocketType.DEALER, registry.endpoint("router"), "worker-2");
				awaitArrival(registry, worker, "worker-1");
				awaitArrival(registry, other, "worker-2");
				context.getBean(ZmqTemplate.class)
					.send("router", MessageBuilder.withPayload(List.of("a", "b"))
						.setHeader(ZmqHeaders.IDENTITY, Frames.utf8("worker-1"))
						.build());
				// The ROUTER strips the identity; the empty delimiter keeps REQ/REP peers in step.
				assertThat(Frames.text(Frames.receive(worker))).containsExactly("", "a", "b");
				assertThat(Frames.receiveNow(other)).isNull();
			});
	}

	@Test
	void sendToReachesAReqPeerByItsIdentity() {
		TemplateApplication.runnerWith("router", "ROUTER", "bind=tcp://127.0.0.1:*", ROUTER_RECEIVE_TIMEOUT)
			.run((context) -> {
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				ZMQ.Socket client = this.peers.connect(SocketType.REQ, registry.endpoint("router"), "client-7");
				Frames.send(client, List.of(Frames.utf8("hello")));
				List<byte[]> request = registry.socket("router").execute(Frames::receive);
				assertThat(Frames.text(request)).containsExactly("client-7", "", "hello");
				assertThat(context.getBean(ZmqTemplate.class).sendTo("router", Frames.utf8("client-7"), "world")).isTrue();
				assertThat(Frames.text(Frames.receive(client))).containsExactly("world");
			});
	}

	@Test
	void sendToOnANonRouterSocketFailsNamingTheSocketAndItsType() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		TemplateApplication.runnerWith("out", "PUSH", "connect=" + RawPeers.endpoint(pull))
			.run((context) -> assertThatExceptionOfType(ZmqException.class)
				.isThrownBy(() -> context.getBean(ZmqTemplate.class).sendTo("out", Frames.utf8("x"), "payload"))
				.withMessageContaining("ROUTER")
				.withMessageContaining("'out' is PUSH"));
	}

	// A ROUTER can only address a peer whose connection it has accepted: the peer says hello first.
	private static void awaitArrival(ZmqSocketRegistry registry, ZMQ.Socket peer, String identity) {
		Frames.send(peer, List.of(Frames.utf8("ready")));
		assertThat(Frames.text(registry.socket("router").execute(Frames::receive))).containsExactly(identity, "ready");
	}

}
