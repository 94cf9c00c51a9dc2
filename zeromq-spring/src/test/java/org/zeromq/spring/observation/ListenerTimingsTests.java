package org.zeromq.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ZmqMessageListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@code zeromq.listener} timer counts every handler call and times one in
 * {@link ListenerTimings#TIMED_EVERY}: its total time is the timed calls' mean times the count.
 * The handlers here take at least a known time (they spin on the clock, so the bound holds
 * however the machine is loaded).
 */
class ListenerTimingsTests {

	private static final Duration HANDLER_TIME = Duration.ofMillis(1);

	private static final InboundMessage MESSAGE = InboundMessage.of(ZmqSocketType.PULL, "in", List.of("m".getBytes()));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void everyCallIsCountedAndTheTotalTimeIsExtrapolatedFromTheTimedOnes() throws Exception {
		ZmqMessageListener timed = new ListenerTimings(this.meters).wrap("orders", "in", (message) -> spin());
		int calls = 2 * ListenerTimings.TIMED_EVERY + 1;
		for (int i = 0; i < calls; i++) {
			timed.onMessage(MESSAGE);
		}
		FunctionTimer success = timer("success", "none");
		assertThat(success.count()).isEqualTo(calls);
		// Three calls were timed; without the extrapolation the total would be about three handler times.
		assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isGreaterThanOrEqualTo((double) calls * HANDLER_TIME.toNanos());
	}

	@Test
	void aFailureNotTimedItselfIsEstimatedWithTheSuccessfulCallsMean() throws Exception {
		ZmqMessageListener timed = new ListenerTimings(this.meters).wrap("orders", "in", (message) -> {
			spin();
			if (message.content().size() > 1) {
				throw new IllegalStateException("refused");
			}
			return null;
		});
		// The first call is timed and succeeds; the second, not timed, fails.
		timed.onMessage(MESSAGE);
		InboundMessage refused = InboundMessage.of(ZmqSocketType.PULL, "in", List.of("a".getBytes(), "b".getBytes()));
		assertThatIllegalStateException().isThrownBy(() -> timed.onMessage(refused));
		FunctionTimer error = timer("error", "IllegalStateException");
		assertThat(error.count()).isEqualTo(1);
		assertThat(error.totalTime(TimeUnit.NANOSECONDS)).isGreaterThanOrEqualTo(HANDLER_TIME.toNanos());
		assertThat(timer("success", "none").count()).isEqualTo(1);
	}

	private FunctionTimer timer(String outcome, String exception) {
		return this.meters.get("zeromq.listener")
			.tags("listener", "orders", "socket", "in", "outcome", outcome, "exception", exception)
			.functionTimer();
	}

	// A handler that takes at least HANDLER_TIME; bounded by the clock, not by a count.
	private static Object spin() {
		long end = System.nanoTime() + HANDLER_TIME.toNanos();
		long spins = 0;
		while (System.nanoTime() < end) {
			spins++;
		}
		return spins;
	}

}
