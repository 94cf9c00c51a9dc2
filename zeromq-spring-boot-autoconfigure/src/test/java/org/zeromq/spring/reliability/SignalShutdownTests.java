package org.zeromq.spring.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.CLOSE_SLACK;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;

/**
 * A signal ends the process within {@code zeromq.shutdown-timeout}, whatever state its sockets
 * are in: {@link StuckPeersApplication} runs in a JVM of its own with senders blocked at the
 * high-water mark, a handler that never returns and queued messages a stalled peer never reads
 * (linger one hour), and gets SIGTERM ({@link Process#destroy()}, as a container runtime sends
 * it) or SIGINT (Ctrl-C).
 */
class SignalShutdownTests {

	private static final Duration BOUND = Duration.ofSeconds(3);

	/** Starting a JVM with Spring on a loaded machine; only the wait for readiness uses it. */
	private static final Duration STARTUP = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	@ParameterizedTest(name = "SIG{0} ends a JVM with stuck peers within zeromq.shutdown-timeout of 3 s, exit code {1}")
	@CsvSource({ "TERM, 143", "INT, 130" })
	void aSignalEndsTheProcessWithinTheShutdownTimeout(String signal, int exitCode) throws Exception {
		Path log = this.directory.resolve("stuck-peers.log");
		Process process = start(log);
		Callable<String> output = () -> Files.readString(log);
		try {
			await().atMost(STARTUP).until(() -> output.call().contains(StuckPeersApplication.READY) || !process.isAlive());
			assertThat(process.isAlive()).as("the application started; its output:%n%s", output.call()).isTrue();
			long start = System.nanoTime();
			signal(process, signal);
			boolean exited = process.waitFor(BOUND.plus(CLOSE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			report("SIG" + signal + " to exit of a JVM with stuck peers", took.toMillis() + " ms (bound "
					+ BOUND.toMillis() + " ms)");
			assertThat(exited).as("the process ended within %s after SIG%s; its output:%n%s", BOUND.plus(CLOSE_SLACK),
					signal, output.call()).isTrue();
			assertThat(process.exitValue()).isEqualTo(exitCode);
			assertThat(output.call()).contains("Listener 'slow' has a handler still running")
				.contains("The ZeroMQ context did not terminate within what the shutdown budget of 3000 ms had left");
		}
		finally {
			process.destroyForcibly();
		}
	}

	// The JVM of this test, with its class path; env resets SIGINT and SIGTERM to their defaults,
	// since a JVM started from a background job would otherwise inherit SIGINT as ignored.
	private static Process start(Path log) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder("/usr/bin/env", "--default-signal=INT,TERM", java, "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), StuckPeersApplication.class.getName(),
				"--zeromq.shutdown-timeout=" + BOUND.toMillis() + "ms")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	private static void signal(Process process, String signal) throws Exception {
		if (signal.equals("TERM")) {
			process.destroy();
			return;
		}
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).isZero();
	}

}
