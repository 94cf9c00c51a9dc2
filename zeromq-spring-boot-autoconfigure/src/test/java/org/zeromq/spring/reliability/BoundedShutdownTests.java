package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.SocketClosingException;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.closeWithin;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Closing the application ends within {@code zeromq.shutdown-timeout} whatever peers and
 * handlers do: senders blocked at the high-water mark are released at once, a handler that
 * overstays is named with its stack, and a context that cannot terminate is abandoned with an
 * ERROR. Each test sets timeouts of the peers' and handlers' far above the bound, so that a close
 * that waited for any of them would fail.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundedShutdownTests {

	private static final Duration BOUND = Duration.ofSeconds(3);

	private static final String SHUTDOWN_TIMEOUT = "zeromq.shutdown-timeout=" + BOUND.toMillis() + "ms";

	/** A send-timeout no close may wait for. */
	private static final String PATIENT_SENDS = "send-timeout=5m";

	private static final int SENDERS = 4;

	@Test
	void fourSendersBlockedAtTheHighWaterMarkWithNoPeerAreReleasedAtOnceWithAClosingError() {
		Queue<Throwable> released = new ConcurrentLinkedQueue<>();
		ZmqApplication.runner()
			.withPropertyValues(SHUTDOWN_TIMEOUT)
			.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP, PATIENT_SENDS))
			.run((context) -> {
				ZmqOperations template = context.getBean(ZmqOperations.class);
				List<Thread> senders = new ArrayList<>();
				for (int i = 0; i < SENDERS; i++) {
					senders.add(startSender("blocked-sender-" + i, () -> template.send("out", "waits for a peer"), released));
				}
				// A PUSH with no peer blocks the first send: all four wait, in the send or for its lock.
				await().atMost(WAIT).until(() -> senders.stream().allMatch(BoundedShutdownTests::waitsInASend));
				closeWithin(context, BOUND, "close with " + SENDERS + " senders blocked at the high-water mark, no peer");
				for (Thread sender : senders) {
					assertThat(awaitEnd(sender)).as("sender %s ended", sender.getName()).isTrue();
				}
			});
		assertThat(released).hasSize(SENDERS)
			.allSatisfy((error) -> assertThat(error).isInstanceOf(SocketClosingException.class)
				.hasMessageContaining("Socket 'out' is clos"));
	}

	enum Peer {

		/** Nobody connected: every send blocks. */
		NONE,

		/** Connected, never reads: the queues fill, then sends block and queued messages linger. */
		STALLED,

		/** Connected, reads one message a millisecond: sends block now and then. */
		SLOW

	}

	@ParameterizedTest(name = "peer {0}")
	@EnumSource(Peer.class)
	void closeUnderLoadOfFourSendersEndsWithinTheBound(Peer kind) throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			AtomicBoolean reading = new AtomicBoolean(true);
			CompletableFuture<String> slowEndpoint = new CompletableFuture<>();
			Thread reader = (kind == Peer.SLOW) ? slowReader(peers.context(), slowEndpoint, reading) : null;
			String out = switch (kind) {
				case NONE -> "bind=" + ANY_TCP;
				case STALLED -> {
					ZMQ.Socket stalled = peers.create(SocketType.PULL);
					stalled.setRcvHWM(10);
					stalled.setReceiveBufferSize(4096);
					stalled.bind(ANY_TCP);
					yield "connect=" + stalled.getLastEndpoint();
				}
				case SLOW -> "connect=" + slowEndpoint.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			};
			Queue<Throwable> released = new ConcurrentLinkedQueue<>();
			ZmqApplication.runner()
				.withPropertyValues(SHUTDOWN_TIMEOUT)
				.withPropertyValues(socket("out", "type=PUSH", out, "send-hwm=10", PATIENT_SENDS))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					byte[] payload = new byte[16 * 1024];
					List<Thread> senders = new ArrayList<>();
					for (int i = 0; i < SENDERS; i++) {
						senders.add(startSender("loaded-sender-" + i, () -> {
							for (int n = 0; n < 10_000_000; n++) {
								template.send("out", payload);
							}
						}, released));
					}
					// With no peer or a stalled one every sender ends up waiting; a slow peer keeps them moving.
					await().atMost(WAIT).until(() -> senders.stream()
						.anyMatch(BoundedShutdownTests::waitsInASend));
					closeWithin(context, BOUND, "close under the load of " + SENDERS + " senders, peer " + kind);
					for (Thread sender : senders) {
						assertThat(awaitEnd(sender)).as("sender %s ended", sender.getName()).isTrue();
					}
				});
			reading.set(false);
			if (reader != null) {
				assertThat(awaitEnd(reader)).isTrue();
			}
			// Blocked in the socket, or between two sends when the template closed: each learns why.
			assertThat(released).hasSize(SENDERS)
				.allSatisfy((error) -> assertThat(error).isInstanceOf(ZmqException.class).hasMessageContaining("is clos"));
		}
	}

	@Test
	void aContextThatCannotTerminateIsAbandonedWithAnErrorShowingWhereJeroMQIsStuck(CapturedOutput output) {
		try (PeerSockets peers = new PeerSockets()) {
			ZmqApplication.runner()
				.withPropertyValues(SHUTDOWN_TIMEOUT)
				// linger of an hour: closing waits that long for queued messages to reach a peer that never reads
				.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP, "linger=1h", "hwm-policy=DROP"))
				.run((context) -> {
					ZMQ.Socket stalled = peers.create(SocketType.PULL);
					stalled.setRcvHWM(1);
					stalled.setReceiveBufferSize(4096);
					stalled.connect(endpoint(context, "out"));
					ZmqOperations template = context.getBean(ZmqOperations.class);
					byte[] payload = new byte[64 * 1024];
					// Until the peer takes the first one: from then on messages queue for it.
					await().atMost(WAIT).until(() -> template.send("out", payload));
					// 12.5 MiB: more than the kernel buffers between the two hold, so some stays queued.
					for (int i = 0; i < 200; i++) {
						template.send("out", payload);
					}
					closeWithin(context, BOUND, "close of a context whose reaper waits forever (linger 1 h, stalled peer)");
				});
			// The peer goes with the test: the abandoned termination then completes and its threads end.
		}
		assertThat(output).contains("The ZeroMQ context did not terminate within what the shutdown budget of "
				+ BOUND.toMillis() + " ms had left; abandoning it")
			.contains("\"zmq-reaper-");
	}

	@Test
	void aHandlerThatOverstaysIsLoggedWithItsStackAndTheBoundCapsTheListenersOwnTimeout(CapturedOutput output)
			throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZmqApplication.runner()
				.withUserConfiguration(OverstayingService.class)
				.withPropertyValues(SHUTDOWN_TIMEOUT, "zeromq.listener.shutdown-timeout=5m")
				.withPropertyValues(socket("slow", "type=REP", "bind=" + ANY_TCP))
				.run((context) -> {
					OverstayingService service = context.getBean(OverstayingService.class);
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "slow"));
					send(client, "take your time");
					assertThat(service.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
					try {
						closeWithin(context, BOUND, "close with a handler that overstays (listener shutdown-timeout 5 min)");
					}
					finally {
						service.release.countDown();
					}
					// Never interrupted: it returns when it likes, and its thread then ends.
					await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
						.noneMatch((thread) -> thread.getName().startsWith("zmq-listener-slow-")));
				});
		}
		assertThat(output).contains("Listener 'slow' has a handler still running after the shutdown timeout of ")
			.contains("\"zmq-listener-slow-1\"")
			.contains("BoundedShutdownTests$OverstayingService.serve")
			// The listeners' step kept the context's linger for the rest: nothing else had to be abandoned.
			.doesNotContain("The ZeroMQ context did not terminate");
	}

	private static Thread startSender(String name, Runnable sends, Queue<Throwable> released) {
		Thread sender = new Thread(() -> {
			try {
				sends.run();
			}
			catch (RuntimeException ex) {
				released.add(ex);
			}
		}, name);
		sender.setDaemon(true);
		sender.start();
		return sender;
	}

	// In JeroMQ's send waiting for room (its mailbox), or for the socket's lock while another sender is in it.
	private static boolean waitsInASend(Thread sender) {
		boolean waiting = false;
		for (StackTraceElement frame : sender.getStackTrace()) {
			waiting |= (frame.getClassName().equals("zmq.Mailbox") && frame.getMethodName().equals("recv"))
					|| frame.getClassName().equals("java.util.concurrent.locks.LockSupport");
			if (frame.getClassName().equals("org.zeromq.spring.core.ManagedSocket") && frame.getMethodName().equals("send")) {
				return waiting;
			}
		}
		return false;
	}

	private static boolean awaitEnd(Thread thread) throws InterruptedException {
		thread.join(WAIT.toMillis());
		return !thread.isAlive();
	}

	// Reads one message a millisecond until told to stop, on a socket it opens and closes itself.
	private static Thread slowReader(ZContext context, CompletableFuture<String> endpoint, AtomicBoolean reading) {
		Thread reader = new Thread(() -> {
			ZMQ.Socket socket = context.createSocket(SocketType.PULL);
			try {
				socket.setLinger(0);
				socket.setRcvHWM(10);
				socket.setReceiveTimeOut(100);
				socket.bind(ANY_TCP);
				endpoint.complete(socket.getLastEndpoint());
				while (reading.get()) {
					if (socket.recv() != null) {
						LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
					}
				}
			}
			finally {
				socket.close();
			}
		}, "slow-peer");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	static class OverstayingService {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@ZmqListener("slow")
		String serve(String request) throws InterruptedException {
			this.entered.countDown();
			this.release.await(5, TimeUnit.MINUTES);
			return "done";
		}

	}

}
