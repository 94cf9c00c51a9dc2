package org.zeromq.spring.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Asynchronous requests through {@link ZmqTemplate}: many in flight on one DEALER socket, each
 * matched to its own reply by the correlation envelope whatever order the replies come in.
 */
class ZmqTemplateAsyncRequestTests {

	private static final int IN_FLIGHT = 1000;

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void thousandRequestsInFlightAtOnceEachCompleteWithTheirOwnReplyWhenRepliesComeInReverse() throws Exception {
		// The server answers nothing until all of them are in, then answers the last first.
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER,
				Responder.reversedBatches(IN_FLIGHT))) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					List<CompletableFuture<String>> replies = new ArrayList<>(IN_FLIGHT);
					for (int i = 0; i < IN_FLIGHT; i++) {
						replies.add(template.requestAsync("client", "request " + i, PeerSockets.TIMEOUT, String.class));
					}
					CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
						.get(PeerSockets.TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
					for (int i = 0; i < IN_FLIGHT; i++) {
						assertThat(replies.get(i).join()).isEqualTo("reply:request " + i);
					}
					assertThat(template.discardedReplies("client")).isZero();
				});
			assertThat(server.requests()).hasSize(IN_FLIGHT);
		}
	}

	@Test
	void timedOutRequestFailsWithATimeoutItsLateReplyIsDiscardedAndLaterRequestsSucceed() throws Exception {
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER,
				Responder.holding("slow", "release"))) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					CompletableFuture<String> slow = template.requestAsync("client", "slow", Duration.ofMillis(300),
							String.class);
					assertThat(slow).failsWithin(Duration.ofSeconds(5))
						.withThrowableOfType(ExecutionException.class)
						.withCauseInstanceOf(ZmqRequestTimeoutException.class)
						.withMessageContaining("'client'");
					// The late reply to "slow" travels just ahead of this one's, so it has been read by now.
					assertThat(template.requestAsync("client", "release", PeerSockets.TIMEOUT, String.class))
						.succeedsWithin(PeerSockets.TIMEOUT)
						.isEqualTo("reply:release");
					assertThat(template.discardedReplies("client")).isEqualTo(1);
					assertThat(template.requestAsync("client", "after", PeerSockets.TIMEOUT, String.class))
						.succeedsWithin(PeerSockets.TIMEOUT)
						.isEqualTo("reply:after");
				});
		}
	}

	@Test
	void syncRequestsFromManyThreadsShareOneDealerSocket() throws Exception {
		int threads = 4;
		int requestsPerThread = 50;
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.REP, Responder.answering())) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					ExecutorService executor = Executors.newFixedThreadPool(threads);
					try {
						List<Future<?>> workers = new ArrayList<>();
						for (int t = 0; t < threads; t++) {
							String prefix = "thread " + t + " request ";
							workers.add(executor.submit(() -> {
								for (int i = 0; i < requestsPerThread; i++) {
									assertThat(template.request("client", prefix + i, PeerSockets.TIMEOUT, String.class))
										.isEqualTo("reply:" + prefix + i);
								}
								return null;
							}));
						}
						for (Future<?> worker : workers) {
							worker.get(PeerSockets.TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
						}
					}
					finally {
						executor.shutdown();
					}
				});
			assertThat(server.requests()).hasSize(threads * requestsPerThread);
		}
	}

	@Test
	void requestAsyncOnAReqSocketFailsSayingThatItNeedsADealer() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "bind=tcp://127.0.0.1:*"))
			.run((context) -> assertThatExceptionOfType(ZmqException.class)
				.isThrownBy(() -> context.getBean(ZmqTemplate.class)
					.requestAsync("client", "hello", Duration.ofSeconds(1), String.class))
				.withMessageContaining("requestAsync needs a [DEALER] socket")
				.withMessageContaining("'client' is REQ"));
	}

}
