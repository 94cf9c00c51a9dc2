package org.zeromq.spring.samples.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationTextTests {

	@Test
	void writesADurationInItsLargestWholeUnit() {
		assertThat(DurationText.of(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(DurationText.of(Duration.ofSeconds(15))).isEqualTo("15s");
		assertThat(DurationText.of(Duration.ofMillis(250))).isEqualTo("250ms");
	}

	@Test
	void writesZeroInSeconds() {
		assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0s");
	}

}
