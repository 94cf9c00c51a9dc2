package org.zeromq.spring.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.SocketProxy;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * One declared proxy at run time: a {@link SocketProxy} on a {@link SocketLoop} of its own,
 * which takes the proxy's declared sockets when it starts and closes them on its own thread when
 * it ends. Pausing and resuming are loop commands, so they need no control socket; a stop waits
 * until the loop has ended and its sockets are closed (JeroMQ's {@code ZMQ.proxy} returns only
 * when its context terminates or a control socket says TERMINATE, and Spring Integration's
 * {@code ZeroMqProxy} does not wait for it).
 * <p>
 * A proxy runs once: after a stop its sockets are closed and it stays {@link ProxyState#STOPPED}.
 */
public final class ManagedProxy {

	private static final Log logger = LogFactory.getLog(ManagedProxy.class);

	private final ProxySpec spec;

	private final ProxyShape shape;

	private final ZmqSocketRegistry sockets;

	// Guarded by this.
	private @Nullable SocketLoop loop;

	private @Nullable SocketProxy proxy;

	private boolean stopped;

	private volatile boolean paused;

	ManagedProxy(ProxySpec spec, ProxyShape shape, ZmqSocketRegistry sockets) {
		this.spec = spec;
		this.shape = shape;
		this.sockets = sockets;
	}

	public String name() {
		return this.spec.name();
	}

	public ProxySpec spec() {
		return this.spec;
	}

	public ProxyShape shape() {
		return this.shape;
	}

	/** How log messages and socket owners name it: {@code proxy 'broker'}. */
	String describe() {
		return "proxy '" + name() + "'";
	}

	/** Takes its sockets from the registry (opening them if nothing has yet) and starts forwarding. */
	synchronized void start(Executor executor) {
		if (this.loop != null || this.stopped) {
			return;
		}
		List<ZMQ.Socket> claimed = new ArrayList<>();
		SocketLoop started = new SocketLoop(this.sockets.factory().context(), describe());
		SocketProxy forwarding;
		try {
			ZMQ.Socket front = claim(requireSocket(this.spec.frontend()), claimed);
			ZMQ.Socket back = claim(requireSocket(this.spec.backend()), claimed);
			ZMQ.@Nullable Socket capture = (this.spec.capture() != null) ? claim(this.spec.capture(), claimed) : null;
			forwarding = new SocketProxy(started, front, back, capture);
		}
		catch (RuntimeException ex) {
			// Claimed sockets are nobody else's to close any more.
			claimed.forEach(ZMQ.Socket::close);
			started.stop();
			throw ex;
		}
		// Whatever reached the proxy before the stop goes on while its peers can take it.
		started.onStop(forwarding::flush);
		this.loop = started;
		this.proxy = forwarding;
		if (this.paused) {
			forwarding.setPaused(true);
		}
		started.start(executor);
		if (logger.isInfoEnabled()) {
			logger.info("Started " + describe() + " (" + this.shape.name().toLowerCase() + ") from '" + this.spec.frontend()
					+ "' to '" + this.spec.backend() + "'"
					+ this.spec.captureSocket().map((socket) -> ", captured on '" + socket + "'").orElse(""));
		}
	}

	private ZMQ.Socket claim(String socket, List<ZMQ.Socket> claimed) {
		ZMQ.Socket taken = this.sockets.socket(socket).claim(describe());
		claimed.add(taken);
		return taken;
	}

	private static String requireSocket(@Nullable String socket) {
		if (socket == null) {
			throw new IllegalStateException("A validated proxy names its frontend and backend");
		}
		return socket;
	}

	/**
	 * Stops taking new messages (one half forwarded is finished); they wait in the sockets' queues,
	 * and senders meet their high-water marks, until {@link #resume()}. Returns once the proxy's
	 * thread has taken the change.
	 * @throws ZmqException when the proxy has stopped or failed
	 */
	public void pause() {
		setPaused(true);
	}

	/** Takes messages again after {@link #pause()}; returns once the proxy's thread has taken the change. */
	public void resume() {
		setPaused(false);
	}

	private void setPaused(boolean pause) {
		CompletableFuture<Void> taken;
		synchronized (this) {
			this.paused = pause;
			SocketProxy running = this.proxy;
			if (running == null) {
				if (this.stopped) {
					throw notRunning();
				}
				// Not started yet: it starts paused, or not.
				return;
			}
			taken = running.setPaused(pause);
		}
		try {
			taken.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RejectedExecutionException) {
				throw notRunning();
			}
			throw new ZmqException("Could not " + (pause ? "pause " : "resume ") + describe(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ZmqException("The thread of " + describe() + " did not take the " + (pause ? "pause" : "resume")
					+ " within 10 s", ex);
		}
	}

	private ZmqException notRunning() {
		return new ZmqException("The " + describe() + " is " + state().name().toLowerCase() + ", not running");
	}

	/**
	 * Stops the proxy and waits, up to {@code timeout}, until its thread has forwarded what its
	 * sockets held, closed them and ended.
	 * @return whether it ended within the timeout
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		requestStop();
		return awaitEnd(timeout);
	}

	/** Asks the proxy to stop and returns at once. */
	void requestStop() {
		SocketLoop running;
		synchronized (this) {
			this.stopped = true;
			running = this.loop;
		}
		if (running != null) {
			running.stop();
		}
	}

	/** Waits, up to {@code timeout}, for a proxy asked to stop to end; logs when it does not. */
	boolean awaitEnd(Duration timeout) throws InterruptedException {
		SocketLoop running;
		synchronized (this) {
			running = this.loop;
		}
		if (running == null) {
			return true;
		}
		boolean ended = running.awaitTermination(timeout);
		if (!ended) {
			logger.warn("The " + describe() + " did not end within " + timeout.toMillis() + " ms of its stop");
		}
		return ended;
	}

	public synchronized ProxyState state() {
		SocketLoop running = this.loop;
		if (running == null) {
			return this.stopped ? ProxyState.STOPPED : ProxyState.NEW;
		}
		if (running.isTerminated()) {
			return running.failure().isPresent() ? ProxyState.FAILED : ProxyState.STOPPED;
		}
		return this.paused ? ProxyState.PAUSED : ProxyState.RUNNING;
	}

	/** The error the proxy ended on, if it failed. */
	public synchronized Optional<RuntimeException> failure() {
		return (this.loop != null) ? this.loop.failure() : Optional.empty();
	}

	/** What has passed through so far; all zero before it starts. */
	public ProxyStats stats() {
		ProxyState state = state();
		SocketProxy running;
		synchronized (this) {
			running = this.proxy;
		}
		if (running == null) {
			ProxyStats.Flow none = new ProxyStats.Flow(0, 0, 0);
			return new ProxyStats(name(), this.shape, state, none, none, none);
		}
		return new ProxyStats(name(), this.shape, state, flow(running.frontToBack()), flow(running.backToFront()),
				flow(running.capture()));
	}

	private static ProxyStats.Flow flow(SocketProxy.Traffic traffic) {
		return new ProxyStats.Flow(traffic.messages(), traffic.bytes(), traffic.dropped());
	}

}
