package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.template.ZmqOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role of the pipeline with the guide's own programs in the other roles, in pyzmq, on ports
 * the system picks: the ventilator feeds two guide workers and the guide's sink, the worker sits
 * between the guide's ventilator and sink, and the sink collects from the guide's ventilator and
 * a guide worker that sends empty results (as the guide's C and Java workers do). A small batch
 * of short tasks keeps each run under a second of work.
 */
@ExtendWith(OutputCaptureExtension.class)
class PipelineGuideTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final int TASKS = 20;

	@Test
	void theVentilatorWaitsForTwoOfTheGuidesWorkersAndDealsThemTheBatchForTheGuidesSink(CapturedOutput output)
			throws Exception {
		try (PythonZmqPeer sink = PythonZmqPeer.start("tasksink2.py", Integer.toString(TASKS), "2");
				ConfigurableApplicationContext ventilator = role("ventilator", "--pipeline.tasks-port=*",
						"--pipeline.results-port=" + port(results(sink)), "--pipeline.workers=2")) {
			String tasks = ventilator.getBean(ZmqSocketRegistry.class).endpoint(Ventilator.TASKS);
			try (PythonZmqPeer worker1 = PythonZmqPeer.start("taskwork2.py", tasks, results(sink), control(sink));
					PythonZmqPeer worker2 = PythonZmqPeer.start("taskwork2.py", tasks, results(sink), control(sink))) {
				assertThat(sink.nextLine(WAIT)).isEqualTo("SUBSCRIBED");
				assertThat(PipelineApplication.playAndExit(ventilator)).isZero();
				assertThat(sink.nextLine(WAIT)).isEqualTo(":.........:.........");
				assertThat(sink.nextLine(WAIT)).matches("Total elapsed time: \\d+ msec");
				assertThat(sink.awaitExit(WAIT)).isZero();
				assertThat(worker1.awaitExit(WAIT)).isZero();
				assertThat(worker2.awaitExit(WAIT)).isZero();
				List<String> done1 = worker1.lines();
				List<String> done2 = worker2.lines();
				// Each worker printed READY, its tasks and KILL: both had a share of the batch.
				assertThat(done1.size() - 2).isPositive();
				assertThat(done2.size() - 2).isPositive();
				assertThat(done1.size() + done2.size() - 4).as("%s %s", done1, done2).isEqualTo(TASKS);
			}
		}
		assertThat(output).contains("Waiting for 2 worker(s) to connect to", "Sending tasks to workers...")
			.containsPattern("Total expected cost: \\d+ msec");
	}

	@Test
	void theWorkerDoesTheGuidesTasksForTheGuidesSinkCountsWhatItCannotReadAndExitsOnKill(CapturedOutput output)
			throws Exception {
		try (PythonZmqPeer sink = PythonZmqPeer.start("tasksink2.py", Integer.toString(TASKS), "1");
				PythonZmqPeer ventilator = PythonZmqPeer.start("taskvent.py", results(sink), Integer.toString(TASKS), "5",
						"garbage")) {
			ConfigurableApplicationContext worker = role("worker", "--pipeline.tasks-port=" + port(ventilator.readyInfo()),
					"--pipeline.results-port=" + port(results(sink)), "--pipeline.control-port=" + port(control(sink)));
			assertThat(sink.nextLine(WAIT)).isEqualTo("SUBSCRIBED");
			// The guide's "Press Enter when the workers are ready".
			ventilator.writeLine("");
			assertThat(ventilator.nextLine(WAIT)).isEqualTo("Sending tasks to workers...");
			assertThat(PipelineApplication.playAndExit(worker)).isZero();
			assertThat(worker.isActive()).isFalse();
			assertThat(sink.nextLine(WAIT)).isEqualTo(":.........:.........");
			assertThat(sink.awaitExit(WAIT)).isZero();
			assertThat(ventilator.awaitExit(WAIT)).isZero();
		}
		assertThat(output.toString().lines().filter((line) -> line.contains("could not be read")).toList())
			.containsExactly("1 arrived but could not be read: not a workload in milliseconds (the first: 'soon')");
	}

	@Test
	void theSinkTimesTheGuidesBatchAcceptsEmptyResultsAndKillsTheGuidesWorker(CapturedOutput output) throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext sink = role("sink", "--pipeline.results-port=*", "--pipeline.control-port=*")) {
			ZmqSocketRegistry sockets = sink.getBean(ZmqSocketRegistry.class);
			try (PythonZmqPeer ventilator = PythonZmqPeer.start("taskvent.py", sockets.endpoint(Sink.RESULTS),
					Integer.toString(TASKS), "5");
					PythonZmqPeer worker = PythonZmqPeer.start("taskwork2.py", ventilator.readyInfo(),
							sockets.endpoint(Sink.RESULTS), sockets.endpoint(Sink.CONTROL), "empty")) {
				// The KILL comes at the end of the batch: the worker must be listening for it by then.
				assertThat(sink.getBean(ZmqOperations.class).awaitSubscribers(Sink.CONTROL, 1, WAIT)).isTrue();
				ventilator.writeLine("");
				assertThat(PipelineApplication.playAndExit(sink)).isZero();
				assertThat(worker.nextLines(TASKS + 1, WAIT)).endsWith("KILL");
				assertThat(worker.awaitExit(WAIT)).isZero();
				assertThat(ventilator.awaitExit(WAIT)).isZero();
			}
		}
		assertThat(output).contains(":.........:.........").containsPattern("Total elapsed time: \\d+ msec");
	}

	private static ConfigurableApplicationContext role(String role, String... args) {
		return new SpringApplicationBuilder(PipelineApplication.class).profiles(role)
			.run(append(args, "--pipeline.patience=" + WAIT.toSeconds() + "s", "--pipeline.max-workload=5",
					"--pipeline.tasks=" + TASKS));
	}

	private static String[] append(String[] args, String... more) {
		String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

	private static String results(PythonZmqPeer sink) {
		return sink.readyInfo().split(" ")[0];
	}

	private static String control(PythonZmqPeer sink) {
		return sink.readyInfo().split(" ")[1];
	}

	private static String port(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf(':') + 1);
	}

}
