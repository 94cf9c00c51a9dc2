package org.zeromq.spring.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ShutdownBudget}: the steps of a close share one budget, each ends when what the steps
 * before it spent leaves nothing, time between steps is not charged, and the first step keeps a
 * reserve for the others.
 */
class ShutdownBudgetTests {

	private static final Duration TOTAL = Duration.ofSeconds(10);

	@Test
	void eachStepGetsWhatTheStepsBeforeItLeft() {
		ShutdownBudget budget = new ShutdownBudget(TOTAL);
		try (ShutdownBudget.Step first = budget.begin()) {
			assertThat(first.remaining()).isLessThanOrEqualTo(TOTAL).isGreaterThan(TOTAL.minusSeconds(1));
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		Duration left = budget.remaining();
		assertThat(left).isLessThanOrEqualTo(TOTAL.minusMillis(200));
		try (ShutdownBudget.Step second = budget.begin()) {
			assertThat(second.remaining()).isLessThanOrEqualTo(left);
		}
	}

	@Test
	void timeBetweenStepsIsNotCharged() {
		ShutdownBudget budget = new ShutdownBudget(TOTAL);
		budget.begin().close();
		Duration afterFirst = budget.remaining();
		// Another bean of the application closing between two steps.
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		assertThat(budget.remaining()).isEqualTo(afterFirst);
	}

	@Test
	void aStepThatEndsTwiceIsChargedOnce() {
		ShutdownBudget budget = new ShutdownBudget(TOTAL);
		ShutdownBudget.Step step = budget.begin();
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		step.close();
		Duration once = budget.remaining();
		step.close();
		assertThat(budget.remaining()).isEqualTo(once);
	}

	@Test
	void theFirstStepKeepsTheReserveForTheOthersAndTheReserveIsAtMostHalf() {
		ShutdownBudget budget = new ShutdownBudget(TOTAL, Duration.ofSeconds(2));
		assertThat(budget.beginKeepingReserve().remaining()).isLessThanOrEqualTo(Duration.ofSeconds(8));
		assertThat(new ShutdownBudget(Duration.ofSeconds(3), Duration.ofMinutes(1)).reserve()).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void anExhaustedBudgetGivesStepsNoTime() {
		ShutdownBudget budget = new ShutdownBudget(Duration.ZERO);
		try (ShutdownBudget.Step step = budget.begin()) {
			assertThat(step.remaining()).isZero();
			assertThat(step.remainingMillis()).isZero();
		}
	}

	@Test
	void aNegativeBudgetIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShutdownBudget(Duration.ofSeconds(-1)))
			.withMessageContaining("cannot be negative");
	}

	@Test
	void theStartersContextCarriesItsBudgetAndAnotherContextGetsTheDefault() {
		SupervisedZContext supervised = ZmqContextFactory.create(ContextSettings.DEFAULTS.withShutdownTimeout(Duration.ofSeconds(4)));
		try (ZContext plain = new ZContext(1)) {
			assertThat(ShutdownBudget.of(supervised)).isSameAs(supervised.shutdownBudget());
			assertThat(supervised.shutdownBudget().total()).isEqualTo(Duration.ofSeconds(4));
			assertThat(supervised.shutdownBudget().reserve()).isEqualTo(ContextSettings.DEFAULTS.linger());
			assertThat(ShutdownBudget.of(plain).total()).isEqualTo(ShutdownBudget.DEFAULT);
		}
		finally {
			supervised.close();
		}
	}

}
