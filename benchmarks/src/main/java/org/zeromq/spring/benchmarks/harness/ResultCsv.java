package org.zeromq.spring.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The harness's results as CSV, one line per scenario, side and metric, for the {@code chart}
 * command and for spreadsheets. Fields that hold a comma or a quote are quoted (RFC 4180):
 * several scenario names have commas.
 */
public final class ResultCsv {

	static final String HEADER = "scenario,sweep,parameter,value,side,metric,higher_is_better,median,min,max";

	/**
	 * The CPU time of the whole JVM per timed round, written beside each side's own metrics when
	 * it is known: the same work per round on both sides, so starter ÷ raw is the starter's extra CPU.
	 */
	public static final Metric CPU = new Metric("CPU ms/round", false);

	/** Bytes the whole JVM allocated per message (or request) of a round, when the side counts them. */
	public static final Metric ALLOCATION = new Metric("B allocated/msg", false);

	/**
	 * One line of the file.
	 *
	 * @param sweepPoint the sweep the scenario belongs to, if any
	 */
	public record Row(String scenario, Optional<SweepPoint> sweepPoint, String side, Metric metric, Stats stats) {

	}

	private ResultCsv() {
	}

	/** Writes every side and metric of the results, replacing the file. */
	static void write(Path file, List<ScenarioResult> results) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		for (ScenarioResult result : results) {
			for (String side : result.sides()) {
				if (!result.has(side)) {
					continue;
				}
				for (Metric metric : result.metrics()) {
					lines.add(line(result, side, metric, result.stats(side, metric)));
				}
				if (result.hasCpu(side)) {
					lines.add(line(result, side, CPU, result.cpu(side)));
				}
				if (result.hasAllocation(side)) {
					lines.add(line(result, side, ALLOCATION, result.allocation(side)));
				}
			}
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	private static String line(ScenarioResult result, String side, Metric metric, Stats stats) {
		Optional<SweepPoint> point = result.sweepPoint();
		return String.join(",", field(result.name()), field(point.map(SweepPoint::sweep).orElse("")),
				field(point.map(SweepPoint::parameter).orElse("")), point.map((p) -> Long.toString(p.value())).orElse(""),
				field(side), field(metric.name()), Boolean.toString(metric.higherIsBetter()), number(stats.median()),
				number(stats.min()), number(stats.max()));
	}

	/**
	 * Reads a file {@link #write} wrote.
	 * @throws IllegalArgumentException naming the line when it is not of that format
	 */
	public static List<Row> read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
			throw new IllegalArgumentException(file + " is not a harness CSV: its first line should be " + HEADER);
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			List<String> fields = fields(lines.get(i));
			if (fields.size() != 10) {
				throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + fields.size() + " fields instead of 10");
			}
			Optional<SweepPoint> point = fields.get(1).isEmpty() ? Optional.empty()
					: Optional.of(new SweepPoint(fields.get(1), fields.get(2), Long.parseLong(fields.get(3))));
			rows.add(new Row(fields.get(0), point, fields.get(4), new Metric(fields.get(5), Boolean.parseBoolean(fields.get(6))),
					new Stats(Double.parseDouble(fields.get(7)), Double.parseDouble(fields.get(8)),
							Double.parseDouble(fields.get(9)))));
		}
		return rows;
	}

	private static String field(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		fields.add(current.toString());
		return fields;
	}

}
