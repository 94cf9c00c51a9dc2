package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The service behind a DEALER is a real separate process (libzmq through pyzmq), killed with
 * SIGKILL while 500 asynchronous requests are in flight: every future still completes, by its
 * own deadline, and the socket serves requests again once the service is back on its endpoint.
 */
class PeerKillTests {

	private static final int REQUESTS = 500;

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/** How late past its deadline a future may complete: the owner thread's turn, on a loaded machine. */
	private static final Duration LATENESS = Duration.ofMillis(1500);

	@Test
	void fiveHundredRequestsInFlightWhenTheServiceIsKilledAllCompleteByTheirDeadlineAndTheSocketWorksAfterItReturns()
			throws Exception {
		PythonZmqPeer.assumeAvailable();
		PythonZmqPeer service = PythonZmqPeer.start("rep_service.py", "tcp://127.0.0.1:*", "2");
		String endpoint = service.readyInfo();
		try {
			ZmqApplication.runner()
				.withPropertyValues(socket("client", "type=DEALER", "connect=" + endpoint))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					assertThat(template.request("client", "warm-up", PeerSockets.TIMEOUT, String.class)).isEqualTo("re:warm-up");
					List<Request> requests = new ArrayList<>(REQUESTS);
					for (int i = 0; i < REQUESTS; i++) {
						requests.add(new Request(System.nanoTime() + TIMEOUT.toNanos(),
								template.requestAsync("client", "request-" + i, TIMEOUT, String.class)));
					}
					// Some answered, most still queued or on the wire: kill -9.
					await().atMost(PeerSockets.TIMEOUT).until(() -> service.lines().size() > 50);
					service.kill();
					int answered = 0;
					int timedOut = 0;
					for (Request request : requests) {
						long left = request.deadline - System.nanoTime() + LATENESS.toNanos();
						try {
							assertThat(request.reply.get(Math.max(0, left), TimeUnit.NANOSECONDS)).startsWith("re:request-");
							answered++;
						}
						catch (ExecutionException ex) {
							assertThat(ex.getCause()).isInstanceOf(ZmqRequestTimeoutException.class);
							timedOut++;
						}
					}
					report("requests answered / timed out by their deadline when the service was killed with "
							+ REQUESTS + " in flight", answered + " / " + timedOut);
					assertThat(answered + timedOut).isEqualTo(REQUESTS);
					assertThat(timedOut).as("requests in flight when the service died").isPositive();
					PythonZmqPeer restarted = PythonZmqPeer.start("rep_service.py", endpoint, "0");
					try {
						assertThat(template.request("client", "after the restart", PeerSockets.TIMEOUT, String.class))
							.isEqualTo("re:after the restart");
						long stale = restarted.lines().stream().filter((line) -> line.startsWith("request-")).count();
						report("requests that had timed out and still reached the restarted service", stale + " of " + timedOut);
					}
					finally {
						restarted.close();
					}
				});
		}
		finally {
			service.close();
		}
	}

	private record Request(long deadline, CompletableFuture<String> reply) {
	}

}
