package org.zeromq.spring.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.Log;

/**
 * Logs the failures of one listener, pipeline or device that peers can cause at will, without
 * letting them flood the log: per kind of failure, the first one at WARN with a sample, then at
 * most one WARN per {@link #INTERVAL} saying how many came since, with the latest sample. Each
 * failure's stack trace goes to DEBUG. Samples may carry bytes from the wire, so control
 * characters are escaped and the text is cut to {@link #MAX_SAMPLE} characters: a peer can
 * neither forge log lines nor fill the disk.
 * <p>
 * Counts that come after the last WARN of their kind are reported with the next failure of
 * that kind; nothing runs in the background. Thread-safe.
 */
public final class FailureLog {

	/** Repeats of one kind of failure are summarised at most this often. */
	public static final Duration INTERVAL = Duration.ofMinutes(1);

	/** Longest sample a WARN shows, in characters, before it is cut. */
	public static final int MAX_SAMPLE = 200;

	// Kinds are exception types and fixed descriptions, so few; a cap guards against a caller
	// that builds kinds from input.
	private static final int MAX_KINDS = 64;

	private static final String OTHER_KINDS = "other failures";

	private final Log logger;

	private final String subject;

	private final long intervalNanos;

	private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	/**
	 * @param logger where the messages go
	 * @param subject what fails, as the messages start, e.g. {@code Listener 'orders' on socket 'orders'}
	 */
	public FailureLog(Log logger, String subject) {
		this(logger, subject, INTERVAL);
	}

	FailureLog(Log logger, String subject, Duration interval) {
		this.logger = logger;
		this.subject = subject;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Records one failure.
	 * @param kind what went wrong, the same text for every failure of its kind (an exception
	 * type, or a fixed description)
	 * @param detail this failure's own text, e.g. the exception message; may come from a peer
	 * @param cause the exception, for the DEBUG stack trace, or {@code null}
	 */
	public void record(String kind, @Nullable String detail, @Nullable Throwable cause) {
		record(kind, detail, cause, 1);
	}

	/** Records {@code occurrences} failures of one kind at once, e.g. messages dropped in one batch. */
	public void record(String kind, @Nullable String detail, @Nullable Throwable cause, long occurrences) {
		if (occurrences <= 0) {
			return;
		}
		String sample = printable(detail);
		if (this.logger.isDebugEnabled()) {
			this.logger.debug(this.subject + ": " + kind + ": " + sample, cause);
		}
		long now = System.nanoTime();
		Kind seen = kind(kind, now);
		if (seen == null) {
			this.logger.warn(this.subject + ": " + kind + ": " + sample + withCount(occurrences)
					+ " (further failures of this kind are summarised at most once every " + INTERVAL.toSeconds()
					+ " s; stack traces at DEBUG)");
			return;
		}
		seen.unreported.addAndGet(occurrences);
		seen.latest = sample;
		long last = seen.lastWarn.get();
		if (now - last - this.intervalNanos >= 0 && seen.lastWarn.compareAndSet(last, now)) {
			long count = seen.unreported.getAndSet(0);
			this.logger.warn(this.subject + ": " + kind + ": " + count + " more since the last report "
					+ Duration.ofNanos(now - last).toSeconds() + " s ago; latest: " + seen.latest);
		}
	}

	// The kind's state, or null when this is its first failure (which is then reported at once).
	private @Nullable Kind kind(String kind, long now) {
		Kind existing = this.kinds.get(kind);
		if (existing != null) {
			return existing;
		}
		String key = (this.kinds.size() < MAX_KINDS) ? kind : OTHER_KINDS;
		Kind created = new Kind(now);
		Kind raced = this.kinds.putIfAbsent(key, created);
		return (raced != null) ? raced : null;
	}

	private static String withCount(long occurrences) {
		return (occurrences == 1) ? "" : " (" + occurrences + " at once)";
	}

	/**
	 * The text as one printable line: control characters (line breaks, escape sequences, other
	 * C0 and C1 codes, Unicode line separators and format characters) become escapes such as
	 * {@code \n} or {@code \u001b}, and text beyond {@link #MAX_SAMPLE} characters is cut with
	 * a note of its length.
	 */
	public static String printable(@Nullable String text) {
		if (text == null) {
			return "(no message)";
		}
		int length = text.length();
		int shown = Math.min(length, MAX_SAMPLE);
		StringBuilder escaped = new StringBuilder(shown + 16);
		for (int i = 0; i < shown; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
							|| Character.getType(c) == Character.LINE_SEPARATOR
							|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR
							|| Character.isSurrogate(c) && !validSurrogate(text, i)) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		if (length > shown) {
			escaped.append("… (").append(length).append(" characters)");
		}
		return escaped.toString();
	}

	private static boolean validSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	private static final class Kind {

		private final AtomicLong lastWarn;

		private final AtomicLong unreported = new AtomicLong();

		private volatile @Nullable String latest;

		Kind(long firstWarn) {
			this.lastWarn = new AtomicLong(firstWarn);
		}

	}

}
