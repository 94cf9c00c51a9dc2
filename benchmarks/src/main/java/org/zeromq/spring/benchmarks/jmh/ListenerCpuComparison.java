package org.zeromq.spring.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ListenerPathBenchmark}'s dispatch with the starter's meters off and on, called in
 * alternating rounds and measured in the calling thread's CPU time: on a machine shared with
 * other builds JMH's wall-clock averages measure the neighbours as much as the code, while the
 * CPU time a thread used does not count the time it waited for a core. The ratio of the two sides
 * of each pair is what the meters cost per message. {@code listener-cpu [rounds [calls per round]]}.
 */
public final class ListenerCpuComparison {

	private ListenerCpuComparison() {
	}

	public static int run(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000_000;
		ListenerPathBenchmark benchmark = new ListenerPathBenchmark();
		benchmark.setUp();
		try {
			List<Side> sides = List.of(new Side("PULL byte[], metrics off", benchmark::dispatchPullBytes),
					new Side("PULL byte[], metrics on", benchmark::dispatchPullBytesMetricsOn),
					new Side("REP echo, metrics off", benchmark::dispatchRepEcho),
					new Side("REP echo, metrics on", benchmark::dispatchRepEchoMetricsOn));
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			// Three warm-up rounds, not recorded.
			for (int round = -3; round < rounds; round++) {
				for (Side side : sides) {
					long before = threads.getCurrentThreadCpuTime();
					side.call(calls);
					if (round >= 0) {
						side.record((double) (threads.getCurrentThreadCpuTime() - before) / calls);
					}
				}
			}
			System.out.printf("%d rounds of %d calls, CPU ns per call: median [min – max]%n", rounds, calls);
			for (int i = 0; i < sides.size(); i += 2) {
				Side off = sides.get(i);
				Side on = sides.get(i + 1);
				System.out.printf("%-26s %s%n%-26s %s   on - off: %.1f ns%n", off.name, off.summary(), on.name, on.summary(),
						on.median() - off.median());
			}
			return 0;
		}
		finally {
			benchmark.tearDown();
		}
	}

	private static final class Side {

		private final String name;

		// Each dispatch keeps its reply and its handler what it read, so none is dropped as unused.
		private final Runnable dispatch;

		private final List<Double> nanosPerCall = new ArrayList<>();

		Side(String name, Runnable dispatch) {
			this.name = name;
			this.dispatch = dispatch;
		}

		void call(int calls) {
			for (int i = 0; i < calls; i++) {
				this.dispatch.run();
			}
		}

		void record(double nanos) {
			this.nanosPerCall.add(nanos);
		}

		double median() {
			double[] sorted = this.nanosPerCall.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return sorted[sorted.length / 2];
		}

		String summary() {
			double[] sorted = this.nanosPerCall.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return String.format("%.1f [%.1f – %.1f]", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
		}

	}

}
