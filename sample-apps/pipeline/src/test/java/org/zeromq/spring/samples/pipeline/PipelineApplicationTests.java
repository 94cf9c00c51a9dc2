package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three roles as separate application contexts in one JVM, over tcp on 127.0.0.1: every
 * binding socket takes a free port, and the roles that connect get the endpoints the binders'
 * registries resolved, so the contexts start in the order the endpoints become known: sink,
 * ventilator, workers. The ventilator only sends once it has seen both workers connect, and
 * each role is then played exactly as {@code main} plays it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PipelineApplicationTests {

	private static final int TASKS = 20;

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final String ANY_PORT = "tcp://127.0.0.1:*";

	@Test
	void twoWorkersShareTheBatchAndTheSinksKillSignalEndsThem(CapturedOutput output) throws Exception {
		// The ventilator plays on the test thread, the other three roles each on one of these.
		ExecutorService roleThreads = Executors.newFixedThreadPool(3);
		try (ConfigurableApplicationContext sink = start("sink", "--zeromq.sockets.batches.bind=" + ANY_PORT,
				"--zeromq.sockets.results.bind=" + ANY_PORT, "--zeromq.sockets.control.bind=" + ANY_PORT);
				ConfigurableApplicationContext ventilator = start("ventilator", "--zeromq.sockets.tasks.bind=" + ANY_PORT,
						"--zeromq.sockets.batches.connect=" + endpoint(sink, "batches"), "--pipeline.tasks=" + TASKS,
						"--pipeline.max-workload=5", "--pipeline.workers=2")) {
			try (ConfigurableApplicationContext worker1 = startWorker("worker-1", ventilator, sink);
					ConfigurableApplicationContext worker2 = startWorker("worker-2", ventilator, sink)) {
				// Both workers must be subscribed to the kill signal before the batch starts, or a
				// fast batch could end before a slow subscription arrives.
				assertThat(sink.getBean(ZmqOperations.class).awaitSubscribers(Sink.CONTROL, 2, BOUND)).isTrue();
				Sink sinkRole = sink.getBean(Sink.class);
				Worker worker1Role = worker1.getBean(Worker.class);
				Worker worker2Role = worker2.getBean(Worker.class);
				Future<Integer> sinkExit = roleThreads.submit(() -> PipelineApplication.playAndExit(sink));
				Future<Integer> worker1Exit = roleThreads.submit(() -> PipelineApplication.playAndExit(worker1));
				Future<Integer> worker2Exit = roleThreads.submit(() -> PipelineApplication.playAndExit(worker2));

				assertThat(PipelineApplication.playAndExit(ventilator)).isZero();
				assertThat(sinkExit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
				assertThat(worker1Exit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
				assertThat(worker2Exit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();

				Map<String, Integer> tasksByWorker = sinkRole.tasksByWorker();
				assertThat(tasksByWorker).containsOnlyKeys("worker-1", "worker-2")
					.containsEntry("worker-1", worker1Role.tasksDone())
					.containsEntry("worker-2", worker2Role.tasksDone());
				assertThat(tasksByWorker.values()).allSatisfy((tasks) -> assertThat(tasks).isPositive());
				assertThat(worker1Role.tasksDone() + worker2Role.tasksDone()).isEqualTo(TASKS);
				assertThat(output).contains("Total expected cost: ", "Total elapsed time: ",
						"worker-1 did " + worker1Role.tasksDone() + " tasks", "worker-2 did " + worker2Role.tasksDone() + " tasks",
						"worker-1: KILL received after", "worker-2: KILL received after");
				assertThat(worker1.isActive()).isFalse();
				assertThat(worker2.isActive()).isFalse();
			}
		}
		finally {
			roleThreads.shutdown();
		}
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith("zmq-listener-"));
	}

	private static ConfigurableApplicationContext startWorker(String name, ConfigurableApplicationContext ventilator,
			ConfigurableApplicationContext sink) {
		return start("worker", "--pipeline.worker-name=" + name,
				"--zeromq.sockets.tasks.connect=" + endpoint(ventilator, Ventilator.TASKS),
				"--zeromq.sockets.results.connect=" + endpoint(sink, "results"),
				"--zeromq.sockets.control.connect=" + endpoint(sink, Sink.CONTROL));
	}

	private static ConfigurableApplicationContext start(String role, String... args) {
		return new SpringApplicationBuilder(PipelineApplication.class).profiles(role)
			.run(append(args, "--pipeline.patience=" + BOUND.toSeconds() + "s"));
	}

	private static String endpoint(ConfigurableApplicationContext context, String socket) {
		return context.getBean(ZmqSocketRegistry.class).endpoint(socket);
	}

	private static String[] append(String[] args, String arg) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

}
