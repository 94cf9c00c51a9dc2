package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The sink role (the guide's tasksink2): learns from the ventilator on the {@code batches}
 * PULL socket that a batch started and how big it is, collects the results the workers push to
 * the {@code results} PULL socket, prints the elapsed time and how many tasks each worker did,
 * then publishes KILL on the {@code control} PUB socket so that the workers exit.
 */
@Component
@Profile("sink")
class Sink implements Role {

	static final String CONTROL = "control";

	private final ZmqOperations zmq;

	private final Duration patience;

	private final CountDownLatch complete = new CountDownLatch(1);

	// Written by two listener threads (batches and results): guarded by this.
	private final Map<String, Integer> tasksByWorker = new TreeMap<>();

	private int expected = -1;

	private int received;

	private boolean started;

	private long startedAt;

	private long elapsedMillis = -1;

	Sink(ZmqOperations zmq, PipelineProperties properties) {
		this.zmq = zmq;
		this.patience = properties.patience();
	}

	@ZmqListener("batches")
	synchronized void onBatch(Batch batch) {
		startClock();
		this.expected = batch.tasks();
		completeWhenAllArrived();
	}

	@ZmqListener("results")
	synchronized void onResult(TaskResult result) {
		// The two sockets are read by two threads: a result may overtake its batch's start.
		startClock();
		System.out.print((this.received % 10 == 0) ? ":" : ".");
		this.received++;
		this.tasksByWorker.merge(result.worker(), 1, Integer::sum);
		completeWhenAllArrived();
	}

	@Override
	public int play() throws InterruptedException {
		boolean complete = this.complete.await(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		synchronized (this) {
			if (complete) {
				System.out.printf("%nTotal elapsed time: %d msec%n", this.elapsedMillis);
			}
			else {
				System.out.printf("%nGave up after %s with %d of %s results%n", this.patience, this.received,
						(this.expected < 0) ? "an unknown number of" : this.expected);
			}
			this.tasksByWorker.forEach((worker, tasks) -> System.out.printf("%s did %d tasks%n", worker, tasks));
		}
		// The batch is over either way: any message on this socket tells the workers to exit.
		this.zmq.send(CONTROL, "KILL");
		return complete ? 0 : 1;
	}

	/** How many results each worker sent so far. */
	synchronized Map<String, Integer> tasksByWorker() {
		return Map.copyOf(this.tasksByWorker);
	}

	private void startClock() {
		if (!this.started) {
			this.started = true;
			this.startedAt = System.nanoTime();
		}
	}

	private void completeWhenAllArrived() {
		if (this.expected >= 0 && this.received >= this.expected && this.elapsedMillis < 0) {
			this.elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startedAt);
			this.complete.countDown();
		}
	}

}
