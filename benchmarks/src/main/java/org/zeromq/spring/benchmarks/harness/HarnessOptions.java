package org.zeromq.spring.benchmarks.harness;

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
 */
record HarnessOptions(int warmups, int rounds, double scale, List<String> only, List<String> sides, boolean threads) {

	static HarnessOptions parse(String[] args) {
		int warmups = 2;
		int rounds = 5;
		double scale = 1.0;
		List<String> only = List.of();
		List<String> sides = List.of();
		boolean threads = false;
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
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ "; options: --quick, --warmup N, --rounds N, --scale X, --only name,fragments, --sides raw,starter, --threads");
			}
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1");
		}
		return new HarnessOptions(warmups, rounds, scale, only, sides, threads);
	}

	private static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).map((s) -> s.trim().toLowerCase(Locale.ROOT)).toList();
	}

	boolean runs(String side) {
		return this.sides.isEmpty() || this.sides.contains(side.toLowerCase(Locale.ROOT));
	}

	boolean selects(Scenario scenario) {
		String name = scenario.name().toLowerCase(Locale.ROOT);
		return this.only.isEmpty() || this.only.stream().anyMatch(name::contains);
	}

}
