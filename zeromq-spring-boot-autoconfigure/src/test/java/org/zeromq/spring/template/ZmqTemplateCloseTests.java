package org.zeromq.spring.template;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.spring.core.SocketClosingException;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * What closing the application does to {@link ZmqTemplate}: requests still waiting for a reply
 * fail at once instead of hanging until their timeout, and the template refuses further use with
 * a message that says why.
 */
class ZmqTemplateCloseTests {

	/** Far longer than any test here: a request still pending when the test ends was left hanging. */
	private static final Duration LONG_TIMEOUT = Duration.ofMinutes(5);

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void pendingAsyncRequestsFailWhenTheApplicationCloses() throws Exception {
		Queue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER, Responder.silent())) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					for (int i = 0; i < 10; i++) {
						pending.add(template.requestAsync("client", "request " + i, LONG_TIMEOUT, String.class));
					}
					await().atMost(PeerSockets.TIMEOUT).until(() -> server.requests().size() == 10);
				});
		}
		assertThat(pending).hasSize(10).allSatisfy((reply) -> assertThat(reply).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isExactlyInstanceOf(SocketClosingException.class)
			.withMessageContaining("'client' is closing"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUSH", "DEALER" })
	void sendAfterTheApplicationClosedFailsClearly(String type) {
		AtomicReference<ZmqTemplate> closedTemplate = new AtomicReference<>();
		this.runner.withPropertyValues(socket("out", "type=" + type, "bind=tcp://127.0.0.1:*"))
			.run((context) -> closedTemplate.set(context.getBean(ZmqTemplate.class)));
		assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> closedTemplate.get().send("out", "too late"))
			.withMessageContaining("ZmqTemplate is closed")
			.withMessageContaining("'out'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUSH", "DEALER" })
	void closedTemplateRefusesSendsEvenWhileItsSocketsAreStillOpen(String type) {
		this.runner.withPropertyValues(socket("out", "type=" + type, "bind=tcp://127.0.0.1:*"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				template.close();
				assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> template.send("out", "too late"))
					.withMessageContaining("ZmqTemplate is closed");
			});
	}

	@Test
	void requestAsyncAfterTheApplicationClosedFailsClearly() {
		AtomicReference<ZmqTemplate> closedTemplate = new AtomicReference<>();
		this.runner.withPropertyValues(socket("client", "type=DEALER", "bind=tcp://127.0.0.1:*"))
			.run((context) -> closedTemplate.set(context.getBean(ZmqTemplate.class)));
		assertThatExceptionOfType(ZmqException.class)
			.isThrownBy(() -> closedTemplate.get().requestAsync("client", "too late", LONG_TIMEOUT, String.class))
			.withMessageContaining("ZmqTemplate is closed");
	}

	@Test
	void requestsRacingWithTheCloseNeverHang() throws Exception {
		int threads = 4;
		Queue<CompletableFuture<String>> requests = new ConcurrentLinkedQueue<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER, Responder.answering())) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					for (int t = 0; t < threads; t++) {
						executor.execute(() -> requestUntilRefused(template, requests));
					}
					// Let the requesters get going; the context closes under them when this returns.
					await().atMost(PeerSockets.TIMEOUT).until(() -> requests.size() >= 500);
				});
			executor.shutdown();
			assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		CompletableFuture<?>[] all = requests.toArray(CompletableFuture[]::new);
		// Completes once every request has, normally or not; a request left hanging times this out.
		CompletableFuture.allOf(all).exceptionally((failure) -> null).get(10, TimeUnit.SECONDS);
		assertThat(all).filteredOn(CompletableFuture::isCompletedExceptionally)
			.allSatisfy((request) -> assertThat(request).failsWithin(Duration.ZERO)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.withMessageContaining("'client' is closing"));
	}

	private static void requestUntilRefused(ZmqTemplate template, Queue<CompletableFuture<String>> requests) {
		for (int i = 0; i < 200_000; i++) {
			try {
				requests.add(template.requestAsync("client", "request " + i, LONG_TIMEOUT, String.class));
			}
			catch (ZmqException refused) {
				return;
			}
		}
	}

}
