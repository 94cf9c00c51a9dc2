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

	private ProcessCpu() {
	}

	/** CPU nanoseconds used by the process so far, or -1 when the platform does not tell. */
	static long nanos() {
		return (os != null) ? os.getProcessCpuTime() : -1;
	}

}
