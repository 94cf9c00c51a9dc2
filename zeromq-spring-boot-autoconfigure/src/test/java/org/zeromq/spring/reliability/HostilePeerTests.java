package org.zeromq.spring.reliability;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.SupervisedZContext;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.zeromq.spring.reliability.HostileInput.concat;
import static org.zeromq.spring.reliability.HostileInput.greeting;
import static org.zeromq.spring.reliability.HostileInput.longFrameHeader;
import static org.zeromq.spring.reliability.ReliabilityFigures.closeWithin;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Raw TCP clients send what a hostile or broken peer can send to every socket type an
 * application binds, and the application must stay alive and keep serving its real clients.
 * Each input here took JeroMQ 0.6.0's I/O thread down, wedged it, or pinned gigabytes of memory
 * before the starter's guard (docs/reliability.md has the inputs, stacks and counts).
 */
class HostilePeerTests {

	/** 2^31 - 1: the largest frame JeroMQ would allocate, in direct memory. */
	private static final long TWO_GIB = 0x7FFF_FFFFL;

	/** A size JeroMQ reads as negative, so that it slips past max-message-size, and casts to 2 GiB - 1. */
	private static final long TOP_BIT_TWO_GIB = 0x8000_0000_7FFF_FFFFL;

	/** What each declared socket type accepts as its peer, for the READY a raw peer sends. */
	private static final Map<String, String> PEER_TYPE = Map.of("rep", "REQ", "router", "DEALER", "pull", "PUSH",
			"sub", "PUB", "pub", "SUB", "xpub", "SUB");

	/** Direct memory the hostile connections may add: their 8 KiB I/O buffers, never a frame's announced size. */
	private static final long DIRECT_MEMORY_BOUND = 32L * 1024 * 1024;

	/** Far more than a case takes (about a second), less than one that hangs. */
	private static final Duration CASE_BOUND = Duration.ofSeconds(60);

	/** Garbage connections against each bound socket in the barrage. */
	private static final int BARRAGE = 200;

	/** The shutdown bound the barrage's application closes within, slowloris connections still open. */
	private static final Duration BARRAGE_BOUND = Duration.ofSeconds(5);

	private static final String BARRAGE_SHUTDOWN_TIMEOUT = "zeromq.shutdown-timeout=" + BARRAGE_BOUND.toMillis() + "ms";

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withUserConfiguration(Handlers.class)
		.withPropertyValues(socket("rep", "type=REP", "bind=" + ANY_TCP))
		.withPropertyValues(socket("router", "type=ROUTER", "bind=" + ANY_TCP))
		.withPropertyValues(socket("pull", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues(socket("sub", "type=SUB", "bind=" + ANY_TCP, "subscribe[0]="))
		.withPropertyValues(socket("pub", "type=PUB", "bind=" + ANY_TCP))
		.withPropertyValues(socket("xpub", "type=XPUB", "bind=" + ANY_TCP));

	static Stream<HostileInput> inputs() {
		return Stream.of(
				HostileInput.beforeHandshake("a greeting, then a frame announcing 2 GiB",
						concat(greeting(), longFrameHeader(true, TWO_GIB))),
				HostileInput.beforeHandshake("a greeting, then a 64-bit size with the top bit set that JeroMQ reads as 2 GiB",
						concat(greeting(), longFrameHeader(true, TOP_BIT_TWO_GIB))),
				HostileInput.beforeHandshake("a greeting, then a 64-bit size JeroMQ reads as negative",
						concat(greeting(), longFrameHeader(true, -1L))),
				HostileInput.afterHandshake("after a complete handshake, a data frame JeroMQ reads as 2 GiB",
						longFrameHeader(false, TOP_BIT_TWO_GIB)),
				HostileInput.afterHandshake("after a complete handshake, a data frame JeroMQ reads as negative",
						longFrameHeader(false, 0x8000_0000_8000_0000L)),
				HostileInput.afterHandshake("after a complete handshake, a PING command too short for its TTL",
						new byte[] { 0x04, 0x05, 0x04, 'P', 'I', 'N', 'G' }),
				HostileInput.beforeHandshake("a ZMTP 1.0 frame announcing 2 GiB",
						new byte[] { (byte) 0xff, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0, 0 }),
				HostileInput.beforeHandshake("a ZMTP 2.0 greeting, then a frame announcing 2 GiB",
						concat(HostileInput.zmtp2Greeting(), longFrameHeader(false, TWO_GIB))),
				HostileInput.random("a greeting, then 4 KiB of random bytes, 20 times", 20, true),
				HostileInput.random("4 KiB of random bytes, 20 times", 20, false),
				HostileInput.heldOpen("half a greeting, held open 10 times (slowloris)", java.util.Arrays.copyOf(greeting(), 11), 10));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void everyBoundSocketSurvivesTheInputAndKeepsServingItsClients(HostileInput input) {
		// The whole run is bounded: a stuck I/O thread would otherwise hang the runner's own close
		// of the context after a failed assertion, and the test with it.
		assertTimeoutPreemptively(CASE_BOUND, () -> this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				RealClients clients = new RealClients(context, peers);
				clients.awaitServed();
				long directBefore = directMemoryUsed();
				List<Socket> held = new ArrayList<>();
				try {
					for (String name : PEER_TYPE.keySet()) {
						int port = port(endpoint(context, name));
						for (int connection = 0; connection < input.connections(); connection++) {
							Socket hostile = input.send(port, PEER_TYPE.get(name), connection);
							if (input.holdOpen()) {
								held.add(hostile);
							}
							else {
								hostile.close();
							}
						}
					}
					clients.awaitServed();
					clients.awaitServedOnNewConnection();
				}
				finally {
					for (Socket socket : held) {
						socket.close();
					}
				}
				assertThat(context.getBean(SupervisedZContext.class).failure()).as("ZeroMQ thread failure").isEmpty();
				assertThat(directMemoryUsed() - directBefore).as("direct memory added by the hostile connections")
					.isLessThan(DIRECT_MEMORY_BOUND);
			}
			assertTimeoutPreemptively(WAIT, context::close, "the application context closes");
		}));
	}

	/** Every kind of garbage connection, taken in turn: 200 connections give each kind 28 or 29. */
	static List<HostileInput> barrageKinds() {
		return List.of(HostileInput.random("4 KiB of random bytes", 1, false),
				HostileInput.random("a greeting, then 4 KiB of random bytes", 1, true),
				HostileInput.beforeHandshake("a greeting, then a frame announcing 2 GiB",
						concat(greeting(), longFrameHeader(true, TWO_GIB))),
				HostileInput.beforeHandshake("a greeting, then a size with the top bit set",
						concat(greeting(), longFrameHeader(true, TOP_BIT_TWO_GIB))),
				HostileInput.beforeHandshake("a ZMTP 1.0 frame announcing 2 GiB",
						new byte[] { (byte) 0xff, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0, 0 }),
				HostileInput.afterHandshake("after a complete handshake, a data frame JeroMQ reads as negative",
						longFrameHeader(false, 0x8000_0000_8000_0000L)),
				HostileInput.heldOpen("half a greeting, held open (slowloris)", java.util.Arrays.copyOf(greeting(), 11), 1));
	}

	@Test
	void twoHundredGarbageConnectionsOfEveryKindAgainstEveryBoundSocketLeaveItServingWithMemoryBoundedAndCloseWithinTheBound() {
		assertTimeoutPreemptively(CASE_BOUND, () -> this.runner.withPropertyValues(BARRAGE_SHUTDOWN_TIMEOUT).run((context) -> {
			List<HostileInput> kinds = barrageKinds();
			List<Socket> held = new ArrayList<>();
			try (PeerSockets peers = new PeerSockets()) {
				RealClients clients = new RealClients(context, peers);
				clients.awaitServed();
				long directBefore = directMemoryUsed();
				long directPeak = directBefore;
				for (String name : PEER_TYPE.keySet()) {
					int port = port(endpoint(context, name));
					for (int connection = 0; connection < BARRAGE; connection++) {
						HostileInput kind = kinds.get(connection % kinds.size());
						Socket hostile = kind.send(port, PEER_TYPE.get(name), connection);
						if (kind.holdOpen()) {
							held.add(hostile);
						}
						else {
							hostile.close();
						}
					}
					directPeak = Math.max(directPeak, directMemoryUsed());
				}
				// Served while the slowloris connections are still open, on old connections and new.
				clients.awaitServed();
				clients.awaitServedOnNewConnection();
				directPeak = Math.max(directPeak, directMemoryUsed());
				assertThat(context.getBean(SupervisedZContext.class).failure()).as("ZeroMQ thread failure").isEmpty();
				report(BARRAGE + " garbage connections of " + kinds.size() + " kinds against each of " + PEER_TYPE.size()
						+ " bound sockets: direct memory added at the peak", ((directPeak - directBefore) / 1024) + " KiB");
				assertThat(directPeak - directBefore).as("direct memory added by the hostile connections")
					.isLessThan(DIRECT_MEMORY_BOUND);
				// Closed with the slowloris connections still open.
				closeWithin(context, BARRAGE_BOUND, "close after " + (BARRAGE * PEER_TYPE.size())
						+ " garbage connections, " + held.size() + " of them still open");
			}
			finally {
				for (Socket socket : held) {
					socket.close();
				}
			}
		}));
	}

	private static long directMemoryUsed() {
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	static int port(String tcpEndpoint) {
		return Integer.parseInt(tcpEndpoint.substring(tcpEndpoint.lastIndexOf(':') + 1));
	}

	/**
	 * One well-behaved peer per declared socket, connected before the hostile ones come and
	 * checked after they left: a dead or stuck I/O thread stops all of them.
	 */
	private static final class RealClients {

		private final ConfigurableApplicationContext context;

		private final PeerSockets peers;

		private final Handlers handlers;

		private final ZmqOperations operations;

		private final ZMQ.Socket req;

		private final ZMQ.Socket dealer;

		private final ZMQ.Socket push;

		private final ZMQ.Socket publisher;

		private final ZMQ.Socket pubSubscriber;

		private final ZMQ.Socket xpubSubscriber;

		private int round;

		RealClients(ConfigurableApplicationContext context, PeerSockets peers) {
			this.context = context;
			this.peers = peers;
			this.handlers = context.getBean(Handlers.class);
			this.operations = context.getBean(ZmqOperations.class);
			this.req = peers.connect(SocketType.REQ, endpoint(context, "rep"));
			this.dealer = peers.connect(SocketType.DEALER, endpoint(context, "router"), "dealer");
			this.push = peers.connect(SocketType.PUSH, endpoint(context, "pull"));
			this.publisher = peers.connect(SocketType.PUB, endpoint(context, "sub"));
			this.pubSubscriber = subscriber(endpoint(context, "pub"));
			this.xpubSubscriber = subscriber(endpoint(context, "xpub"));
		}

		private ZMQ.Socket subscriber(String endpoint) {
			ZMQ.Socket subscriber = this.peers.create(SocketType.SUB);
			subscriber.subscribe(new byte[0]);
			subscriber.connect(endpoint);
			return subscriber;
		}

		/** Every real client gets an answer, or its message through, over its existing connection. */
		void awaitServed() {
			String tag = "round-" + (++this.round);
			assertThat(request(this.req, tag)).containsExactly("rep " + tag);
			send(this.dealer, tag);
			assertThat(receiveStrings(this.dealer)).containsExactly("router " + tag);
			send(this.push, tag);
			await().atMost(WAIT).until(() -> this.handlers.pulled.contains(tag));
			// PUB/SUB drops until the subscription has travelled (the slow joiner), so publish until
			// each side sees one of this round's messages.
			await().pollInSameThread().atMost(WAIT).until(() -> {
				send(this.publisher, tag);
				return this.handlers.subscribed.contains(tag);
			});
			awaitPublished("pub", this.pubSubscriber, tag);
			awaitPublished("xpub", this.xpubSubscriber, tag);
		}

		/** A client that connects now is served too: the I/O thread still accepts and handshakes. */
		void awaitServedOnNewConnection() {
			ZMQ.Socket fresh = this.peers.connect(SocketType.REQ, endpoint(this.context, "rep"));
			assertThat(request(fresh, "fresh")).containsExactly("rep fresh");
		}

		private void awaitPublished(String socket, ZMQ.Socket subscriber, String tag) {
			subscriber.setReceiveTimeOut(100);
			await().pollInSameThread().atMost(WAIT).until(() -> {
				this.operations.send(socket, tag);
				for (String received = subscriber.recvStr(); received != null; received = subscriber.recvStr()) {
					if (received.equals(tag)) {
						return true;
					}
				}
				return false;
			});
		}

	}

	static class Handlers {

		final List<String> pulled = new CopyOnWriteArrayList<>();

		final List<String> subscribed = new CopyOnWriteArrayList<>();

		@ZmqListener("rep")
		String rep(String request) {
			return "rep " + request;
		}

		@ZmqListener("router")
		String router(String request) {
			return "router " + request;
		}

		@ZmqListener("pull")
		void pull(String message) {
			this.pulled.add(message);
		}

		@ZmqListener("sub")
		void sub(String message) {
			this.subscribed.add(message);
		}

	}

}
