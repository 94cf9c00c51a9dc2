package org.zeromq.spring.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.zeromq.spring.core.ShutdownBudget;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqContainerProperties;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * All listener containers, by id: start, stop, pause and resume them one by one, or all
 * together with the application. On shutdown every listener first stops taking messages, then
 * the handlers still running finish (bounded by the shutdown timeout, and by Spring's
 * shutdown phase), and the listener threads close their sockets, before the template and the
 * context close. A listener registered while the registry runs (a lazy or prototype bean)
 * starts at once.
 */
public class ZmqListenerEndpointRegistry implements SmartLifecycle {

	/** Listeners start late and stop early, like Spring Kafka's containers. */
	public static final int PHASE = DefaultZmqListenerContainer.DEFAULT_PHASE;

	private static final Log logger = LogFactory.getLog(ZmqListenerEndpointRegistry.class);

	private final Map<String, ZmqListenerContainer> containers = new LinkedHashMap<>();

	private volatile boolean running;

	/**
	 * Creates the container of a listener with {@code factory} and keeps it under the
	 * listener's id; starts it when {@code startImmediately} and the registry is running.
	 * @throws ListenerConfigurationException when the id or the socket is taken, or the
	 * listener cannot run as declared
	 */
	public synchronized ZmqListenerContainer registerListenerContainer(ListenerEndpoint endpoint,
			ZmqListenerContainerFactory<?> factory, MessageHandlerMethodFactory handlerMethods, boolean startImmediately) {
		if (this.containers.containsKey(endpoint.id())) {
			throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
					"another listener already has the id '" + endpoint.id() + "'", "give each listener an id of its own");
		}
		for (ZmqListenerContainer other : this.containers.values()) {
			if (other.endpoint().socket().equals(endpoint.socket())) {
				throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
						"socket '" + endpoint.socket() + "' already has a listener ('" + other.id() + "')",
						"a socket belongs to one thread, so declare another socket for this listener");
			}
		}
		ZmqListenerContainer container = factory.createListenerContainer(endpoint, handlerMethods);
		this.containers.put(endpoint.id(), container);
		if (startImmediately && this.running && container.isAutoStartup()) {
			container.start();
		}
		return container;
	}

	public synchronized ZmqListenerContainer getListenerContainer(String id) {
		ZmqListenerContainer container = this.containers.get(id);
		if (container == null) {
			throw new ZmqException("No listener with id '" + id + "' (listeners: " + this.containers.keySet() + ")");
		}
		return container;
	}

	public synchronized Collection<ZmqListenerContainer> getListenerContainers() {
		return List.copyOf(this.containers.values());
	}

	public synchronized Set<String> getListenerContainerIds() {
		return Set.copyOf(this.containers.keySet());
	}

	public void start(String id) {
		getListenerContainer(id).start();
	}

	/** Stops one listener and waits for its running handler, bounded by its shutdown timeout. */
	public void stop(String id) {
		getListenerContainer(id).stop();
	}

	public void pause(String id) {
		getListenerContainer(id).pause();
	}

	public void resume(String id) {
		getListenerContainer(id).resume();
	}

	public boolean isRunning(String id) {
		return getListenerContainer(id).isRunning();
	}

	@Override
	public synchronized void start() {
		for (ZmqListenerContainer container : this.containers.values()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	/** Stops every listener and waits, all on one deadline, for the handlers still running. */
	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		Duration timeout = stopAll(stopped::countDown);
		try {
			stopped.await(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Every listener stops taking messages at once; {@code callback} runs when the handlers
	 * still running have finished and the sockets are closed, or when the shutdown timeout
	 * has passed, whichever comes first. Returns at once, so Spring's shutdown phase
	 * ({@code spring.lifecycle.timeout-per-shutdown-phase} in Boot) bounds it too.
	 */
	@Override
	public void stop(Runnable callback) {
		stopAll(callback);
	}

	private Duration stopAll(Runnable callback) {
		List<ZmqListenerContainer> all;
		synchronized (this) {
			this.running = false;
			all = new ArrayList<>(this.containers.values());
		}
		Runnable once = once(callback);
		List<ZmqListenerContainer> active = all.stream().filter(ZmqListenerContainer::isRunning).toList();
		if (active.isEmpty()) {
			once.run();
			return Duration.ZERO;
		}
		// The listeners' stop is the first step of the application's close on ZeroMQ: it may take
		// the longest shutdown timeout of the listeners, but no more than the budget has, less what
		// it keeps for the sockets to deliver what they hold.
		ShutdownBudget.Step step = active.stream()
			.filter(DefaultZmqListenerContainer.class::isInstance)
			.map((container) -> ((DefaultZmqListenerContainer) container).shutdownBudget())
			.findFirst()
			.orElseGet(() -> new ShutdownBudget(ShutdownBudget.DEFAULT))
			.beginKeepingReserve();
		Duration longest = active.stream()
			.map(ZmqListenerEndpointRegistry::shutdownTimeout)
			.max(Duration::compareTo)
			.orElse(ZmqContainerProperties.DEFAULT_SHUTDOWN_TIMEOUT);
		Duration timeout = (longest.compareTo(step.remaining()) < 0) ? longest : step.remaining();
		CountDownLatch stopped = new CountDownLatch(active.size());
		Map<String, ZmqListenerContainer> pending = new ConcurrentHashMap<>();
		active.forEach((container) -> pending.put(container.id(), container));
		for (ZmqListenerContainer container : active) {
			Runnable ended = () -> {
				pending.remove(container.id());
				stopped.countDown();
			};
			if (container instanceof DefaultZmqListenerContainer standard) {
				standard.stop(ended, timeout);
			}
			else {
				container.stop(ended);
			}
		}
		// The only thread that waits: it ends when the last listener thread has, or at the timeout.
		Thread waiter = new Thread(() -> {
			try {
				if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					pending.values().forEach((container) -> abandon(container, timeout));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				step.close();
				once.run();
			}
		}, "zmq-listener-shutdown");
		waiter.setDaemon(true);
		waiter.start();
		return timeout;
	}

	private static void abandon(ZmqListenerContainer container, Duration waited) {
		if (container instanceof DefaultZmqListenerContainer standard) {
			standard.abandonRunningHandlers(waited);
		}
		else {
			logger.warn("Listener '" + container.id() + "' has a handler still running after the shutdown timeout of "
					+ waited.toMillis() + " ms; it is left to finish on its own");
		}
	}

	private static Duration shutdownTimeout(ZmqListenerContainer container) {
		return (container instanceof DefaultZmqListenerContainer standard) ? standard.shutdownTimeout()
				: ZmqContainerProperties.DEFAULT_SHUTDOWN_TIMEOUT;
	}

	private static Runnable once(Runnable callback) {
		AtomicBoolean ran = new AtomicBoolean();
		return () -> {
			if (ran.compareAndSet(false, true)) {
				callback.run();
			}
		};
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
