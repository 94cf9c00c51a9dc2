package org.zeromq.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FailureLog}: a peer repeating a failure gets one WARN per kind with a sample, then a
 * count at most once per interval; stack traces go to DEBUG; what came from the wire is escaped
 * and cut, so that it cannot forge log lines.
 */
class FailureLogTests {

	private final RecordingLog log = new RecordingLog();

	@Test
	void aThousandFailuresOfOneKindWithinTheIntervalGiveOneWarn() {
		FailureLog failures = new FailureLog(this.log, "Listener 'orders' on socket 'orders' failed");
		for (int i = 0; i < 1000; i++) {
			failures.record("java.lang.IllegalStateException", "rejected order-" + i, new IllegalStateException());
		}
		assertThat(this.log.warnings).singleElement()
			.isEqualTo("Listener 'orders' on socket 'orders' failed: java.lang.IllegalStateException: rejected order-0"
					+ " (further failures of this kind are summarised at most once every 60 s; stack traces at DEBUG)");
	}

	@Test
	void eachKindHasItsOwnFirstWarn() {
		FailureLog failures = new FailureLog(this.log, "Listener 'l'");
		failures.record("kind A", "a", null);
		failures.record("kind B", "b", null);
		failures.record("kind A", "a again", null);
		assertThat(this.log.warnings).hasSize(2);
		assertThat(this.log.warnings.get(0)).startsWith("Listener 'l': kind A: a (");
		assertThat(this.log.warnings.get(1)).startsWith("Listener 'l': kind B: b (");
	}

	@Test
	void repeatsAfterTheIntervalAreSummarisedWithTheirCountAndTheLatestSample() {
		FailureLog failures = new FailureLog(this.log, "Listener 'l'", Duration.ZERO);
		failures.record("kind", "first", null);
		failures.record("kind", "second", null);
		failures.record("kind", "third", null, 5);
		assertThat(this.log.warnings).hasSize(3);
		assertThat(this.log.warnings.get(1)).startsWith("Listener 'l': kind: 1 more since the last report ")
			.endsWith("; latest: second");
		assertThat(this.log.warnings.get(2)).startsWith("Listener 'l': kind: 5 more since the last report ")
			.endsWith("; latest: third");
	}

	@Test
	void stackTracesGoToDebugOnlyWhenItIsEnabled() {
		FailureLog failures = new FailureLog(this.log, "Listener 'l'");
		IllegalStateException cause = new IllegalStateException("boom");
		failures.record("kind", "boom", cause);
		assertThat(this.log.debugCauses).isEmpty();
		this.log.debug = true;
		failures.record("kind", "boom", cause);
		assertThat(this.log.debugCauses).containsExactly(cause);
	}

	@Test
	void controlCharactersFromTheWireAreEscapedAndLongTextIsCut() {
		assertThat(FailureLog.printable("line\nforged WARN\r\u001b[31mred\u0000\u202e\tx\\"))
			.isEqualTo("line\\nforged WARN\\r\\u001b[31mred\\u0000\\u202e\\tx\\\\");
		assertThat(FailureLog.printable("x".repeat(1000))).hasSize(FailureLog.MAX_SAMPLE + "… (1000 characters)".length())
			.endsWith("… (1000 characters)");
		assertThat(FailureLog.printable("\ud83d\ude00 ok \ud83d")).isEqualTo("\ud83d\ude00 ok \\ud83d");
		assertThat(FailureLog.printable(null)).isEqualTo("(no message)");
	}

	@Test
	void kindsMadeFromInputCannotGrowWithoutBound() {
		FailureLog failures = new FailureLog(this.log, "Listener 'l'");
		for (int i = 0; i < 1000; i++) {
			failures.record("kind " + i, "x", null);
		}
		assertThat(this.log.warnings).hasSize(65);
	}

	private static final class RecordingLog implements Log {

		final List<String> warnings = new CopyOnWriteArrayList<>();

		final List<Throwable> debugCauses = new CopyOnWriteArrayList<>();

		volatile boolean debug;

		@Override
		public boolean isDebugEnabled() {
			return this.debug;
		}

		@Override
		public void debug(Object message, Throwable cause) {
			this.debugCauses.add(cause);
		}

		@Override
		public void warn(Object message) {
			this.warnings.add(String.valueOf(message));
		}

		@Override
		public void warn(Object message, Throwable cause) {
			warn(message);
		}

		@Override
		public void debug(Object message) {
		}

		@Override
		public boolean isErrorEnabled() {
			return true;
		}

		@Override
		public boolean isFatalEnabled() {
			return true;
		}

		@Override
		public boolean isInfoEnabled() {
			return true;
		}

		@Override
		public boolean isTraceEnabled() {
			return false;
		}

		@Override
		public boolean isWarnEnabled() {
			return true;
		}

		@Override
		public void error(Object message) {
		}

		@Override
		public void error(Object message, Throwable cause) {
		}

		@Override
		public void fatal(Object message) {
		}

		@Override
		public void fatal(Object message, Throwable cause) {
		}

		@Override
		public void info(Object message) {
		}

		@Override
		public void info(Object message, Throwable cause) {
		}

		@Override
		public void trace(Object message) {
		}

		@Override
		public void trace(Object message, Throwable cause) {
		}

	}

}
