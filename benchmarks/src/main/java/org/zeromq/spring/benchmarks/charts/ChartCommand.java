package org.zeromq.spring.benchmarks.charts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.ResultCsv;
import org.zeromq.spring.benchmarks.harness.ResultTables;
import org.zeromq.spring.benchmarks.harness.Stats;

/**
 * The {@code chart} command: reads the CSV a harness run wrote and renders one PNG per sweep
 * ({@code sweep-size.png} and so on) with {@link SweepChart}, then prints a Markdown table per
 * sweep (starter, raw, starter/raw) for docs/performance.md. Rows that belong to no sweep are
 * left out. Options: {@code --csv file} (default {@code benchmarks/target/harness.csv}),
 * {@code --out directory} (default {@code docs/images}).
 */
public final class ChartCommand {

	private ChartCommand() {
	}

	public static int run(String[] args) throws Exception {
		// Charts are drawn into images, never onto a screen: no display is needed or wanted.
		System.setProperty("java.awt.headless", "true");
		Path csv = Path.of("benchmarks", "target", "harness.csv");
		Path out = Path.of("docs", "images");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--csv" -> csv = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --csv file, --out directory");
			}
		}
		Map<String, List<ResultCsv.Row>> sweeps = new LinkedHashMap<>();
		for (ResultCsv.Row row : ResultCsv.read(csv)) {
			row.sweepPoint().ifPresent((point) -> sweeps.computeIfAbsent(point.sweep(), (s) -> new ArrayList<>()).add(row));
		}
		if (sweeps.isEmpty()) {
			System.err.println(csv + " has no sweep rows; run e.g. harness --only sweep first");
			return 2;
		}
		Files.createDirectories(out);
		for (Map.Entry<String, List<ResultCsv.Row>> sweep : sweeps.entrySet()) {
			File png = out.resolve(fileName(sweep.getKey())).toFile();
			new SweepChart(sweep.getKey(), sweep.getValue()).writePng(png);
			System.out.println("### " + sweep.getKey() + " (" + png + ")");
			System.out.println();
			System.out.println(table(sweep.getValue()));
		}
		return 0;
	}

	static String fileName(String sweep) {
		return sweep.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".png";
	}

	/** parameter | metric | raw | starter | starter/raw, in the order of the CSV. */
	static String table(List<ResultCsv.Row> rows) {
		String parameter = rows.get(0).sweepPoint().orElseThrow().parameter();
		StringBuilder out = new StringBuilder();
		out.append("| ").append(parameter).append(" | metric | raw: median [min – max] | starter: median [min – max] | starter/raw |\n");
		out.append("|---|---|---|---|---|\n");
		for (ResultCsv.Row row : rows) {
			if (!row.side().equals("starter")) {
				continue;
			}
			Optional<ResultCsv.Row> raw = rows.stream()
				.filter((other) -> other.side().equals("raw") && other.scenario().equals(row.scenario())
						&& other.metric().name().equals(row.metric().name()))
				.findFirst();
			Metric metric = row.metric();
			out.append("| ").append(row.sweepPoint().orElseThrow().value()).append(" | ").append(metric.name()).append(" | ")
				.append(raw.map((r) -> ResultTables.format(r.stats())).orElse("not run")).append(" | ")
				.append(ResultTables.format(row.stats())).append(" | ")
				.append(raw.map((r) -> ResultTables.ratio(ratio(row.stats(), r.stats()), metric)).orElse("–")).append(" |\n");
		}
		return out.toString();
	}

	private static double ratio(Stats starter, Stats raw) {
		return starter.median() / raw.median();
	}

}
