package org.zeromq.spring.security;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first failure about a subject is reported, then one per interval with the count left out. */
class FailureReportsTests {

	private final AtomicLong now = new AtomicLong();

	private final FailureReports reports = new FailureReports(1000, this.now::get);

	@Test
	void theFirstOccurrenceIsReportedAndRepeatsWithinTheIntervalAreCounted() {
		assertThat(this.reports.admit("10.0.0.1")).isEqualTo(OptionalLong.of(0));
		this.now.set(10);
		assertThat(this.reports.admit("10.0.0.1")).isEmpty();
		assertThat(this.reports.admit("10.0.0.1")).isEmpty();
		assertThat(this.reports.admit("10.0.0.2")).as("another subject").isEqualTo(OptionalLong.of(0));
		this.now.set(1000);
		assertThat(this.reports.admit("10.0.0.1")).as("two left out").isEqualTo(OptionalLong.of(2));
		assertThat(this.reports.admit("10.0.0.1")).isEmpty();
	}

	@Test
	void theSubjectsRememberedAreBounded() {
		for (int i = 0; i <= FailureReports.MAX_SUBJECTS; i++) {
			assertThat(this.reports.admit("peer-" + i)).isPresent();
		}
		assertThat(this.reports.admit("peer-" + FailureReports.MAX_SUBJECTS)).as("still remembered").isEmpty();
		assertThat(this.reports.admit("peer-0")).as("the eldest was forgotten").isPresent();
	}

}
