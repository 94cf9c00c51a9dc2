package org.zeromq.spring.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per group of threads (names without their numbers: {@code zmq-listener-in-0} and
 * {@code -1} are one group), to see which thread of a side pays for a round: the sender, the
 * listener, ZeroMQ's I/O threads. Threads that ended between two snapshots are not counted.
 */
final class ThreadCpu {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<Long, String> groups = new HashMap<>();

	private final Map<String, Long> totals = new TreeMap<>();

	private final Map<String, Long> allocated = new TreeMap<>();

	private Map<Long, Long> before = Map.of();

	private Map<Long, Long> allocatedBefore = Map.of();

	static boolean supported() {
		return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
	}

	/** Before a round. */
	void start() {
		this.before = snapshot();
		this.allocatedBefore = allocations();
	}

	/** After the round: adds what each group used since {@link #start()}. */
	void stop() {
		Map<Long, Long> after = snapshot();
		after.forEach((id, nanos) -> {
			long used = nanos - this.before.getOrDefault(id, 0L);
			if (used > 0) {
				this.totals.merge(this.groups.get(id), used, Long::sum);
			}
		});
		allocations().forEach((id, bytes) -> {
			long used = bytes - this.allocatedBefore.getOrDefault(id, bytes);
			if (used > 0 && this.groups.containsKey(id)) {
				this.allocated.merge(this.groups.get(id), used, Long::sum);
			}
		});
	}

	/** Bytes allocated per operation by each group, averaged over {@code rounds}, largest first. */
	String allocationSummary(int rounds, long operationsPerRound) {
		StringBuilder out = new StringBuilder();
		this.allocated.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.filter((entry) -> (double) entry.getValue() / rounds / operationsPerRound >= 1)
			.forEach((entry) -> out.append((out.length() == 0) ? "" : ", ")
				.append(entry.getKey())
				.append(" ")
				.append(String.format(java.util.Locale.ROOT, "%.0f", (double) entry.getValue() / rounds / operationsPerRound)));
		return out.toString();
	}

	private Map<Long, Long> allocations() {
		if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
			return Map.of();
		}
		long[] ids = threads.getAllThreadIds();
		long[] bytes = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				byThread.put(ids[i], bytes[i]);
			}
		}
		return byThread;
	}

	/** Milliseconds per group, averaged over {@code rounds}, largest first. */
	String summary(int rounds) {
		StringBuilder out = new StringBuilder();
		this.totals.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.filter((entry) -> entry.getValue() / rounds >= 500_000)
			.forEach((entry) -> out.append((out.length() == 0) ? "" : ", ")
				.append(entry.getKey())
				.append(" ")
				.append(String.format(java.util.Locale.ROOT, "%.1f", entry.getValue() / 1e6 / rounds)));
		return out.toString();
	}

	private Map<Long, Long> snapshot() {
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			long nanos = threads.getThreadCpuTime(id);
			if (nanos < 0) {
				continue;
			}
			cpu.put(id, nanos);
			this.groups.computeIfAbsent(id, (key) -> {
				var info = threads.getThreadInfo(key);
				return (info != null) ? info.getThreadName().replaceAll("\\d+", "N") : "?";
			});
		}
		return cpu;
	}

}
