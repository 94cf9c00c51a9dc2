package org.zeromq.spring.benchmarks.harness.scenarios;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.benchmarks.harness.SweepPoint;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * One point of the sockets sweep: what it costs to start with a number of PUSH sockets, each
 * bound on its own tcp port of 127.0.0.1. Starter: a Spring Boot application declaring them in
 * {@code zeromq.sockets.*} properties, timed from {@code SpringApplication.run} until it returns
 * with the sockets bound (the whole start-up a user waits for, Boot's own share included). Raw: a
 * context and the same sockets created and bound by hand. Each round starts from nothing and
 * closes what it made; the heap is what stays reachable with everything open, after a full GC,
 * beyond what was reachable before.
 */
final class SocketCountSweepScenario implements Scenario {

	static final String SWEEP = "sweep sockets";

	static final Metric START = new Metric("start ms", false);

	static final Metric HEAP = new Metric("heap MB", false);

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private final int sockets;

	SocketCountSweepScenario(int sockets) {
		this.sockets = sockets;
	}

	@Override
	public String name() {
		return SWEEP + " " + this.sockets + " declared PUSH bound tcp";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(START, HEAP);
	}

	@Override
	public Optional<SweepPoint> sweepPoint() {
		return Optional.of(new SweepPoint(SWEEP, "declared sockets", this.sockets));
	}

	@Override
	public Side open(String side) {
		return side.equals("raw") ? new StartupSide(this::startRaw) : new StartupSide(this::startStarter);
	}

	private AutoCloseable startRaw() {
		ZContext context = new ZContext();
		try {
			for (int i = 0; i < this.sockets; i++) {
				RawJeromq.bind(context, SocketType.PUSH, RawJeromq.LOOPBACK_ANY_PORT);
			}
		}
		catch (RuntimeException ex) {
			// A failed bind must not leave the sockets made so far open for the next round.
			context.close();
			throw ex;
		}
		return context;
	}

	private AutoCloseable startStarter() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < this.sockets; i++) {
			properties.put("zeromq.sockets.s" + i + ".type", "PUSH");
			properties.put("zeromq.sockets.s" + i + ".bind", RawJeromq.LOOPBACK_ANY_PORT);
		}
		StarterApp app = StarterApp.start(properties, Map.of());
		if (!app.bean(ZmqSocketRegistry.class).isOpen()) {
			app.close();
			throw new IllegalStateException("the declared sockets were not open when the application had started");
		}
		return app;
	}

	private static long usedHeapAfterGc() {
		// Twice, so that what the first collection only queued for reference processing is gone too.
		System.gc();
		System.gc();
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	/** Starts everything in each round and closes it again; {@link #START} and {@link #HEAP}. */
	private static final class StartupSide implements Side {

		@FunctionalInterface
		interface Start {

			AutoCloseable start() throws Exception;

		}

		private final Start start;

		StartupSide(Start start) {
			this.start = start;
		}

		@Override
		public double[] runRound() throws Exception {
			long before = usedHeapAfterGc();
			long begin = System.nanoTime();
			AutoCloseable started = this.start.start();
			long elapsed = System.nanoTime() - begin;
			try {
				long heap = usedHeapAfterGc() - before;
				return new double[] { elapsed / 1e6, heap / 1e6 };
			}
			finally {
				started.close();
			}
		}

		@Override
		public void close() {
			// Each round closes what it started.
		}

	}

}
