package org.zeromq.spring.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * The declared proxies, by name. Checks every declaration against the declared sockets when it
 * is created (so a wrong pair, a missing socket or a socket used twice fails startup with an
 * {@link InvalidProxySpecException}) and reserves their sockets, so that a listener on one of
 * them fails too. Starts every proxy with the application, each on a thread of its own
 * ({@code zmq-proxy-<name>}), after the sockets opened and before the listeners start; stops
 * them after the listeners and before the sockets close, waiting for each to end.
 * <p>
 * {@link #pause}, {@link #resume}, {@link #stop(String)}, {@link #state} and {@link #stats} work
 * on one proxy by name, from any thread.
 */
public class ZmqProxyRegistry implements SmartLifecycle, DisposableBean {

	/**
	 * After the phase that opens the sockets ({@code ZmqSocketRegistryLifecycle}, at
	 * {@code Integer.MIN_VALUE + 1000}) and long before the listeners, so that a wiretap listener
	 * on a capture finds its proxy running, and the proxies stop only after every other component.
	 */
	public static final int PHASE = Integer.MIN_VALUE + 2000;

	/** How long a stop waits for a proxy's thread to end, unless set otherwise. */
	public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, ManagedProxy> proxies = new LinkedHashMap<>();

	private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

	private Function<String, Executor> executors = (name) -> new SimpleAsyncTaskExecutor(
			(task) -> new Thread(task, "zmq-proxy-" + name));

	private volatile boolean running;

	/**
	 * @param sockets the declared sockets the proxies join
	 * @param specs the proxy declarations
	 * @throws InvalidProxySpecException when a declaration makes no sense
	 */
	public ZmqProxyRegistry(ZmqSocketRegistry sockets, Collection<ProxySpec> specs) {
		new ProxySpecValidator(sockets).validateAll(specs);
		for (ProxySpec spec : specs) {
			SocketSpec front = sockets.spec(Objects.requireNonNull(spec.frontend()));
			SocketSpec back = sockets.spec(Objects.requireNonNull(spec.backend()));
			ProxyShape shape = ProxyShape.of(front.type(), back.type()).orElseThrow();
			ManagedProxy proxy = new ManagedProxy(spec, shape, sockets);
			sockets.reserve(front.name(), proxy.describe());
			sockets.reserve(back.name(), proxy.describe());
			spec.captureSocket().ifPresent((capture) -> sockets.reserve(capture, proxy.describe()));
			this.proxies.put(spec.name(), proxy);
		}
	}

	/** How long {@link #stop(String)} and the application's stop wait for each proxy's thread to end. */
	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
	}

	/**
	 * Where each proxy's thread comes from, by proxy name; by default a thread of its own named
	 * {@code zmq-proxy-<name>}, which is not a daemon: an application that only runs a proxy
	 * keeps running until it is stopped.
	 */
	public void setTaskExecutors(Function<String, Executor> executors) {
		this.executors = Objects.requireNonNull(executors, "executors");
	}

	/** The names of the declared proxies, in declaration order. */
	public synchronized Set<String> names() {
		return Set.copyOf(this.proxies.keySet());
	}

	/**
	 * The proxy of that name.
	 * @throws ZmqException when none is declared
	 */
	public synchronized ManagedProxy proxy(String name) {
		ManagedProxy proxy = this.proxies.get(name);
		if (proxy == null) {
			throw new ZmqException("No proxy named '" + name + "' is declared (declared: " + this.proxies.keySet() + ")");
		}
		return proxy;
	}

	/** Every proxy, in declaration order. */
	public synchronized List<ManagedProxy> proxies() {
		return List.copyOf(this.proxies.values());
	}

	/** Pauses one proxy: it takes no new messages until resumed. */
	public void pause(String name) {
		proxy(name).pause();
	}

	public void resume(String name) {
		proxy(name).resume();
	}

	/**
	 * Stops one proxy and waits, up to the stop timeout, until its thread has closed its sockets
	 * and ended. A stopped proxy does not start again.
	 * @return whether it ended within the stop timeout
	 */
	public boolean stop(String name) {
		try {
			return proxy(name).stop(this.stopTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public ProxyState state(String name) {
		return proxy(name).state();
	}

	/** Messages and bytes forwarded each way, and dropped, by one proxy so far. */
	public ProxyStats stats(String name) {
		return proxy(name).stats();
	}

	@Override
	public void start() {
		List<ManagedProxy> all;
		synchronized (this) {
			all = new ArrayList<>(this.proxies.values());
			this.running = true;
		}
		for (ManagedProxy proxy : all) {
			proxy.start(this.executors.apply(proxy.name()));
		}
	}

	/** Stops every proxy, all on one deadline, and waits for their threads to end. */
	@Override
	public void stop() {
		List<ManagedProxy> all;
		synchronized (this) {
			this.running = false;
			all = new ArrayList<>(this.proxies.values());
		}
		long deadline = System.nanoTime() + this.stopTimeout.toNanos();
		try {
			// Asked all at once, so that they finish together; then waited for one by one.
			all.forEach(ManagedProxy::requestStop);
			for (ManagedProxy proxy : all) {
				proxy.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** A context that closes without having stopped (a failed startup) still leaves no proxy thread behind. */
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public String toString() {
		return "ZmqProxyRegistry" + this.proxies.keySet();
	}

}
