package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * All listener containers, by id: start, stop, pause and resume them one by one, or all
 * together with the application. On shutdown every listener first stops taking messages, then
 * the handlers still running finish (bounded by the shutdown timeout), and the worker threads
 * close their sockets, before the template and the context close.
 */
public class ZmqListenerEndpointRegistry implements SmartLifecycle {

	/** Listeners start late and stop early, like Spring Kafka's containers. */
	public static final int PHASE = Integer.MAX_VALUE - 100;

	private static final Log logger = LogFactory.getLog(ZmqListenerEndpointRegistry.class);

	private static final Set<ZmqSocketType> LISTENABLE = EnumSet.of(ZmqSocketType.REP, ZmqSocketType.ROUTER,
			ZmqSocketType.DEALER, ZmqSocketType.PULL, ZmqSocketType.SUB, ZmqSocketType.XSUB, ZmqSocketType.PAIR);

	// Every worker of these would receive every message (SUB) or compete for one peer (PAIR).
	private static final Set<ZmqSocketType> SINGLE_THREADED = EnumSet.of(ZmqSocketType.SUB, ZmqSocketType.XSUB,
			ZmqSocketType.PAIR);

	private final ZmqSocketRegistry sockets;

	private final ZmqSocketFactory factory;

	private final OutboundFrames outbound;

	private final Function<String, ZmqListenerErrorHandler> errorHandlers;

	private final ZmqListenerErrorHandler defaultErrorHandler;

	private final Function<String, ListenerSocketSettings> socketSettings;

	private final Duration shutdownTimeout;

	private final Map<String, ZmqListenerContainer> containers = new LinkedHashMap<>();

	private volatile boolean running;

	/**
	 * @param sockets the declared sockets
	 * @param factory opens extra worker sockets
	 * @param outbound turns return values into frames
	 * @param errorHandlers finds an error handler by bean name
	 * @param defaultErrorHandler for listeners that name none
	 * @param socketSettings error reply and dead-letter settings by socket name
	 * @param shutdownTimeout how long running handlers may take to finish on stop
	 */
	public ZmqListenerEndpointRegistry(ZmqSocketRegistry sockets, ZmqSocketFactory factory, OutboundFrames outbound,
			Function<String, ZmqListenerErrorHandler> errorHandlers, ZmqListenerErrorHandler defaultErrorHandler,
			Function<String, ListenerSocketSettings> socketSettings, Duration shutdownTimeout) {
		this.sockets = sockets;
		this.factory = factory;
		this.outbound = outbound;
		this.errorHandlers = errorHandlers;
		this.defaultErrorHandler = defaultErrorHandler;
		this.socketSettings = socketSettings;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Checks an endpoint against the declared sockets and creates its container; fails with a
	 * message naming the listener and what to change.
	 */
	public synchronized ZmqListenerContainer register(ListenerEndpoint endpoint) {
		try {
			ZmqListenerContainer container = createContainer(endpoint);
			this.containers.put(endpoint.id(), container);
			if (this.running && endpoint.autoStartup()) {
				container.start();
			}
			return container;
		}
		catch (RuntimeException ex) {
			throw new ZmqException(endpoint.describe() + ": " + ex.getMessage(), ex);
		}
	}

	private ZmqListenerContainer createContainer(ListenerEndpoint endpoint) {
		if (this.containers.containsKey(endpoint.id())) {
			throw new IllegalStateException("another listener already has the id '" + endpoint.id() + "'");
		}
		for (ZmqListenerContainer other : this.containers.values()) {
			if (other.endpoint().socket().equals(endpoint.socket())) {
				throw new IllegalStateException("socket '" + endpoint.socket() + "' already has a listener ('" + other.id()
						+ "'); a socket belongs to one thread, so declare another socket");
			}
		}
		SocketSpec spec = this.sockets.spec(endpoint.socket());
		checkType(spec, endpoint);
		ListenerSocketSettings settings = this.socketSettings.apply(endpoint.socket());
		checkTarget("@SendTo", endpoint.sendTo(), endpoint);
		checkTarget("dead-letter", settings.deadLetter(), endpoint);
		ListenerTopology topology = ListenerTopology.of(spec, endpoint.concurrency());
		ListenerMethod method = new ListenerMethod(endpoint.bean(), endpoint.method(), this.outbound.converter());
		if (method.returnsValue() && endpoint.sendTo() == null
				&& MessageDispatcher.ReplyMode.of(spec.type()) == MessageDispatcher.ReplyMode.NEVER) {
			logger.warn(endpoint.describe() + " returns a value on a " + spec.type()
					+ " socket, which cannot reply; add @SendTo to forward it, or return void");
		}
		ZmqListenerErrorHandler errorHandler = (endpoint.errorHandler() != null)
				? this.errorHandlers.apply(endpoint.errorHandler()) : this.defaultErrorHandler;
		if (topology.hasDevice()) {
			this.sockets.redeclare(topology.frontSpec());
		}
		MessageDispatcher dispatcher = new MessageDispatcher(endpoint, method, spec.type(), this.sockets,
				this.outbound, errorHandler, settings);
		return new ZmqListenerContainer(endpoint, topology, this.sockets, this.factory, dispatcher);
	}

	private void checkType(SocketSpec spec, ListenerEndpoint endpoint) {
		ZmqSocketType type = spec.type();
		if (type == ZmqSocketType.REQ) {
			throw new IllegalStateException("socket '" + spec.name() + "' is a REQ socket, which is not a listener type: "
					+ "a REQ sends requests and waits for their replies, so send with ZmqTemplate.request(...); "
					+ "to serve requests declare a REP or ROUTER socket");
		}
		if (!LISTENABLE.contains(type)) {
			throw new IllegalStateException("socket '" + spec.name() + "' is a " + type + " socket, which only sends; "
					+ "listen on a socket that receives: " + LISTENABLE);
		}
		if (type == ZmqSocketType.XSUB && spec.subscriptions().isEmpty()) {
			throw new IllegalStateException("socket '" + spec.name() + "' is an XSUB socket with no 'subscribe' entries, "
					+ "so the listener would receive nothing; add subscribe: [\"\"] to receive everything");
		}
		if (endpoint.concurrency() < 1) {
			throw new IllegalStateException("concurrency must be at least 1, was " + endpoint.concurrency());
		}
		if (endpoint.concurrency() > 1 && SINGLE_THREADED.contains(type)) {
			throw new IllegalStateException("concurrency " + endpoint.concurrency() + " on a " + type
					+ " socket would not share work (each SUB receives every message; a PAIR has one peer); use concurrency 1");
		}
		if (endpoint.concurrency() > 1 && !spec.isBindSide() && spec.options().get(SocketOption.IDENTITY).isPresent()) {
			throw new IllegalStateException("identity '" + spec.options().get(SocketOption.IDENTITY).get() + "' with concurrency " + endpoint.concurrency()
					+ ": every socket would connect with that one identity, and a ROUTER peer ignores all but the first; "
					+ "remove identity (each socket then gets its own) or use concurrency 1");
		}
		// The device's front would carry the option, and ZeroMQ's proxy ends on the first send it
		// refuses: one reply to a client that has gone would silently stop the whole listener.
		if (endpoint.concurrency() > 1 && spec.isBindSide() && spec.options().get(SocketOption.ROUTER_MANDATORY).orElse(false)) {
			throw new IllegalStateException("router-mandatory with concurrency " + endpoint.concurrency()
					+ " on a binding ROUTER: its replies pass through a device, which would stop at the first reply to a "
					+ "client that has gone; remove router-mandatory (unroutable replies are then dropped) or use concurrency 1");
		}
		if (endpoint.concurrency() > 1 && spec.isBindSide() && type == ZmqSocketType.DEALER) {
			throw new IllegalStateException("concurrency on a binding DEALER is not supported; connect it, or use a ROUTER");
		}
		if (endpoint.sendTo() != null && MessageDispatcher.ReplyMode.of(type) == MessageDispatcher.ReplyMode.ALWAYS) {
			throw new IllegalStateException("a " + type + " listener replies to its requester with its return value, "
					+ "so @SendTo cannot take it; remove @SendTo, or forward with ZmqTemplate inside the method");
		}
	}

	private void checkTarget(String what, String target, ListenerEndpoint endpoint) {
		if (target == null) {
			return;
		}
		SocketSpec spec = this.sockets.spec(target);
		if (!spec.type().canSend() || spec.type() == ZmqSocketType.REQ || spec.type() == ZmqSocketType.REP) {
			throw new IllegalStateException(what + " socket '" + target + "' is a " + spec.type()
					+ " socket, which cannot take forwarded messages; use a PUSH, PUB, PAIR, DEALER or ROUTER");
		}
		if (target.equals(endpoint.socket())) {
			throw new IllegalStateException(what + " names the listener's own socket '" + target + "'");
		}
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

	public void stop(String id) {
		getListenerContainer(id).stop(this.shutdownTimeout);
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
			if (container.endpoint().autoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		List<ZmqListenerContainer> all = new ArrayList<>(this.containers.values());
		// Every listener stops taking messages first, then all wait on one deadline together.
		all.forEach(ZmqListenerContainer::requestStop);
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		all.forEach((container) -> container.awaitStop(deadline));
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
