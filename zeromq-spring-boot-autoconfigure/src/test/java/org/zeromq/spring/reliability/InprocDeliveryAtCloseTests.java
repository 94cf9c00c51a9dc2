package org.zeromq.spring.reliability;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * What the application sends to its own listener over inproc just before it closes is handled,
 * not lost: listeners stop before senders close, so a stopping listener handles what its socket
 * already holds (and its device, with concurrency, first hands on what it holds).
 */
class InprocDeliveryAtCloseTests {

	private static final int CYCLES = 100;

	private static final int MESSAGES = 10;

	@ParameterizedTest(name = "{0} listener thread(s): {1} cycles of " + MESSAGES + " messages sent just before close, none lost")
	@ValueSource(ints = { 1, 3 })
	void everyMessageSentOverInprocBeforeTheCloseIsHandled(int concurrency) {
		int lost = 0;
		for (int cycle = 0; cycle < CYCLES; cycle++) {
			HandledMessages<String> handled = new HandledMessages<>();
			ZmqApplication.runner()
				.withBean(Jobs.class, () -> new Jobs(handled))
				.withPropertyValues("app.concurrency=" + concurrency)
				.withPropertyValues(socket("jobs", "type=PULL", "bind=inproc://close-jobs"))
				.withPropertyValues(socket("out", "type=PUSH", "connect=inproc://close-jobs"))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					for (int i = 0; i < MESSAGES; i++) {
						template.send("out", "job-" + i);
					}
					// at once: the listener has had no time to read them
					context.close();
				});
			lost += MESSAGES - handled.count();
		}
		report("inproc messages lost at close, concurrency " + concurrency, lost + " of " + (CYCLES * MESSAGES));
		assertThat(lost).isZero();
	}

	static class Jobs {

		private final HandledMessages<String> handled;

		Jobs(HandledMessages<String> handled) {
			this.handled = handled;
		}

		@ZmqListener(value = "jobs", concurrency = "${app.concurrency}")
		void work(String job) {
			this.handled.record(job);
		}

	}

}
