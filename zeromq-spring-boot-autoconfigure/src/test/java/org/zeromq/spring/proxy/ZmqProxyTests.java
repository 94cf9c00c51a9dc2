package org.zeromq.spring.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Proxies declared under {@code zeromq.proxies}, between sockets declared under
 * {@code zeromq.sockets}, with raw JeroMQ peers on both sides over tcp: each shape, the capture
 * as a wiretap feeding a {@code @ZmqListener}, pause, resume and stop through the registry, and
 * the threads they leave (none).
 */
class ZmqProxyTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	private static String[] proxy(String name, String... settings) {
		return java.util.Arrays.stream(settings).map((setting) -> "zeromq.proxies." + name + "." + setting)
			.toArray(String[]::new);
	}

	private ApplicationContextRunner broker() {
		return this.runner.withPropertyValues(socket("clients", "type=ROUTER", "bind=" + ANY_TCP))
			.withPropertyValues(socket("workers", "type=DEALER", "bind=" + ANY_TCP))
			.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers"));
	}

	@Test
	void aQueueCarriesEachRequestToAWorkerAndTheReplyBackAndCountsBothWays() {
		broker().run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "clients"), "c1");
				ZMQ.Socket worker = peers.connect(SocketType.REP, endpoint(context, "workers"));
				for (int i = 0; i < 20; i++) {
					assertThat(client.send("Hello")).isTrue();
					assertThat(worker.recvStr()).isEqualTo("Hello");
					assertThat(worker.send("World")).isTrue();
					assertThat(client.recvStr()).isEqualTo("World");
				}
				ZmqProxyRegistry proxies = context.getBean(ZmqProxyRegistry.class);
				await().atMost(WAIT).until(() -> proxies.stats("broker").backToFront().messages() == 20);
				ProxyStats stats = proxies.stats("broker");
				assertThat(stats.shape()).isEqualTo(ProxyShape.QUEUE);
				assertThat(stats.state()).isEqualTo(ProxyState.RUNNING);
				// [c1][""][Hello] one way, [c1][""][World] the other: 2 + 0 + 5 bytes each.
				assertThat(stats.frontToBack()).isEqualTo(new ProxyStats.Flow(20, 140, 0));
				assertThat(stats.backToFront()).isEqualTo(new ProxyStats.Flow(20, 140, 0));
				assertThat(stats.capture()).isEqualTo(new ProxyStats.Flow(0, 0, 0));
			}
		});
	}

	@Test
	void aForwarderPassesSubscriptionsUpAndOnlyTheSubscribedPublicationsDown() {
		try (PeerSockets peers = new PeerSockets()) {
			// The upstream publisher is an XPUB, so the test sees each subscription that reaches it.
			ZMQ.Socket publisher = peers.bind(SocketType.XPUB);
			this.runner.withPropertyValues(socket("upstream", "type=XSUB", "connect=" + publisher.getLastEndpoint()))
				.withPropertyValues(socket("downstream", "type=XPUB", "bind=" + ANY_TCP))
				.withPropertyValues(proxy("weather", "frontend=upstream", "backend=downstream"))
				.run((context) -> {
					ZMQ.Socket subscriber = peers.connect(SocketType.SUB, endpoint(context, "downstream"));
					subscriber.subscribe("10001 ");
					// A SUB whose connection JeroMQ had to make again (a stalled connect) sends its
					// subscription again only when its own thread next uses it: use it while waiting.
					byte[][] forwarded = new byte[1][];
					await().atMost(WAIT).pollInSameThread().until(() -> {
						subscriber.getEvents();
						forwarded[0] = publisher.recv(ZMQ.DONTWAIT);
						return forwarded[0] != null;
					});
					assertThat(forwarded[0]).as("the subscription, forwarded upstream").isEqualTo("\u000110001 ".getBytes(ZMQ.CHARSET));
					publisher.send("10002 50 20");
					publisher.send("10001 21 65");
					assertThat(subscriber.recvStr()).isEqualTo("10001 21 65");
					ZmqProxyRegistry proxies = context.getBean(ZmqProxyRegistry.class);
					// The proxy counts a batch once it has forwarded it: the subscriber can be first.
					await().atMost(WAIT).until(() -> proxies.stats("weather").frontToBack().messages() > 0);
					ProxyStats stats = proxies.stats("weather");
					assertThat(stats.shape()).isEqualTo(ProxyShape.FORWARDER);
					assertThat(stats.backToFront().messages()).isEqualTo(1);
					// The publisher filtered by the forwarded subscription: only one publication crossed the proxy.
					assertThat(stats.frontToBack().messages()).isEqualTo(1);
				});
		}
	}

	@Test
	void aStreamerDealsTasksToItsWorkersInOrder() {
		this.runner.withPropertyValues(socket("tasks-in", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues(socket("tasks-out", "type=PUSH", "bind=" + ANY_TCP))
			.withPropertyValues(proxy("stage", "frontend=tasks-in", "backend=tasks-out"))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket producer = peers.connect(SocketType.PUSH, endpoint(context, "tasks-in"));
					ZMQ.Socket worker = peers.connect(SocketType.PULL, endpoint(context, "tasks-out"));
					// Before the handshake a bound PUSH may deal messages to a connection JeroMQ then drops.
					ZmqReadiness.awaitPeers(context.getBean(ZmqTemplate.class), "tasks-out", 1);
					for (int i = 0; i < 50; i++) {
						producer.send(Integer.toString(i));
					}
					for (int i = 0; i < 50; i++) {
						assertThat(worker.recvStr()).isEqualTo(Integer.toString(i));
					}
					assertThat(context.getBean(ZmqProxyRegistry.class).stats("stage").shape()).isEqualTo(ProxyShape.STREAMER);
				}
			});
	}

	@Test
	void theCaptureFeedsAListenerACopyOfEveryMessageEachWay() {
		broker().withUserConfiguration(Wiretap.class)
			.withPropertyValues(socket("capture", "type=PUSH", "bind=inproc://broker-capture"))
			.withPropertyValues(socket("tap", "type=PULL", "connect=inproc://broker-capture"))
			.withPropertyValues(proxy("broker", "capture=capture"))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "clients"), "c1");
					ZMQ.Socket worker = peers.connect(SocketType.REP, endpoint(context, "workers"));
					for (int i = 0; i < 3; i++) {
						client.send("Hello " + i);
						worker.send("World for " + worker.recvStr());
						assertThat(client.recvStr()).isEqualTo("World for Hello " + i);
					}
					Wiretap wiretap = context.getBean(Wiretap.class);
					await().atMost(WAIT).until(() -> wiretap.seen.size() == 6);
					assertThat(wiretap.seen).containsExactlyElementsOf(IntStream.range(0, 3)
						.boxed()
						.flatMap((i) -> java.util.stream.Stream.of("c1||Hello " + i, "c1||World for Hello " + i))
						.toList());
					ProxyStats.Flow captured = context.getBean(ZmqProxyRegistry.class).stats("broker").capture();
					assertThat(captured.messages()).isEqualTo(6);
					assertThat(captured.dropped()).isZero();
				}
			});
	}

	@Test
	void aPausedProxyHoldsMessagesUntilResumedAndAStoppedOneEndsItsThread() {
		LiveThreads before = LiveThreads.now();
		this.runner.withPropertyValues(socket("tasks-in", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues(socket("tasks-out", "type=PUSH", "bind=" + ANY_TCP))
			.withPropertyValues(proxy("stage", "frontend=tasks-in", "backend=tasks-out"))
			.run((context) -> {
				ZmqProxyRegistry proxies = context.getBean(ZmqProxyRegistry.class);
				assertThat(LiveThreads.now().startedSince(before)).contains("zmq-proxy-stage");
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket producer = peers.connect(SocketType.PUSH, endpoint(context, "tasks-in"));
					ZMQ.Socket worker = peers.connect(SocketType.PULL, endpoint(context, "tasks-out"));
					proxies.pause("stage");
					assertThat(proxies.state("stage")).isEqualTo(ProxyState.PAUSED);
					producer.send("held");
					assertThat(worker.recvStr(ZMQ.DONTWAIT)).isNull();
					await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> proxies.stats("stage").frontToBack().messages() == 0);
					proxies.resume("stage");
					assertThat(proxies.state("stage")).isEqualTo(ProxyState.RUNNING);
					assertThat(worker.recvStr()).isEqualTo("held");

					assertThat(proxies.stop("stage")).isTrue();
					assertThat(proxies.state("stage")).isEqualTo(ProxyState.STOPPED);
					// stop() returns once the loop closed its sockets; the thread ends just after.
					await().atMost(WAIT).until(() -> !LiveThreads.now().startedSince(before).contains("zmq-proxy-stage"));
					assertThatExceptionOfType(org.zeromq.spring.core.ZmqException.class).isThrownBy(() -> proxies.pause("stage"))
						.withMessageContaining("proxy 'stage' is stopped");
				}
			});
		before.awaitZmqThreadsEnded();
	}

	@Test
	void closingTheApplicationStopsEveryProxyAndLeavesNoThread() {
		LiveThreads before = LiveThreads.now();
		ConfigurableApplicationContext[] opened = new ConfigurableApplicationContext[1];
		broker().withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP))
			.withPropertyValues(proxy("stage", "frontend=in", "backend=out"))
			.run((context) -> {
				opened[0] = context.getSourceApplicationContext();
				assertThat(LiveThreads.now().startedSince(before)).contains("zmq-proxy-broker", "zmq-proxy-stage");
			});
		assertThat(opened[0].isActive()).isFalse();
		before.awaitZmqThreadsEnded();
	}

	@Test
	void aProxyThatIsNotDeclaredIsNamedWithThoseThatAre() {
		broker().run((context) -> assertThatExceptionOfType(org.zeromq.spring.core.ZmqException.class)
			.isThrownBy(() -> context.getBean(ZmqProxyRegistry.class).pause("borker"))
			.withMessage("No proxy named 'borker' is declared (declared: [broker])"));
	}

	static class Wiretap {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZmqListener("tap")
		void onCopy(ZMsg copy) {
			this.seen.add(String.join("|", copy.stream().map((frame) -> frame.getString(ZMQ.CHARSET)).toList()));
		}

	}

}
