package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The sink role (the guide's tasksink2): the first message on its {@code results} PULL socket
 * is the ventilator's start of batch; it then collects {@code pipeline.tasks} results from the
 * workers, whatever they hold (the guide's workers send an empty frame or the workload), prints
 * the elapsed time, and publishes KILL on the {@code control} PUB socket so that the workers exit.
 */
@Component
@Profile("sink")
class Sink implements Role {

	static final String RESULTS = "results";

	static final String CONTROL = "control";

	private final ZmqOperations zmq;

	private final int tasks;

	private final Duration patience;

	private final CountDownLatch complete = new CountDownLatch(1);

	// Only the listener thread writes these; the main thread reads them after the latch.
	private boolean started;

	private int received;

	private long startedAt;

	private volatile long elapsedMillis = -1;

	Sink(ZmqOperations zmq, PipelineProperties properties) {
		this.zmq = zmq;
		this.tasks = properties.tasks();
		this.patience = properties.patience();
	}

	@ZmqListener(RESULTS)
	void onResult(String result) {
		if (!this.started) {
			// Wait for start of batch, then start our clock.
			this.started = true;
			this.startedAt = System.nanoTime();
			return;
		}
		if (this.received == this.tasks) {
			return;
		}
		System.out.print((this.received % 10 == 0) ? ":" : ".");
		System.out.flush();
		this.received++;
		if (this.received == this.tasks) {
			this.elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startedAt);
			this.complete.countDown();
		}
	}

	@Override
	public int play() throws InterruptedException {
		boolean complete = this.complete.await(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		if (complete) {
			System.out.printf("%nTotal elapsed time: %d msec%n", this.elapsedMillis);
		}
		else {
			System.out.printf("%nGave up after %s without the whole batch of %d results%n", DurationText.of(this.patience),
					this.tasks);
		}
		// Send the kill signal to the workers: the batch is over either way.
		this.zmq.send(CONTROL, "KILL");
		return complete ? 0 : 1;
	}

}
