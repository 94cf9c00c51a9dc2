package org.zeromq.spring.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Synchronous request/reply through {@link ZmqTemplate} on REQ and DEALER sockets against raw
 * REP and ROUTER servers, including what a timed-out request leaves behind: the same socket must
 * serve the next request, and a late reply must never be taken for the next request's.
 */
class ZmqTemplateRequestTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	/** A bound for the timed-out request itself: the timeout plus generous scheduling slack. */
	private static final Duration TIMEOUT_BOUND = Duration.ofSeconds(5);

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@ParameterizedTest
	@ValueSource(strings = { "REQ", "DEALER" })
	void requestGetsTheReplyOfARepServer(String type) throws Exception {
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.REP, Responder.answering())) {
			this.runner.withPropertyValues(socket("client", "type=" + type, "connect=" + server.endpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					for (int i = 0; i < 5; i++) {
						assertThat(template.request("client", "hello " + i, PeerSockets.TIMEOUT, String.class))
							.isEqualTo("reply:hello " + i);
					}
				});
		}
	}

	@Test
	void dealerRequestCarriesACorrelationEnvelopeThatTheServerEchoes() throws Exception {
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER, Responder.answering())) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + server.endpoint(),
						"identity=client-1"))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					assertThat(template.request("client", "first", PeerSockets.TIMEOUT, String.class))
						.isEqualTo("reply:first");
					assertThat(template.request("client", "second", PeerSockets.TIMEOUT, String.class))
						.isEqualTo("reply:second");
				});
			List<List<byte[]>> requests = server.requests();
			assertThat(requests).hasSize(2).allSatisfy((frames) -> {
				assertThat(frames).hasSize(4);
				assertThat(frames.get(0)).isEqualTo(PeerFrames.utf8("client-1"));
				assertThat(frames.get(1)).as("correlation id").hasSize(Long.BYTES);
				assertThat(frames.get(2)).as("delimiter").isEmpty();
			});
			assertThat(requests.get(0).get(1)).isNotEqualTo(requests.get(1).get(1));
			assertThat(PeerFrames.text(requests.get(0)).get(3)).isEqualTo("first");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "REQ", "DEALER" })
	void timedOutRequestLeavesTheSocketReadyForTheNextAndItsLateReplyIsNotTakenForTheNextOnes(String type)
			throws Exception {
		assertTimeoutThenRecovery(type);
	}

	@Test
	void strictReqSocketIsReopenedAfterATimeout() throws Exception {
		assertTimeoutThenRecovery("REQ", "req-relaxed=false", "req-correlate=false");
	}

	@Test
	void relaxedReqSocketWithoutCorrelationIsReopenedAfterATimeoutSoThatNoLateReplyIsTaken() throws Exception {
		assertTimeoutThenRecovery("REQ", "req-relaxed=true", "req-correlate=false");
	}

	@Test
	void requestOnASocketThatCannotRequestFailsNamingTheTypesThatCan() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*"))
			.run((context) -> assertThatExceptionOfType(org.zeromq.spring.core.ZmqException.class)
				.isThrownBy(() -> context.getBean(ZmqTemplate.class).request("out", "x", TIMEOUT, String.class))
				.withMessageContaining("[REQ, DEALER]")
				.withMessageContaining("'out' is PUSH"));
	}

	@Test
	void closingTheApplicationEndsARequestStillWaitingOnAReqSocketInsteadOfWaitingOutItsTimeout() throws Exception {
		ZMQ.Socket silentServer = this.peers.bind(SocketType.REP);
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + silentServer.getLastEndpoint()))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				CompletableFuture<String> outcome = new CompletableFuture<>();
				Thread caller = new Thread(() -> {
					try {
						outcome.complete(template.request("client", "hello", Duration.ofMinutes(5), String.class));
					}
					catch (RuntimeException ex) {
						outcome.completeExceptionally(ex);
					}
				}, "waiting-caller");
				caller.start();
				// The request is out and waits: the server has it, and will never answer.
				assertThat(PeerFrames.text(PeerFrames.receive(silentServer))).containsExactly("hello");
				context.close();
				// Well within the request's five minutes: the close ends the wait.
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> outcome.get(PeerSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
					.havingCause()
					.isInstanceOf(ZmqException.class)
					.withMessageContaining("Socket 'client' is closing with the application: no reply was received");
				caller.join(PeerSockets.TIMEOUT.toMillis());
				assertThat(caller.isAlive()).isFalse();
			});
	}

	/**
	 * Against a server that holds "slow" without answering until "release" arrives, and then
	 * sends the late reply for "slow" just before the reply for "release".
	 */
	private void assertTimeoutThenRecovery(String type, String... settings) throws Exception {
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.ROUTER,
				Responder.holding("slow", "release"))) {
			List<String> declaration = new ArrayList<>(List.of("type=" + type, "connect=" + server.endpoint()));
			declaration.addAll(List.of(settings));
			this.runner.withPropertyValues(socket("client", declaration.toArray(String[]::new))).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				long start = System.nanoTime();
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("client", "slow", TIMEOUT, String.class))
					.withMessageContaining("'client'")
					.withMessageContaining("300 ms");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(TIMEOUT.minusMillis(50), TIMEOUT_BOUND);
				assertThat(template.request("client", "release", PeerSockets.TIMEOUT, String.class))
					.isEqualTo("reply:release");
				assertThat(template.request("client", "after", PeerSockets.TIMEOUT, String.class))
					.isEqualTo("reply:after");
			});
		}
	}

}
