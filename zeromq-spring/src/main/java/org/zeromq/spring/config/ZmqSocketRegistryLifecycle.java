package org.zeromq.spring.config;

import org.springframework.context.SmartLifecycle;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * Opens the declared sockets when the application starts, after every listener has said how
 * it needs its socket, and before anything that sends or listens starts. (A socket used during
 * bean initialisation opens them earlier, on that first use.) Closing is left to the registry's
 * own destruction, after listeners and the template have let go of their sockets.
 */
public final class ZmqSocketRegistryLifecycle implements SmartLifecycle {

	/** Before any default-phase bean, long before the listener containers. */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	private final ZmqSocketRegistry registry;

	private volatile boolean running;

	public ZmqSocketRegistryLifecycle(ZmqSocketRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void start() {
		this.registry.open();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
