package org.zeromq.spring.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the timed rounds of one scenario measured, per side and metric. */
public final class ScenarioResult {

	private final Scenario scenario;

	private final int rounds;

	private final Map<String, double[][]> values = new LinkedHashMap<>();

	private final Map<String, double[]> cpuMillis = new LinkedHashMap<>();

	private final Map<String, double[]> bytesPerOperation = new LinkedHashMap<>();

	private final Set<String> notes = new LinkedHashSet<>();

	ScenarioResult(Scenario scenario, int rounds) {
		this.scenario = scenario;
		this.rounds = rounds;
	}

	void record(String side, int round, double[] measured, String note) {
		double[][] perMetric = this.values.computeIfAbsent(side, (s) -> new double[this.scenario.metrics().size()][this.rounds]);
		for (int m = 0; m < measured.length; m++) {
			perMetric[m][round] = measured[m];
		}
		if (note != null) {
			this.notes.add(side + ": " + note);
		}
	}

	/** The process CPU time a timed round of {@code side} used, in nanoseconds. */
	void recordCpu(String side, int round, long nanos) {
		this.cpuMillis.computeIfAbsent(side, (s) -> new double[this.rounds])[round] = nanos / 1_000_000.0;
	}

	/** Whether the CPU time of the side's rounds is known. */
	public boolean hasCpu(String side) {
		double[] rounds = this.cpuMillis.get(side);
		return rounds != null && rounds[0] >= 0;
	}

	/** CPU milliseconds per timed round of the side (all threads of the process). */
	public Stats cpu(String side) {
		return Stats.of(this.cpuMillis.get(side));
	}

	/** Bytes the process allocated per message (or request) in a timed round of {@code side}. */
	void recordAllocation(String side, int round, double bytes) {
		this.bytesPerOperation.computeIfAbsent(side, (s) -> new double[this.rounds])[round] = bytes;
	}

	public boolean hasAllocation(String side) {
		return this.bytesPerOperation.containsKey(side);
	}

	/** Bytes allocated per message (or request) of the side, every thread of the process. */
	public Stats allocation(String side) {
		return Stats.of(this.bytesPerOperation.get(side));
	}

	public String name() {
		return this.scenario.name();
	}

	public Optional<SweepPoint> sweepPoint() {
		return this.scenario.sweepPoint();
	}

	public List<Metric> metrics() {
		return this.scenario.metrics();
	}

	public List<String> sides() {
		return this.scenario.sides();
	}

	public boolean has(String side) {
		return this.values.containsKey(side);
	}

	public Stats stats(String side, Metric metric) {
		return Stats.of(this.values.get(side)[this.scenario.metrics().indexOf(metric)]);
	}

	public Set<String> notes() {
		return this.notes;
	}

}
