package org.zeromq.spring.samples.pipeline;

import java.util.SplittableRandom;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The ventilator role (the guide's taskvent): binds the {@code tasks} PUSH socket, waits until
 * {@code pipeline.workers} workers are connected to it ({@code awaitPeers}), tells the sink a batch starts, and
 * deals {@code pipeline.tasks} tasks of random workloads among the workers.
 */
@Component
@Profile("ventilator")
class Ventilator implements Role {

	static final String TASKS = "tasks";

	static final String BATCHES = "batches";

	private final ZmqOperations zmq;

	private final PipelineProperties properties;

	private final ZmqSocketRegistry sockets;

	Ventilator(ZmqOperations zmq, ZmqSocketRegistry sockets, PipelineProperties properties) {
		this.zmq = zmq;
		this.sockets = sockets;
		this.properties = properties;
	}

	@Override
	public int play() {
		int expected = this.properties.workers();
		System.out.printf("Waiting for %d worker(s) to connect to %s...%n", expected, this.sockets.endpoint(TASKS));
		// The guide asks the user to press Enter once the workers are up; the starter counts the
		// workers whose ZeroMQ handshake with the tasks socket completed, and waits for them.
		this.zmq.awaitPeers(TASKS, expected, this.properties.patience());
		int connected = this.sockets.status(TASKS).peers();
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
