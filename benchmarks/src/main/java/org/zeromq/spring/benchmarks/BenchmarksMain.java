package org.zeromq.spring.benchmarks;

import java.util.Arrays;

import org.zeromq.spring.benchmarks.charts.ChartCommand;
import org.zeromq.spring.benchmarks.harness.Harness;
import org.zeromq.spring.benchmarks.jmh.ListenerCpuComparison;
import org.zeromq.spring.benchmarks.sendpath.SendPathComparison;

/**
 * Entry point of {@code benchmarks.jar}: {@code harness [options]} runs the end-to-end scenarios
 * (raw JeroMQ and the starter in one process), {@code jmh [JMH options]} runs the
 * microbenchmarks through JMH's own command line, {@code send-paths [messages [messages when
 * callers wait]]} compares a locked send with owner-thread sends, {@code listener-cpu [rounds
 * [calls]]} compares the listener's dispatch with the meters off and on in CPU time,
 * {@code chart [--csv file] [--out directory]} renders the sweeps of a harness run's CSV as PNG charts.
 */
public final class BenchmarksMain {

	private BenchmarksMain() {
	}

	public static void main(String[] args) throws Exception {
		String command = (args.length > 0) ? args[0] : "help";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
		switch (command) {
			case "harness" -> System.exit(Harness.run(rest));
			case "jmh" -> org.openjdk.jmh.Main.main(rest);
			case "send-paths" -> System.exit(SendPathComparison.run(rest));
			case "listener-cpu" -> System.exit(ListenerCpuComparison.run(rest));
			case "chart" -> System.exit(ChartCommand.run(rest));
			default -> {
				System.out.println("usage: java -jar benchmarks/target/benchmarks.jar harness [--quick] [--only <text>] [--sweeps] [--csv <file>]");
				System.out.println("       java -jar benchmarks/target/benchmarks.jar jmh [JMH options, e.g. -f 1 -wi 3 -i 5 -prof gc]");
				System.out.println("       java -jar benchmarks/target/benchmarks.jar send-paths [messages [messages when callers wait]]");
				System.out.println("       java -jar benchmarks/target/benchmarks.jar listener-cpu [rounds [calls per round]]");
				System.out.println("       java -jar benchmarks/target/benchmarks.jar chart [--csv benchmarks/target/harness.csv] [--out docs/images]");
				System.exit(command.equals("help") ? 0 : 2);
			}
		}
	}

}
