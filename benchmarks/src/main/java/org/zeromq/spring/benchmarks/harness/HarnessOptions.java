package org.zeromq.spring.benchmarks.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of the harness.
 *
 * @param warmups rounds run first and not counted
 * @param rounds timed rounds
 * @param scale factor on every scenario's message count ({@code --quick} uses a quarter)
 * @param only scenario name fragments to run, empty for all
 * @param sides sides to run (e.g. only {@code starter} while profiling), empty for all
 * @param threads whether to print the CPU time per thread group of each side's rounds
 * @param sweeps whether a run without {@code --only} adds the sweeps to the other scenarios
 * @param csv where every row goes as CSV, for the {@code chart} command
 */
record HarnessOptions(int warmups, int rounds, double scale, List<String> only, List<String> sides, boolean threads,
		boolean sweeps, Path csv) {

	static final Path DEFAULT_CSV = Path.of("benchmarks", "target", "harness.csv");

	static HarnessOptions parse(String[] args) {
		int warmups = 2;
		int rounds = 5;
		double scale = 1.0;
		List<String> only = List.of();
		List<String> sides = List.of();
		boolean threads = false;
		boolean sweeps = false;
		Path csv = DEFAULT_CSV;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> {
					warmups = 1;
					rounds = 3;
					scale = 0.25;
				}
				case "--warmup" -> warmups = Integer.parseInt(args[++i]);
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--scale" -> scale = Double.parseDouble(args[++i]);
				case "--only" -> only = list(args[++i]);
				case "--sides" -> sides = list(args[++i]);
				case "--threads" -> threads = true;
				case "--sweeps" -> sweeps = true;
				case "--csv" -> csv = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ "; options: --quick, --warmup N, --rounds N, --scale X, --only name,fragments, --sides raw,starter, --threads, --sweeps, --csv file");
			}
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1");
		}
		return new HarnessOptions(warmups, rounds, scale, only, sides, threads, sweeps, csv);
	}

	private static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map((s) -> s.trim().toLowerCase(Locale.ROOT)).toList();
	}

	boolean runs(String side) {
		return this.sides.isEmpty() || this.sides.contains(side.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether the sweeps are candidates: {@code --only} chooses among every scenario, sweeps
	 * included; a run without it adds them only with {@code --sweeps}, since they take minutes.
	 */
	boolean considersSweeps() {
		return this.sweeps || !this.only.isEmpty();
	}

	boolean selects(Scenario scenario) {
		String name = scenario.name().toLowerCase(Locale.ROOT);
		return this.only.isEmpty() || this.only.stream().anyMatch(name::contains);
	}

}
