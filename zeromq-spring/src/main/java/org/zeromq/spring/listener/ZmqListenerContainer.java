package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqBindException;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * Runs one listener: its worker threads ({@code zmq-listener-<id>-<n>}) and, for a binding
 * socket served by several workers, the device in front of them. Started and stopped by
 * {@link ZmqListenerEndpointRegistry}; can be started again after a stop.
 */
public final class ZmqListenerContainer {

	private static final Log logger = LogFactory.getLog(ZmqListenerContainer.class);

	private static final Duration REBIND_PATIENCE = Duration.ofSeconds(5);

	private static final Duration REBIND_RETRY = Duration.ofMillis(20);

	// A handler running when pause() is called finishes first; past this, pause() returns anyway.
	private static final Duration PAUSE_PATIENCE = Duration.ofSeconds(10);

	private final ListenerEndpoint endpoint;

	private final ListenerTopology topology;

	private final ZmqSocketRegistry registry;

	private final ZmqSocketFactory factory;

	private final MessageDispatcher dispatcher;

	private final List<ListenerWorker> workers = new ArrayList<>();

	private ListenerDevice device;

	private int starts;

	private boolean running;

	private boolean paused;

	ZmqListenerContainer(ListenerEndpoint endpoint, ListenerTopology topology, ZmqSocketRegistry registry,
			ZmqSocketFactory factory, MessageDispatcher dispatcher) {
		this.endpoint = endpoint;
		this.topology = topology;
		this.registry = registry;
		this.factory = factory;
		this.dispatcher = dispatcher;
	}

	public String id() {
		return this.endpoint.id();
	}

	public ListenerEndpoint endpoint() {
		return this.endpoint;
	}

	public synchronized boolean isRunning() {
		return this.running;
	}

	public synchronized boolean isPaused() {
		return this.paused;
	}

	/** Messages handled without failure. */
	public long processedCount() {
		return this.dispatcher.processedCount();
	}

	/** Messages whose handling failed (each went to the error handler). */
	public long failedCount() {
		return this.dispatcher.failedCount();
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.starts++;
		List<ZMQ.Socket> sockets = openSockets();
		for (int i = 0; i < sockets.size(); i++) {
			this.workers.add(new ListenerWorker("listener '" + id() + "' worker " + (i + 1), this.factory.context(),
					sockets.get(i), this.dispatcher, this.paused));
		}
		if (this.device != null) {
			this.device.start(namedThread("zmq-listener-" + id() + "-device"));
		}
		for (int i = 0; i < this.workers.size(); i++) {
			this.workers.get(i).start(namedThread("zmq-listener-" + id() + "-" + (i + 1)));
		}
		this.running = true;
	}

	/** Asks every worker to stop; pair with {@link #awaitStop}. */
	synchronized void requestStop() {
		this.workers.forEach(ListenerWorker::requestStop);
	}

	/**
	 * Waits until the workers finished their current message and closed their sockets, then
	 * stops the device. Bounded: a handler that does not return in time is logged and left to
	 * finish on its own (interrupting it could wedge the ZeroMQ context).
	 */
	synchronized void awaitStop(long deadlineNanos) {
		try {
			for (ListenerWorker worker : this.workers) {
				if (!worker.awaitStop(Duration.ofMillis(millisUntil(deadlineNanos)))) {
					logger.warn("Listener '" + id() + "' has a handler still running after the shutdown timeout");
				}
			}
			if (this.device != null) {
				this.device.terminate(Duration.ofMillis(Math.max(1000, millisUntil(deadlineNanos))));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.workers.clear();
		this.device = null;
		this.running = false;
	}

	public void stop(Duration timeout) {
		requestStop();
		awaitStop(System.nanoTime() + timeout.toNanos());
	}

	/** Stops reading: once this returns, no message is handled until {@link #resume()}. */
	public synchronized void pause() {
		this.paused = true;
		List<CompletableFuture<Void>> seen = this.workers.stream().map((worker) -> worker.setPaused(true)).toList();
		try {
			// A stopped worker reads nothing either: its future fails, which counts as seen.
			CompletableFuture.allOf(seen.toArray(CompletableFuture[]::new))
				.exceptionally((ex) -> null)
				.get(PAUSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Listener '" + id() + "' has a handler still running " + PAUSE_PATIENCE
					+ " after pause(); it pauses once the handler returns");
		}
	}

	public synchronized void resume() {
		this.paused = false;
		this.workers.forEach((worker) -> worker.setPaused(false));
	}

	// The declared socket is used on the first start; a restart opens fresh ones from the same
	// declaration, because the first were closed by their worker threads.
	private List<ZMQ.Socket> openSockets() {
		ManagedSocket declared = this.registry.socket(this.endpoint.socket());
		ZMQ.Socket first = (this.starts == 1) ? declared.claim("listener '" + id() + "'") : reopen(declared);
		List<ZMQ.Socket> opened = new ArrayList<>();
		opened.add(first);
		try {
			if (!this.topology.hasDevice()) {
				for (int i = 1; i < this.endpoint.concurrency(); i++) {
					opened.add(this.factory.open(declared.spec()).socket());
				}
				return opened;
			}
			ListenerTopology.DeviceSpecs device = this.topology.deviceSpecs();
			ZMQ.Socket back = this.factory.create(device.back());
			opened.add(back);
			this.factory.bind(back, device.back());
			List<ZMQ.Socket> workerSockets = new ArrayList<>();
			for (int i = 0; i < this.endpoint.concurrency(); i++) {
				ZMQ.Socket worker = this.factory.open(device.worker()).socket();
				opened.add(worker);
				workerSockets.add(worker);
			}
			this.device = new ListenerDevice("device of listener '" + id() + "'", this.factory.context(), first, back);
			return workerSockets;
		}
		catch (RuntimeException ex) {
			// Nothing runs yet, so this thread still owns them; left open, a bound one would hold its port.
			opened.forEach(ZMQ.Socket::close);
			throw ex;
		}
	}

	// Binds the endpoints the first socket resolved (a port picked for "*" stays the same), and
	// gives the closed socket's port a bounded moment to be released: JeroMQ closes asynchronously.
	private ZMQ.Socket reopen(ManagedSocket declared) {
		SocketSpec spec = declared.spec();
		List<String> binds = declared.boundEndpoints().isEmpty() ? spec.binds() : declared.boundEndpoints();
		SocketSpec again = new SocketSpec(spec.name(), spec.type(), binds, spec.connects(), spec.subscriptions(),
				spec.options(), spec.hwmPolicy());
		long deadline = System.nanoTime() + REBIND_PATIENCE.toNanos();
		while (true) {
			try {
				return this.factory.open(again).socket();
			}
			catch (ZmqBindException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw ex;
				}
				LockSupport.parkNanos(REBIND_RETRY.toNanos());
			}
		}
	}

	// A thread per worker with the name users see in logs and thread dumps, until listener
	// containers take their threads from an executor of the application.
	private static Executor namedThread(String name) {
		return (loop) -> new Thread(loop, name).start();
	}

	private static long millisUntil(long deadlineNanos) {
		return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
	}

}
