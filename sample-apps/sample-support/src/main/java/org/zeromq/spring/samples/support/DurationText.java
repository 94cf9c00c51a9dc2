package org.zeromq.spring.samples.support;

import java.time.Duration;

/** A duration as people write it, and as application.yml takes it: "15s", "2m", "250ms". */
public final class DurationText {

	private DurationText() {
	}

	/** The duration in its largest whole unit: hours, minutes, seconds, else milliseconds. */
	public static String of(Duration duration) {
		if (!duration.isZero() && duration.toMillis() % 3_600_000 == 0) {
			return duration.toHours() + "h";
		}
		if (!duration.isZero() && duration.toMillis() % 60_000 == 0) {
			return duration.toMinutes() + "m";
		}
		if (duration.toMillis() % 1000 == 0) {
			return duration.toSeconds() + "s";
		}
		return duration.toMillis() + "ms";
	}

}
