package org.zeromq.spring.benchmarks.harness;

import java.lang.management.ManagementFactory;

/**
 * The CPU time every thread of this JVM has used so far (the JDK's {@code OperatingSystemMXBean}
 * extension). Read around a round, it says what the round cost in CPU, a number that other
 * processes on the machine barely move, where msg/s swings with their load: on 2 shared cores the
 * CPU per round is the steadier way to compare two sides doing the same work. It counts the JIT
 * and GC threads too, which belong to the cost.
 */
final class ProcessCpu {

	private static final com.sun.management.OperatingSystemMXBean os = ManagementFactory
		.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private ProcessCpu() {
	}

	/** CPU nanoseconds used by the process so far, or -1 when the platform does not tell. */
	static long nanos() {
		return (os != null) ? os.getProcessCpuTime() : -1;
	}

	/**
	 * Bytes allocated so far by the threads alive now (HotSpot counts per thread), or -1 when the
	 * JVM does not count. A thread that ends during a round takes its count with it, so read it
	 * around rounds whose threads stay (every side keeps its threads from round to round).
	 */
	static long allocatedBytes() {
		if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
			return -1;
		}
		long total = 0;
		for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, allocated);
		}
		return total;
	}

}
