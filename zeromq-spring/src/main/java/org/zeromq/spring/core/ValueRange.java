package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The values a {@link SocketOption} accepts, checked before any socket opens so that a value
 * JeroMQ would refuse, or silently misread, fails with the option named and what to write.
 *
 * @param <T> the option's value type
 */
@FunctionalInterface
public interface ValueRange<T> {

	/** What is wrong with the value, or empty when it is in range. */
	Optional<OutOfRange> check(T value);

	/** Every value. */
	static <T> ValueRange<T> any() {
		return (value) -> Optional.empty();
	}

	/** Zero or more; {@code fix} says what to write instead. */
	static <T extends Number> ValueRange<T> notNegative(String fix) {
		return (value) -> (value.longValue() < 0)
				? Optional.of(new OutOfRange("must not be negative, was " + value, fix)) : Optional.empty();
	}

	/** {@code minimum} or more, or exactly {@code noLimit}; {@code fix} says what to write instead. */
	static <T extends Number> ValueRange<T> atLeastOrNoLimit(long minimum, long noLimit, String fix) {
		return (value) -> (value.longValue() < minimum && value.longValue() != noLimit)
				? Optional.of(new OutOfRange((minimum == 0 ? "must not be negative" : "must be at least " + minimum)
						+ " (but " + noLimit + " for no limit), was " + value, fix))
				: Optional.empty();
	}

	/** A duration of zero or more. */
	static ValueRange<Duration> notNegativeDuration() {
		return (value) -> value.isNegative()
				? Optional.of(new OutOfRange("must not be negative, was " + value, "use a duration such as 500ms or 2s"))
				: Optional.empty();
	}

	/** A duration of zero or more, shorter than {@code limit}; {@code why} explains the limit. */
	static ValueRange<Duration> notNegativeDurationBelow(Duration limit, String why) {
		ValueRange<Duration> notNegative = notNegativeDuration();
		return (value) -> notNegative.check(value)
			.or(() -> (value.compareTo(limit) >= 0)
					? Optional.of(new OutOfRange("must be less than " + limit.toMillis() + " ms, was " + value.toMillis()
							+ " ms (" + why + ")", "use a shorter duration"))
					: Optional.empty());
	}

	/** Text of at most {@code bytes} bytes in UTF-8. */
	static ValueRange<String> utf8AtMost(int bytes) {
		return (value) -> {
			int length = value.getBytes(StandardCharsets.UTF_8).length;
			return (length > bytes) ? Optional.of(new OutOfRange(
					"must be at most " + bytes + " bytes in UTF-8, was " + length, "use a shorter value")) : Optional.empty();
		};
	}

	/**
	 * Text of at most {@code bytes} bytes in UTF-8, for a secret: the message says neither the
	 * value nor its length.
	 */
	static ValueRange<String> secretUtf8AtMost(int bytes) {
		return (value) -> (value.getBytes(StandardCharsets.UTF_8).length > bytes)
				? Optional.of(new OutOfRange("must be at most " + bytes + " bytes in UTF-8", "use a shorter value"))
				: Optional.empty();
	}

	/**
	 * ASCII text of at most {@code bytes} bytes, for what JeroMQ 0.6.0 sizes in characters but
	 * sends as UTF-8 ({@code why} says what goes wrong with other text). With {@code secret}, the
	 * message says neither the value nor its length.
	 */
	static ValueRange<String> asciiAtMost(int bytes, boolean secret, String why) {
		return (value) -> {
			if (!StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
				return Optional.of(new OutOfRange("must be ASCII: " + why, "use ASCII characters only"));
			}
			return (value.length() > bytes) ? Optional.of(new OutOfRange("must be at most " + bytes + " characters"
					+ (secret ? "" : ", was " + value.length()), "use a shorter value")) : Optional.empty();
		};
	}

	/** A CURVE key in Z85 text; the message never repeats the key. */
	static ValueRange<String> curveKey() {
		return (value) -> CurveKey.problem(value)
			.map((problem) -> new OutOfRange(problem,
					"use the 40-character Z85 text ZeroMQ's tools print; org.zeromq.spring.security.CurveKeys makes a key pair"));
	}

	/**
	 * Why a value is out of range.
	 *
	 * @param problem what is wrong with the value
	 * @param fix what to write instead
	 */
	record OutOfRange(String problem, String fix) {
	}

}
