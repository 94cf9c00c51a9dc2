package org.zeromq.spring.reliability;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.SupervisedZContext;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.zeromq.spring.reliability.HostileInput.concat;
import static org.zeromq.spring.reliability.HostileInput.greeting;
import static org.zeromq.spring.reliability.HostileInput.ready;
import static org.zeromq.spring.reliability.HostilePeerTests.port;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * What is left when JeroMQ's I/O thread dies anyway (an {@code Error} the starter cannot prevent,
 * such as running out of memory): the death is logged with its cause, the context reports it,
 * and the application still closes, instead of waiting forever in JeroMQ's context termination.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadIoThreadTests {

	@Test
	void aDeadIoThreadIsLoggedWithItsCauseAndTheApplicationStillCloses(CapturedOutput output) {
		LiveThreads census = LiveThreads.now();
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ZmqApplication.runner()
			.withUserConfiguration(Sink.class)
			.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				SupervisedZContext zmq = context.getBean(SupervisedZContext.class);
				// A socket whose frame allocation fails the way JeroMQ's does when direct memory
				// runs out: the Error escapes JeroMQ's poller and ends the I/O thread.
				ZMQ.Socket doomed = zmq.createSocket(SocketType.PULL);
				doomed.setMsgAllocator((size) -> {
					throw new OutOfMemoryError("simulated: Cannot reserve " + size + " bytes of direct buffer memory");
				});
				doomed.bind(ANY_TCP);
				try (Socket peer = new Socket("127.0.0.1", port(doomed.getLastEndpoint()))) {
					OutputStream out = peer.getOutputStream();
					out.write(concat(greeting(), ready("PUSH")));
					out.flush();
					await().atMost(WAIT).until(() -> zmq.failure().isPresent());
				}
				assertThat(zmq.failure()).hasValueSatisfying((failure) -> assertThat(failure).startsWith("ZeroMQ thread zmq-io-")
					.contains("died of java.lang.OutOfMemoryError: simulated"));
				assertThat(output).contains("No socket of this context sends or receives over tcp or ipc any more");
				assertTimeoutPreemptively(WAIT, context::close, "the application context closes");
				assertThat(output).contains("Abandoning the ZeroMQ context instead of terminating it");
			}));
		// What abandoning costs: the context's reaper thread, a daemon, stays until the JVM ends.
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(LiveThreads.now().startedSince(census)).filteredOn((name) -> name.startsWith("zmq-"))
				.singleElement()
				.satisfies((name) -> assertThat(name).startsWith("zmq-reaper-")));
	}

	static class Sink {

		@ZmqListener("in")
		void take(String message) {
		}

	}

}
