package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.samples.support.UnreadableMessages;

/**
 * The worker role (the guide's taskwork2), without a line of socket code: each task arrives on
 * the {@code tasks} PULL socket as its workload in milliseconds, the worker "works" that long and
 * sends the workload back as its result through the {@code results} PUSH socket, and any message
 * on the {@code control} SUB socket is the sink's KILL, after which it exits.
 */
@Component
@Profile("worker")
class Worker implements Role {

	private final Duration patience;

	private final UnreadableMessages unreadable;

	private final CountDownLatch killed = new CountDownLatch(1);

	private final AtomicInteger tasksDone = new AtomicInteger();

	Worker(PipelineProperties properties, UnreadableMessages unreadable) {
		this.patience = properties.patience();
		this.unreadable = unreadable;
	}

	@ZmqListener("tasks")
	@SendTo("results")
	@Nullable String work(String task) throws InterruptedException {
		long workload;
		try {
			workload = Long.parseLong(task.trim());
		}
		catch (NumberFormatException ex) {
			this.unreadable.record("not a workload in milliseconds", task);
			return null;
		}
		// Simple progress indicator for the viewer.
		System.out.print(task + ".");
		System.out.flush();
		// Do the work, made up as in the guide: it takes as long as the workload says.
		Thread.sleep(workload);
		this.tasksDone.incrementAndGet();
		return task;
	}

	@ZmqListener("control")
	void onControl(String signal) {
		// Any waiting controller command acts as 'KILL'.
		this.killed.countDown();
	}

	@Override
	public int play() throws InterruptedException {
		boolean killed = this.killed.await(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		System.out.println();
		this.unreadable.report();
		if (!killed) {
			System.out.printf("No KILL within %s, after %d tasks%n", DurationText.of(this.patience), this.tasksDone.get());
			return 1;
		}
		return 0;
	}

	int tasksDone() {
		return this.tasksDone.get();
	}

}
