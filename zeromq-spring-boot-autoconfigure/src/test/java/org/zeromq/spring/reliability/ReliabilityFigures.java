package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The figures the reliability tests measure, printed with a common prefix so that a run's
 * report (the console, or surefire's XML) lists them: {@code [reliability] <what>: <figure>}.
 */
final class ReliabilityFigures {

	/**
	 * What a close may take beyond the shutdown budget: Spring closing its own beans, and the
	 * scheduling of a loaded CI machine. Far below every timeout the tests release early.
	 */
	static final Duration CLOSE_SLACK = Duration.ofSeconds(2);

	private ReliabilityFigures() {
	}

	static void report(String what, Object figure) {
		System.out.println("[reliability] " + what + ": " + figure);
	}

	/**
	 * Closes the context, failing if it takes longer than {@code bound} plus {@link #CLOSE_SLACK},
	 * and reports how long it took.
	 * @return the time the close took
	 */
	static Duration closeWithin(ConfigurableApplicationContext context, Duration bound, String what) {
		Duration took = timed(() -> {
			context.close();
			return null;
		}, bound.plus(CLOSE_SLACK), what);
		report(what, took.toMillis() + " ms (bound " + bound.toMillis() + " ms)");
		return took;
	}

	static Duration timed(Callable<?> action, Duration bound, String what) {
		long start = System.nanoTime();
		assertTimeoutPreemptively(bound, action::call, what + " took longer than " + bound.toMillis() + " ms");
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
