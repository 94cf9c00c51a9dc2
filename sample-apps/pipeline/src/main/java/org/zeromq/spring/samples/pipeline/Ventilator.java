package org.zeromq.spring.samples.pipeline;

import java.util.SplittableRandom;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The ventilator role (the guide's taskvent): binds the {@code tasks} PUSH socket, waits until
 * {@code pipeline.workers} workers are connected to it, tells the sink a batch starts, and
 * deals {@code pipeline.tasks} tasks of random workloads among the workers.
 */
@Component
@Profile("ventilator")
class Ventilator implements Role {

	static final String TASKS = "tasks";

	static final String BATCHES = "batches";

	private final ZmqOperations zmq;

	private final PipelineProperties properties;

	private final ConnectedPeers workers;

	private final String endpoint;

	Ventilator(ZmqOperations zmq, ZmqSocketRegistry sockets, PipelineProperties properties) {
		this.zmq = zmq;
		this.properties = properties;
		// Asking for the socket opens (binds) it now, so the count starts before any worker can connect.
		this.workers = new ConnectedPeers(sockets.socket(TASKS));
		this.endpoint = sockets.endpoint(TASKS);
	}

	@Override
	public int play() throws InterruptedException {
		int expected = this.properties.workers();
		System.out.printf("Waiting for %d worker(s) to connect to %s...%n", expected, this.endpoint);
		int connected = this.workers.awaitAtLeast(expected, this.properties.patience());
		if (connected == 0) {
			System.out.printf("No worker connected within %s: start the workers, then the ventilator%n", this.properties.patience());
			return 1;
		}
		if (connected < expected) {
			System.out.printf("Only %d of %d workers connected within %s; they share the batch%n", connected, expected,
					this.properties.patience());
		}
		System.out.println("Sending tasks to workers...");
		this.zmq.send(BATCHES, new Batch(this.properties.tasks()));
		SplittableRandom random = new SplittableRandom();
		long totalMillis = 0;
		for (int number = 1; number <= this.properties.tasks(); number++) {
			int workload = 1 + random.nextInt(this.properties.maxWorkload());
			totalMillis += workload;
			this.zmq.send(TASKS, new Task(number, workload));
		}
		System.out.printf("Total expected cost: %d msec%n", totalMillis);
		return 0;
	}

}
