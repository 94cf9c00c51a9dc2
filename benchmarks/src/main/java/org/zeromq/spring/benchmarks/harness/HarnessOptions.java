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
 */
record HarnessOptions(int warmups, int rounds, double scale, List<String> only) {

	static HarnessOptions parse(String[] args) {
		int warmups = 2;
		int rounds = 5;
		double scale = 1.0;
		List<String> only = List.of();
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
				case "--only" -> only = Arrays.stream(args[++i].split(",")).map((s) -> s.trim().toLowerCase(Locale.ROOT)).toList();
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ "; options: --quick, --warmup N, --rounds N, --scale X, --only name,fragments");
			}
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1");
		}
		return new HarnessOptions(warmups, rounds, scale, only);
	}

	boolean selects(Scenario scenario) {
		String name = scenario.name().toLowerCase(Locale.ROOT);
		return this.only.isEmpty() || this.only.stream().anyMatch(name::contains);
	}

}
