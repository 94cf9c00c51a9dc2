package org.zeromq.spring.samples.pipeline;

import java.util.SplittableRandom;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The ventilator role (the guide's taskvent): binds the {@code tasks} PUSH socket, waits until
 * {@code pipeline.workers} workers are connected to it ({@code awaitPeers}, where the guide asks the user
 * to press Enter), tells the sink the batch starts with {@code "0"} on the {@code sink} PUSH socket, and
 * deals {@code pipeline.tasks} tasks among the workers, each its workload in milliseconds as a
 * decimal string.
 */
@Component
@Profile("ventilator")
class Ventilator implements Role {

	static final String TASKS = "tasks";

	static final String SINK = "sink";

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
			System.out.printf("No worker connected within %s: start the workers, then the ventilator%n",
					DurationText.of(this.properties.patience()));
			return 1;
		}
		if (connected < expected) {
			System.out.printf("Only %d of %d workers connected within %s; they share the batch%n", connected, expected,
					DurationText.of(this.properties.patience()));
		}
		System.out.println("Sending tasks to workers...");
		// The first message is "0" and signals start of batch.
		this.zmq.send(SINK, "0");
		SplittableRandom random = new SplittableRandom();
		long totalMillis = 0;
		for (int task = 0; task < this.properties.tasks(); task++) {
			// Random workload from 1 to max-workload msecs.
			int workload = 1 + random.nextInt(this.properties.maxWorkload());
			totalMillis += workload;
			this.zmq.send(TASKS, Integer.toString(workload));
		}
		System.out.printf("Total expected cost: %d msec%n", totalMillis);
		return 0;
	}

}
