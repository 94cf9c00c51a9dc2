package org.zeromq.spring.listener;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.SendTo;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The guide's pipeline (taskvent, taskwork, tasksink) with no socket code: the ventilator is a
 * template send on a PUSH, the worker a PULL listener whose return value {@code @SendTo} pushes
 * on, and the sink another PULL listener.
 */
class SendToPipelineTests {

	private static final int TASKS = 100;

	@Test
	void everyTaskOfTheVentilatorReachesTheSinkThroughTheWorkers() {
		ZmqApplication.runner()
			.withUserConfiguration(Worker.class, Sink.class)
			.withPropertyValues(socket("ventilator", "type=PUSH", "bind=inproc://pipeline-tasks"))
			.withPropertyValues(socket("tasks", "type=PULL", "connect=inproc://pipeline-tasks"))
			.withPropertyValues(socket("results", "type=PUSH", "connect=inproc://pipeline-results"))
			.withPropertyValues(socket("sink", "type=PULL", "bind=inproc://pipeline-results"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				List<String> tasks = IntStream.range(0, TASKS).mapToObj((i) -> "task-" + i).toList();
				tasks.forEach((task) -> template.send("ventilator", task));
				List<String> results = context.getBean(Sink.class).results.awaitCount(TASKS);
				assertThat(results).containsExactlyInAnyOrderElementsOf(tasks.stream().map((task) -> "done " + task).toList());
				// Two worker sockets on two threads both pushed results through the one results socket.
				assertThat(context.getBean(Worker.class).tasks.threadNames()).isSubsetOf("zmq-listener-tasks-1", "zmq-listener-tasks-2");
			});
	}

	static class Worker {

		final HandledMessages<String> tasks = new HandledMessages<>();

		@ZmqListener(value = "tasks", concurrency = "2")
		@SendTo("results")
		String work(String task) {
			this.tasks.record(task);
			return "done " + task;
		}

	}

	static class Sink {

		final HandledMessages<String> results = new HandledMessages<>();

		@ZmqListener("sink")
		void collect(String result) {
			this.results.record(result);
		}

	}

}
