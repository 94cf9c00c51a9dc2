package org.zeromq.spring.benchmarks.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

import org.zeromq.spring.benchmarks.harness.scenarios.Scenarios;

/**
 * The targets, checked against the medians of this run. Allocation per message is a JMH
 * number ({@code -prof gc}), not the harness's.
 */
final class Targets {

	private static final String STARTER = ResultTables.STARTER;

	private static final String RAW = ResultTables.RAW;

	private final List<ScenarioResult> results;

	private final StringBuilder out = new StringBuilder();

	private Targets(List<ScenarioResult> results) {
		this.results = results;
	}

	static String evaluate(List<ScenarioResult> results) {
		Targets targets = new Targets(results);
		targets.out.append("| target | measured | met |\n|---|---|---|\n");
		targets.atLeast("listener path ≥ 0.9× raw (PUSH→PULL tcp byte[], template → listener)",
				targets.ratio(Scenarios.PUSH_PULL_TCP_BYTES, STARTER, RAW), 0.9);
		targets.atLeast("listener alone ≥ 0.9× raw (raw PUSH → @ZmqListener)",
				targets.ratio(Scenarios.RAW_TO_LISTENER_TCP, STARTER, RAW), 0.9);
		targets.atLeast("ZmqTemplate.send ≥ 0.9× raw send (template → raw PULL)",
				targets.ratio(Scenarios.TEMPLATE_TO_RAW_TCP, STARTER, RAW), 0.9);
		targets.atMost("request/reply p50 ≤ 1.1× raw", targets.ratio(Scenarios.REQUEST_REPLY, "p50 µs", STARTER, RAW), 1.1);
		targets.atLeast("async pipelined ≥ 20× sync round trips/s (starter)",
				targets.median(Scenarios.PIPELINED, STARTER)
					.flatMap((async) -> targets.median(Scenarios.REQUEST_REPLY, "round trips/s", STARTER).map((sync) -> async / sync)),
				20);
		targets.atLeast("DEALER one-way send ≥ 0.8× PUSH send (starter, tcp 100 B)",
				targets.ratio(Scenarios.DEALER_ONE_WAY, STARTER, Scenarios.DEALER_ONE_WAY_PUSH), 0.8);
		targets.atLeast("≥ 100× Spring Integration's module (PUSH→PULL tcp byte[])",
				targets.ratio(Scenarios.SPRING_INTEGRATION, STARTER, "spring-integration-zeromq"), 100);
		targets.atLeast("Spring Integration flow ≥ 0.7× raw (outbound adapter → inbound adapter → handler, PUSH→PULL tcp byte[])",
				targets.ratio(Scenarios.INTEGRATION_FLOW, STARTER, RAW), 0.7);
		targets.atLeast("Spring Integration flow ≥ 100× spring-integration-zeromq on the same flow",
				targets.ratio(Scenarios.INTEGRATION_FLOW, STARTER, "spring-integration-zeromq"), 100);
		targets.atMost("Spring Integration gateway round trip p50 ≤ 1.2× raw REQ/REP",
				targets.ratio(Scenarios.INTEGRATION_GATEWAY, "p50 µs", STARTER, RAW), 1.2);
		targets.atLeast("bind-side REP concurrency 4 vs 1 under a 1 ms handler (starter; 4 is ideal)",
				targets.median(Scenarios.CONCURRENCY_4, STARTER)
					.flatMap((four) -> targets.median(Scenarios.CONCURRENCY_1, STARTER).map((one) -> four / one)),
				3);
		targets.atLeast("CURVE REQ→REP round trips/s ≥ 0.9× raw JeroMQ CURVE",
				targets.ratio(Scenarios.REQUEST_REPLY_CURVE, "round trips/s", STARTER, RAW), 0.9);
		targets.atLeast("CURVE PUSH→PULL throughput ≥ 0.9× raw JeroMQ CURVE",
				targets.ratio(Scenarios.PUSH_PULL_CURVE, STARTER, RAW), 0.9);
		targets.atLeast("yml proxy (DEALER → ROUTER/DEALER proxy → REP) ≥ 0.9× raw ZMQ.proxy",
				targets.ratio(Scenarios.PROXY, STARTER, RAW), 0.9);
		targets.atLeast("metrics on ≥ 0.95× metrics off (PUSH→PULL tcp byte[], template → listener)",
				targets.ratio(Scenarios.METRICS, Scenarios.METRICS_ON, Scenarios.METRICS_OFF), 0.95);
		for (String sweep : List.of("sweep size", "sweep fan-in", "sweep fan-out", "sweep clients")) {
			targets.atLeast(sweep + ": every point ≥ 0.9× raw (the lowest starter/raw of the sweep)", targets.lowestRatio(sweep), 0.9);
		}
		targets.out.append("| allocation < 200 B/message beyond the payload | see `jmh … -prof gc` (gc.alloc.rate.norm) | – |\n");
		return targets.out.toString();
	}

	/** The lowest starter/raw over the points of a sweep that ran, on each point's first metric. */
	private Optional<Double> lowestRatio(String sweep) {
		return this.results.stream()
			.filter((result) -> result.sweepPoint().map((point) -> point.sweep().equals(sweep)).orElse(false)
					&& result.has(STARTER) && result.has(RAW))
			.map((result) -> result.stats(STARTER, result.metrics().get(0)).median()
					/ result.stats(RAW, result.metrics().get(0)).median())
			.min(Double::compare);
	}

	private Optional<Double> ratio(String scenario, String side, String baseline) {
		return ratio(scenario, null, side, baseline);
	}

	private Optional<Double> ratio(String scenario, String metric, String side, String baseline) {
		return median(scenario, metric, side).flatMap((value) -> median(scenario, metric, baseline).map((base) -> value / base));
	}

	private Optional<Double> median(String scenario, String side) {
		return median(scenario, null, side);
	}

	/** The median of a metric (the first metric when {@code null}), if that scenario ran. */
	private Optional<Double> median(String scenario, String metric, String side) {
		return this.results.stream().filter((result) -> result.name().equals(scenario) && result.has(side)).findFirst().map((result) -> {
			Metric chosen = result.metrics().stream().filter((m) -> metric == null || m.name().equals(metric)).findFirst()
				.orElseThrow();
			return result.stats(side, chosen).median();
		});
	}

	private void atLeast(String target, Optional<Double> measured, double threshold) {
		row(target, measured, (value) -> value >= threshold);
	}

	private void atMost(String target, Optional<Double> measured, double threshold) {
		row(target, measured, (value) -> value <= threshold);
	}

	private void row(String target, Optional<Double> measured, DoublePredicate met) {
		this.out.append("| ").append(target).append(" | ")
			.append(measured.map((value) -> String.format(Locale.ROOT, "%.2f×", value)).orElse("not run"))
			.append(" | ").append(measured.map((value) -> met.test(value) ? "yes" : "**no**").orElse("–")).append(" |\n");
	}

}
