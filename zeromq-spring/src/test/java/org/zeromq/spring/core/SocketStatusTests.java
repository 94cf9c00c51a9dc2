package org.zeromq.spring.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A socket's status follows its connections as JeroMQ reports them: peers count once their
 * handshake completes and stop counting when they leave, a connection that never handshakes is
 * never a peer, and a PUB knows its subscribers, so that what it publishes after
 * {@code awaitSubscribers} reaches them.
 */
class SocketStatusTests {

	private final ZContext context = new ZContext(1);

	private final List<ZmqSocketRegistry> registries = new ArrayList<>();

	@AfterEach
	void close() {
		this.registries.forEach(ZmqSocketRegistry::close);
		this.context.close();
	}

	@Test
	void peersCountOnceTheirHandshakeCompletedAndStopCountingWhenTheyLeave() {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("tasks", ZmqSocketType.PUSH, "tcp://127.0.0.1:*"));
		ManagedSocket tasks = registry.socket("tasks");
		SocketStatus status = registry.status("tasks");
		assertThat(status.listeningEndpoints()).containsExactly(registry.endpoint("tasks"));
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket first = peers.connect(SocketType.PULL, registry.endpoint("tasks"));
			assertThat(tasks.awaitPeers(1, PeerSockets.TIMEOUT)).isTrue();
			ZMQ.Socket second = peers.connect(SocketType.PULL, registry.endpoint("tasks"));
			assertThat(tasks.awaitPeers(2, PeerSockets.TIMEOUT)).isTrue();
			assertThat(status.peers()).isEqualTo(2);
			first.close();
			await().atMost(PeerSockets.TIMEOUT).until(() -> status.peers() == 1);
			second.close();
			await().atMost(PeerSockets.TIMEOUT).until(() -> status.peers() == 0);
		}
		assertThat(status.events(SocketEvent.ACCEPTED)).isGreaterThanOrEqualTo(2);
		assertThat(status.events(SocketEvent.HANDSHAKE_COMPLETED)).isGreaterThanOrEqualTo(2);
		assertThat(status.events(SocketEvent.DISCONNECTED)).isGreaterThanOrEqualTo(2);
		assertThat(status.events(SocketEvent.LISTENING)).isEqualTo(1);
		assertThat(status.lastEvent()).isPresent();
	}

	@Test
	void aConnectionThatClosesBeforeItsHandshakeIsNeverAPeer() throws IOException {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("tasks", ZmqSocketType.PUSH, "tcp://127.0.0.1:*"));
		ManagedSocket tasks = registry.socket("tasks");
		SocketStatus status = tasks.status();
		URI endpoint = URI.create(registry.endpoint("tasks"));
		// A port probe: a TCP connection that says nothing and leaves.
		try (Socket probe = new Socket()) {
			probe.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()));
			await().atMost(PeerSockets.TIMEOUT).until(() -> status.events(SocketEvent.ACCEPTED) == 1);
		}
		await().atMost(PeerSockets.TIMEOUT).until(() -> status.events(SocketEvent.DISCONNECTED) == 1);
		assertThat(status.peers()).isZero();
		try (PeerSockets peers = new PeerSockets()) {
			peers.connect(SocketType.PULL, registry.endpoint("tasks"));
			assertThat(tasks.awaitPeers(1, PeerSockets.TIMEOUT)).isTrue();
		}
		await().atMost(PeerSockets.TIMEOUT).until(() -> status.peers() == 0);
	}

	@Test
	void aConnectingSocketCountsTheServerItReachedAndLosesItWhenTheServerGoes() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket server = peers.bind(SocketType.PULL);
			ZmqSocketRegistry registry = registry(
					SocketSpec.connect("results", ZmqSocketType.PUSH, server.getLastEndpoint()));
			ManagedSocket results = registry.socket("results");
			assertThat(results.awaitPeers(1, PeerSockets.TIMEOUT)).isTrue();
			assertThat(results.status().events(SocketEvent.CONNECTED)).isGreaterThanOrEqualTo(1);
			server.close();
			await().atMost(PeerSockets.TIMEOUT).until(() -> results.status().peers() == 0);
		}
	}

	@Test
	void awaitPeersAnswersFalseWhenNoPeerCameInTime() {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("lonely", ZmqSocketType.PUSH, "tcp://127.0.0.1:*"));
		assertThat(registry.socket("lonely").awaitPeers(1, Duration.ofMillis(50))).isFalse();
	}

	@Test
	void anInprocSocketCannotCountItsPeersAndSaysWhy() {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("local", ZmqSocketType.PUSH, "inproc://status-local"));
		assertThat(registry.status("local").tracksPeers()).isFalse();
		assertThatExceptionOfType(ZmqException.class)
			.isThrownBy(() -> registry.socket("local").awaitPeers(1, Duration.ofMillis(10)))
			.withMessageContaining("only inproc endpoints");
	}

	@Test
	void everyMessagePublishedAfterAwaitSubscribersReachesTheNewSubscriber() throws Exception {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("news", ZmqSocketType.PUB, "tcp://127.0.0.1:*"));
		ManagedSocket news = registry.socket("news");
		ExecutorService publisher = Executors.newSingleThreadExecutor();
		try (PeerSockets peers = new PeerSockets()) {
			for (int subscriber = 1; subscriber <= 10; subscriber++) {
				ZMQ.Socket sub = peers.create(SocketType.SUB);
				sub.subscribe(ZMQ.SUBSCRIPTION_ALL);
				sub.connect(registry.endpoint("news"));
				int count = subscriber;
				// The publisher waits and sends on its own thread while the subscriber waits in recv,
				// as in an application: a SUB whose first connection JeroMQ stalled resends its
				// subscription on the new one only when its thread next uses the socket.
				Future<Boolean> published = publisher.submit(() -> news.awaitSubscribers(count, PeerSockets.TIMEOUT)
						&& news.send(List.of(("hello " + count).getBytes(ZMQ.CHARSET))));
				// The very first message after the wait arrives: no slow joiner.
				assertThat(sub.recvStr()).isEqualTo("hello " + subscriber);
				assertThat(published.get(PeerSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			}
			assertThat(news.status().subscribers()).isEqualTo(10);
		}
		finally {
			publisher.shutdown();
		}
		await().atMost(PeerSockets.TIMEOUT).until(() -> news.status().subscribers() == 0);
	}

	@Test
	void awaitSubscribersIsForPublishers() {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("tasks", ZmqSocketType.PUSH, "tcp://127.0.0.1:*"));
		assertThatExceptionOfType(ZmqException.class)
			.isThrownBy(() -> registry.socket("tasks").awaitSubscribers(1, Duration.ofMillis(10)))
			.withMessageContaining("awaitSubscribers needs a PUB socket");
	}

	@Test
	void theStatusOfADeclaredSocketIsThereBeforeItOpensAndReadingItOpensNothing() {
		ZmqSocketRegistry registry = registry(SocketSpec.bind("later", ZmqSocketType.PULL, "tcp://127.0.0.1:*"));
		SocketStatus status = registry.status("later");
		assertThat(status.openSockets()).isZero();
		assertThat(status.peers()).isZero();
		assertThat(registry.statuses()).containsExactly(status);
		assertThat(registry.diagnoses()).isEmpty();
		assertThat(registry.isOpen()).isFalse();
		registry.open();
		assertThat(status.openSockets()).isEqualTo(1);
	}

	private ZmqSocketRegistry registry(SocketSpec... specs) {
		ZmqSocketRegistry registry = new ZmqSocketRegistry(
				new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ZERO)), List.of(specs));
		this.registries.add(registry);
		return registry;
	}

}
