package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.zeromq.spring.annotation.ZmqListener;

/**
 * The worker role (the guide's taskwork2), without a line of socket code: tasks arrive on the
 * {@code tasks} PULL socket, each result goes to the sink through the {@code results} PUSH
 * socket, and any message on the {@code control} SUB socket is the sink's KILL, after which
 * the worker exits.
 */
@Component
@Profile("worker")
class Worker implements Role {

	private final String name;

	private final Duration patience;

	private final CountDownLatch killed = new CountDownLatch(1);

	private final AtomicInteger tasksDone = new AtomicInteger();

	Worker(PipelineProperties properties) {
		this.name = StringUtils.hasText(properties.workerName()) ? properties.workerName()
				: "worker-" + ProcessHandle.current().pid();
		this.patience = properties.patience();
	}

	@ZmqListener("tasks")
	@SendTo("results")
	TaskResult work(Task task) throws InterruptedException {
		System.out.print(task.workload() + ".");
		// The work itself, made up as in the guide: it takes as long as the workload says.
		Thread.sleep(task.workload());
		this.tasksDone.incrementAndGet();
		return new TaskResult(task.number(), task.workload(), this.name);
	}

	@ZmqListener("control")
	void onControl(String signal) {
		this.killed.countDown();
	}

	@Override
	public int play() throws InterruptedException {
		boolean killed = this.killed.await(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		String why = killed ? "KILL received" : "no KILL within " + this.patience;
		System.out.printf("%n%s: %s after %d tasks%n", this.name, why, this.tasksDone.get());
		return killed ? 0 : 1;
	}

	String name() {
		return this.name;
	}

	int tasksDone() {
		return this.tasksDone.get();
	}

}
