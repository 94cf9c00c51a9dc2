package org.zeromq.spring.benchmarks.harness;

import java.util.List;
import java.util.Locale;

/** The harness's output as Markdown tables, readable in a terminal and pasteable into docs. */
public final class ResultTables {

	static final String RAW = "raw";

	static final String STARTER = "starter";

	private final List<ScenarioResult> results;

	ResultTables(List<ScenarioResult> results) {
		this.results = results;
	}

	/** scenario | metric | raw | starter | starter/raw. */
	String comparison() {
		StringBuilder out = new StringBuilder();
		out.append("| scenario | metric | raw: median [min – max] | starter: median [min – max] | starter/raw |\n");
		out.append("|---|---|---|---|---|\n");
		for (ScenarioResult result : this.results) {
			if (!result.has(RAW) || !result.has(STARTER)) {
				continue;
			}
			for (Metric metric : result.metrics()) {
				Stats raw = result.stats(RAW, metric);
				Stats starter = result.stats(STARTER, metric);
				out.append("| ").append(result.name()).append(" | ").append(metric.name()).append(" | ").append(format(raw))
					.append(" | ").append(format(starter)).append(" | ").append(ratio(starter.median() / raw.median(), metric))
					.append(" |\n");
			}
		}
		appendNotes(out);
		return out.toString();
	}

	/** Sides other than raw, against the starter: scenario | side | median | starter/side. */
	String contenders() {
		StringBuilder out = new StringBuilder();
		boolean any = false;
		for (ScenarioResult result : this.results) {
			for (String side : result.sides()) {
				if (side.equals(RAW) || side.equals(STARTER) || !result.has(side) || !result.has(STARTER)) {
					continue;
				}
				if (!any) {
					out.append("| scenario | metric | ").append("other: median [min – max] | starter: median | starter/other |\n");
					out.append("|---|---|---|---|---|\n");
					any = true;
				}
				for (Metric metric : result.metrics()) {
					Stats other = result.stats(side, metric);
					Stats starter = result.stats(STARTER, metric);
					out.append("| ").append(result.name()).append(" | ").append(metric.name()).append(" | ").append(side)
						.append(": ").append(format(other)).append(" | ").append(number(starter.median())).append(" | ")
						.append(ratio(starter.median() / other.median(), metric)).append(" |\n");
				}
			}
		}
		return out.toString();
	}

	/**
	 * CPU milliseconds per round (every thread of the JVM) per side, and raw ÷ starter: the same
	 * work per round on both sides, so 1.00× means the starter costs no extra CPU; steadier than
	 * msg/s when other processes load the machine. Then the bytes every thread allocated per
	 * message, and what the starter allocates beyond raw JeroMQ doing the same work.
	 */
	String cpu() {
		StringBuilder out = new StringBuilder();
		out.append("| scenario | raw: CPU ms/round median [min – max] | starter: CPU ms/round median [min – max] | raw/starter"
				+ " | raw B/msg | starter B/msg | starter − raw B/msg |\n");
		out.append("|---|---|---|---|---|---|---|\n");
		for (ScenarioResult result : this.results) {
			if (!result.hasCpu(RAW) || !result.hasCpu(STARTER)) {
				continue;
			}
			Stats raw = result.cpu(RAW);
			Stats starter = result.cpu(STARTER);
			out.append("| ").append(result.name()).append(" | ").append(format(raw)).append(" | ").append(format(starter))
				.append(" | ").append(String.format(Locale.ROOT, "%.2f×", raw.median() / starter.median()));
			if (result.hasAllocation(RAW) && result.hasAllocation(STARTER)) {
				double rawBytes = result.allocation(RAW).median();
				double starterBytes = result.allocation(STARTER).median();
				out.append(String.format(Locale.ROOT, " | %.0f | %.0f | %+.0f |%n", rawBytes, starterBytes, starterBytes - rawBytes));
			}
			else {
				out.append(" | – | – | – |\n");
			}
		}
		return out.toString();
	}

	private void appendNotes(StringBuilder out) {
		for (ScenarioResult result : this.results) {
			for (String note : result.notes()) {
				out.append("\n").append(result.name()).append(" — ").append(note);
			}
		}
		out.append("\n");
	}

	public static String format(Stats stats) {
		return number(stats.median()) + " [" + number(stats.min()) + " – " + number(stats.max()) + "]";
	}

	public static String number(double value) {
		if (value >= 1_000_000) {
			return String.format(Locale.ROOT, "%.2fM", value / 1_000_000);
		}
		if (value >= 10_000) {
			return String.format(Locale.ROOT, "%.1fk", value / 1_000);
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** A ratio with the direction that is better, so that 0.95× is never misread. */
	public static String ratio(double ratio, Metric metric) {
		return String.format(Locale.ROOT, "%.2f×%s", ratio, metric.higherIsBetter() ? "" : " (lower is better)");
	}

}
