package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * One-way sends on a DEALER under {@code hwm-policy: block} (the default): the caller does not
 * wait for the socket's owner thread, messages keep their order, and what was accepted still goes
 * out when the template closes, or is counted as dropped when no peer takes it within the linger.
 * The owner thread is held busy by a request whose completion callback (which runs on it) waits.
 */
class ZmqTemplateDealerSendTests {

	private static final Duration WAIT = ZmqApplication.WAIT;

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void aOneWaySendReturnsWhileTheOwnerThreadIsBusyAndTheMessagesGoOutInOrderOnceItIsFree() {
		ZMQ.Socket router = this.peers.bind(SocketType.ROUTER);
		// A send that waited for the busy owner would wait for a minute.
		this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + router.getLastEndpoint(), "send-timeout=60s"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				CompletableFuture<Void> sends;
				try (BusyOwner busy = BusyOwner.hold(template, router)) {
					sends = CompletableFuture.runAsync(() -> {
						for (int i = 0; i < 5; i++) {
							assertThat(template.send("client", "one-way " + i)).isTrue();
						}
					});
					await().atMost(WAIT).until(sends::isDone);
					sends.join();
				}
				for (int i = 0; i < 5; i++) {
					assertThat(PeerFrames.receiveStrings(router)).hasSize(2).last().isEqualTo("one-way " + i);
				}
			});
	}

	@Test
	void oneWaySendsStillQueuedForTheOwnerWhenTheTemplateClosesGoOut() {
		ZMQ.Socket router = this.peers.bind(SocketType.ROUTER);
		this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + router.getLastEndpoint()))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				CompletableFuture<Void> closed;
				try (BusyOwner busy = BusyOwner.hold(template, router)) {
					for (int i = 0; i < 5; i++) {
						assertThat(template.send("client", "before close " + i)).isTrue();
					}
					closed = CompletableFuture.runAsync(template::close);
				}
				await().atMost(WAIT).until(closed::isDone);
				closed.join();
				for (int i = 0; i < 5; i++) {
					assertThat(PeerFrames.receiveStrings(router)).hasSize(2).last().isEqualTo("before close " + i);
				}
			});
	}

	@Test
	void acceptedSendsThatNoPeerTakesWithinTheLingerAreDroppedAndCountedAtCloseWhichDoesNotHang() {
		this.runner.withPropertyValues(socket("out", "type=DEALER", "bind=" + ZmqApplication.ANY_TCP, "linger=100ms"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				ManagedSocket out = ZmqApplication.registry(context).socket("out");
				assertThat(template.send("out", "nobody")).isTrue();
				assertThat(template.send("out", "takes these")).isTrue();
				CompletableFuture<Void> closed = CompletableFuture.runAsync(template::close);
				await().atMost(WAIT).until(closed::isDone);
				closed.join();
				assertThat(out.droppedCount()).isEqualTo(2);
			});
	}

	/** Holds the DEALER's owner thread in a request's completion callback until closed. */
	private static final class BusyOwner implements AutoCloseable {

		private final CountDownLatch held = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		static BusyOwner hold(ZmqTemplate template, ZMQ.Socket router) throws InterruptedException {
			BusyOwner busy = new BusyOwner();
			CompletableFuture<String> reply = template.requestAsync("client", "hold", WAIT, String.class);
			// Registered before the router answers, so it runs on the thread that completes the reply.
			reply.thenRun(busy::holdHere);
			List<byte[]> request = PeerFrames.receive(router);
			PeerFrames.send(router, request);
			assertThat(busy.held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			return busy;
		}

		private void holdHere() {
			this.held.countDown();
			try {
				this.released.await(PeerSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() {
			this.released.countDown();
		}

	}

}
