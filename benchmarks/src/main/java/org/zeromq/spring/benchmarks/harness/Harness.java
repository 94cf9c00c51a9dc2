package org.zeromq.spring.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zmq.util.Errno;

import org.zeromq.spring.benchmarks.harness.scenarios.Scenarios;

/**
 * Runs every scenario raw and through the starter in this one JVM: each side is opened once,
 * then rounds alternate between the sides (warm-up rounds first, not counted) so that JIT
 * warm-up and machine noise fall on all of them alike. Prints the medians with min and max.
 */
public final class Harness {

	private Harness() {
	}

	public static int run(String[] args) throws Exception {
		HarnessOptions options = HarnessOptions.parse(args);
		List<ScenarioResult> results = new ArrayList<>();
		List<Scenario> candidates = new ArrayList<>(Scenarios.all(options.scale()));
		if (options.considersSweeps()) {
			candidates.addAll(Scenarios.sweeps(options.scale()));
		}
		List<Scenario> scenarios = candidates.stream().filter(options::selects).toList();
		if (scenarios.isEmpty()) {
			System.err.println("No scenario matches " + options.only() + "; scenarios: "
					+ candidates.stream().map(Scenario::name).toList());
			return 2;
		}
		System.out.printf("%d scenario(s), %d warm-up + %d timed rounds each, message counts x%s%n", scenarios.size(),
				options.warmups(), options.rounds(), options.scale());
		List<String> failures = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			try {
				results.add(measure(scenario, options));
			}
			catch (Exception ex) {
				// One broken scenario must not cost the numbers of the others; it is reported below.
				// JeroMQ keeps its last error per thread (zmq.util.Errno): worth seeing next to a failure.
				System.out.println(" FAILED: " + ex + " [JeroMQ errno of this thread: " + new Errno().get() + "]");
				failures.add(scenario.name() + ": " + ex);
			}
		}
		ResultTables tables = new ResultTables(results);
		System.out.println();
		System.out.println(tables.comparison());
		System.out.println(tables.contenders());
		System.out.println(tables.cpu());
		System.out.println(Targets.evaluate(results));
		ResultCsv.write(options.csv(), results);
		System.out.println("CSV: " + options.csv().toAbsolutePath());
		failures.forEach((failure) -> System.out.println("FAILED " + failure));
		return failures.isEmpty() ? 0 : 1;
	}

	private static ScenarioResult measure(Scenario scenario, HarnessOptions options) throws Exception {
		System.out.print(scenario.name() + " ");
		System.out.flush();
		Map<String, Side> sides = new LinkedHashMap<>();
		Map<String, ThreadCpu> threadCpu = new LinkedHashMap<>();
		ScenarioResult result = new ScenarioResult(scenario, options.rounds());
		try {
			for (String label : scenario.sides()) {
				if (options.runs(label)) {
					sides.put(label, scenario.open(label));
				}
			}
			for (int round = 0; round < options.warmups() + options.rounds(); round++) {
				boolean timed = round >= options.warmups();
				for (Map.Entry<String, Side> side : sides.entrySet()) {
					ThreadCpu byThread = (timed && options.threads()) ? threadCpu.computeIfAbsent(side.getKey(), (k) -> new ThreadCpu())
							: null;
					if (byThread != null) {
						byThread.start();
					}
					long allocatedBefore = ProcessCpu.allocatedBytes();
					long cpuBefore = ProcessCpu.nanos();
					double[] values = side.getValue().runRound();
					long cpu = ProcessCpu.nanos() - cpuBefore;
					long allocated = ProcessCpu.allocatedBytes() - allocatedBefore;
					if (byThread != null) {
						byThread.stop();
					}
					if (timed) {
						result.record(side.getKey(), round - options.warmups(), values, side.getValue().note());
						result.recordCpu(side.getKey(), round - options.warmups(), cpu);
						long operations = side.getValue().operationsPerRound();
						if (operations > 0 && allocatedBefore >= 0) {
							result.recordAllocation(side.getKey(), round - options.warmups(), (double) allocated / operations);
						}
					}
				}
				System.out.print(timed ? "." : "w");
				System.out.flush();
			}
		}
		finally {
			for (Side side : sides.values()) {
				side.close();
			}
		}
		System.out.println(" done");
		threadCpu.forEach((side, cpu) -> {
			System.out.println("  CPU ms per round by thread, " + side + ": " + cpu.summary(options.rounds()));
			long operations = sides.containsKey(side) ? sides.get(side).operationsPerRound() : 0;
			if (operations > 0) {
				System.out.println("  bytes allocated per message by thread, " + side + ": "
						+ cpu.allocationSummary(options.rounds(), operations));
			}
		});
		return result;
	}

}
