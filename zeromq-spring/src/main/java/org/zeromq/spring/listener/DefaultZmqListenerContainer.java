package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.ShutdownBudget;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ThreadStacks;
import org.zeromq.spring.core.ZmqBindException;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * Runs one listener: its worker threads and, for a binding socket served by several workers,
 * the device in front of them. The threads come from the container properties' executor, or
 * are the container's own ({@code zmq-listener-<id>-<n>}, {@code zmq-listener-<id>-device}).
 * Checks at construction that the listener can run on its socket as declared. Can be started
 * again after a stop, on the same endpoints.
 */
public final class DefaultZmqListenerContainer implements ZmqListenerContainer {

	/** Listeners start late and stop early, like Spring Kafka's containers. */
	public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

	private static final Log logger = LogFactory.getLog(DefaultZmqListenerContainer.class);

	// Passed explicitly: the varargs call would allocate an empty array per message.
	private static final Object[] NO_PROVIDED_ARGUMENTS = new Object[0];

	private static final Duration REBIND_PATIENCE = Duration.ofSeconds(5);

	private static final Duration REBIND_RETRY = Duration.ofMillis(20);

	// A handler running when pause() is called finishes first; past this, pause() returns anyway.
	private static final Duration PAUSE_PATIENCE = Duration.ofSeconds(10);

	private final ListenerEndpoint endpoint;

	private final ListenerTopology topology;

	private final ZmqSocketRegistry registry;

	private final ZmqSocketFactory factory;

	private final MessageDispatcher dispatcher;

	private final ZmqContainerProperties properties;

	private final int concurrency;

	private final boolean autoStartup;

	// Registered after the sockets opened, with a device: the declared socket opened as what was
	// declared, and is replaced by the device's front on the first start.
	private final boolean replaceDeclaredSocket;

	private int starts;

	private boolean paused;

	// The threads of the current start; replaced on each start, kept until they all ended.
	private @Nullable Run run;

	/**
	 * Checks the listener against its socket's declaration and prepares it; nothing opens or
	 * runs before {@link #start()}.
	 * @param endpoint the listener
	 * @param handler invokes its method with arguments resolved from each message
	 * @param errorHandler what happens to a failed message
	 * @param settings the error reply and dead-letter socket of its socket
	 * @param registry the declared sockets
	 * @param outbound turns return values into frames
	 * @param properties what the factory's containers share
	 * @throws ListenerConfigurationException when the listener cannot run on its socket
	 */
	public DefaultZmqListenerContainer(ListenerEndpoint endpoint, InvocableHandlerMethod handler,
			ZmqListenerErrorHandler errorHandler, ListenerSocketSettings settings, ZmqSocketRegistry registry,
			OutboundFrames outbound, ZmqContainerProperties properties) {
		this(endpoint, (message) -> handler.invoke(message, NO_PROVIDED_ARGUMENTS),
				handler.getMethod().getReturnType() != void.class, errorHandler, settings, registry, outbound, properties);
	}

	/**
	 * A container whose messages go to {@code listener} instead of an annotated method, with
	 * everything else as for a method: the same checks, threads, concurrency, replies, error
	 * handling, pause and resume, and bounded stop. Nothing opens or runs before {@link #start()}.
	 * @param endpoint the listener's id, socket, concurrency and auto-startup
	 * ({@link ListenerEndpoint#forListener})
	 * @param listener handles each message; what it returns is the reply
	 * @param errorHandler what happens to a failed message
	 * @param settings the error reply and dead-letter socket of its socket
	 * @param registry the declared sockets
	 * @param outbound turns replies into frames
	 * @param properties what the factory's containers share
	 * @throws ListenerConfigurationException when the listener cannot run on its socket
	 */
	public DefaultZmqListenerContainer(ListenerEndpoint endpoint, ZmqMessageListener listener,
			ZmqListenerErrorHandler errorHandler, ListenerSocketSettings settings, ZmqSocketRegistry registry,
			OutboundFrames outbound, ZmqContainerProperties properties) {
		// Whether it replies is the listener's decision per message: nothing to warn about here.
		this(endpoint, listener, false, errorHandler, settings, registry, outbound, properties);
	}

	private DefaultZmqListenerContainer(ListenerEndpoint endpoint, ZmqMessageListener listener, boolean returnsValue,
			ZmqListenerErrorHandler errorHandler, ListenerSocketSettings settings, ZmqSocketRegistry registry,
			OutboundFrames outbound, ZmqContainerProperties properties) {
		this.endpoint = endpoint;
		this.registry = registry;
		this.factory = registry.factory();
		this.properties = properties;
		this.concurrency = (endpoint.concurrency() != null) ? endpoint.concurrency() : properties.getConcurrency();
		this.autoStartup = (endpoint.autoStartup() != null) ? endpoint.autoStartup() : properties.isAutoStartup();
		ListenerSocketCheck check = new ListenerSocketCheck(endpoint, registry);
		SocketSpec spec = check.declared(endpoint.socket(), (endpoint.method() != null) ? "@ZmqListener" : "its place");
		check.check(spec, this.concurrency);
		check.checkTarget("@SendTo", endpoint.sendTo());
		check.checkTarget("dead-letter", settings.deadLetter());
		check.reserve(spec);
		this.topology = ListenerTopology.of(spec, this.concurrency);
		if (returnsValue && endpoint.sendTo() == null
				&& MessageDispatcher.ReplyMode.of(spec.type()) == MessageDispatcher.ReplyMode.NEVER) {
			logger.warn(endpoint.describe() + " returns a value on a " + spec.type()
					+ " socket, which cannot reply; add @SendTo to forward it, or return void");
		}
		boolean replace = false;
		if (this.topology.hasDevice()) {
			if (registry.isOpen()) {
				replace = true;
			}
			else {
				registry.redeclare(this.topology.frontSpec());
			}
		}
		this.replaceDeclaredSocket = replace;
		this.dispatcher = new MessageDispatcher(endpoint, listener, properties.getObservation(), spec.type(), registry,
				outbound, errorHandler, settings, spec.traceContext());
	}

	@Override
	public String id() {
		return this.endpoint.id();
	}

	@Override
	public ListenerEndpoint endpoint() {
		return this.endpoint;
	}

	/** How many threads serve the socket. */
	public int concurrency() {
		return this.concurrency;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.run != null && !this.run.stopRequested;
	}

	@Override
	public synchronized boolean isPaused() {
		return this.paused;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	@Override
	public long processedCount() {
		return this.dispatcher.processedCount();
	}

	@Override
	public long failedCount() {
		return this.dispatcher.failedCount();
	}

	@Override
	public synchronized Optional<String> failure() {
		return (this.run != null) ? Optional.ofNullable(this.run.failure) : Optional.empty();
	}

	/**
	 * Handles one received message as the listener's threads do (parse, convert, invoke, error
	 * handling), on the calling thread and without a socket: the per-message path on its own,
	 * for tests and benchmarks.
	 * @param frames the frames as the socket received them
	 * @return the frames the listener would send back on its socket, or {@code null} for none
	 */
	public @Nullable List<byte[]> handle(List<byte[]> frames) {
		CollectedReply reply = new CollectedReply();
		handle(frames, reply);
		return reply.frames;
	}

	/**
	 * {@link #handle(List)} with the reply, if any, given to {@code replies} as the listener's
	 * thread would send it: envelope and body apart, no list joining them.
	 */
	public void handle(List<byte[]> frames, ReplyTarget replies) {
		this.dispatcher.dispatch(frames, replies);
	}

	// The reply as one list of frames, for callers without a socket.
	private static final class CollectedReply implements ReplyTarget {

		private @Nullable List<byte[]> frames;

		@Override
		public void reply(List<byte[]> envelope, List<byte[]> body) {
			List<byte[]> joined = new ArrayList<>(envelope.size() + body.size());
			joined.addAll(envelope);
			joined.addAll(body);
			this.frames = joined;
		}

		@Override
		public void reply(List<byte[]> envelope, byte[] frame) {
			reply(envelope, List.of(frame));
		}

	}

	@Override
	public synchronized void start() {
		if (this.run != null) {
			if (!this.run.stopRequested) {
				return;
			}
			// A stop that has not finished yet: its threads still own the sockets this start reopens.
			awaitEnd(this.run, this.properties.getShutdownTimeout());
			if (!this.run.hasEnded()) {
				throw new IllegalStateException("Listener '" + id() + "' cannot start: its previous threads are still "
						+ "finishing a handler call after " + this.properties.getShutdownTimeout().toMillis() + " ms");
			}
		}
		this.starts++;
		Run next = new Run();
		List<ZMQ.Socket> sockets = openSockets(next);
		Executor executor = this.properties.getTaskExecutor();
		Executor workerExecutor = (executor != null) ? executor : new SimpleAsyncTaskExecutor("zmq-listener-" + id() + "-");
		for (int i = 0; i < sockets.size(); i++) {
			next.workers.add(new ListenerWorker("listener '" + id() + "' worker " + (i + 1), this.factory.context(),
					sockets.get(i), this.dispatcher, this.paused, this.registry.status(this.endpoint.socket())));
		}
		next.remaining.set(next.workers.size());
		if (next.device != null) {
			next.device.start((executor != null) ? executor
					: new SimpleAsyncTaskExecutor((task) -> new Thread(task, "zmq-listener-" + id() + "-device")));
		}
		// Each worker's task reports its end, so that a stop completes when the last one closed its socket.
		Executor reporting = (task) -> workerExecutor.execute(() -> {
			try {
				task.run();
			}
			finally {
				next.workerEnded();
			}
		});
		next.workers.forEach((worker) -> worker.start(reporting));
		this.run = next;
	}

	/**
	 * Stops taking messages at once and returns; {@code callback} runs when the handlers still
	 * running have finished and every socket is closed, on the last listener thread to end.
	 * What the sockets already hold is handled first, for at most the shutdown timeout.
	 */
	@Override
	public void stop(Runnable callback) {
		stop(callback, this.properties.getShutdownTimeout());
	}

	/**
	 * {@link #stop(Runnable)} with a bound of the caller's, such as what the application's
	 * shutdown budget has left: the workers handle what their sockets already hold until then.
	 */
	public synchronized void stop(Runnable callback, Duration within) {
		Run current = this.run;
		if (current == null) {
			callback.run();
			return;
		}
		current.requestStop(callback, System.nanoTime() + within.toNanos());
	}

	/** Stops and waits for the handlers still running, bounded by the shutdown timeout. */
	@Override
	public void stop() {
		Run current;
		Duration timeout = this.properties.getShutdownTimeout();
		synchronized (this) {
			current = this.run;
			if (current == null) {
				return;
			}
			current.requestStop(() -> {
			}, System.nanoTime() + timeout.toNanos());
		}
		awaitEnd(current, timeout);
	}

	/** The shutdown timeout of this container: how long a waiting stop waits for running handlers. */
	public Duration shutdownTimeout() {
		return this.properties.getShutdownTimeout();
	}

	/** The budget of the application's close this container's stop draws on. */
	public ShutdownBudget shutdownBudget() {
		return ShutdownBudget.of(this.factory.context());
	}

	/**
	 * A stop has waited {@code waited} and this listener's threads still run: logs each one with
	 * its stack (the handler is never interrupted, since an interrupt can leave the ZeroMQ
	 * context unable to close), and makes a reply send that waits for room give up, so that
	 * each thread ends once its handler returns. Does nothing when the threads have ended.
	 */
	public void abandonRunningHandlers(Duration waited) {
		Run current;
		synchronized (this) {
			current = this.run;
		}
		if (current == null || current.hasEnded()) {
			return;
		}
		StringBuilder message = new StringBuilder("Listener '" + id() + "' has a handler still running after the shutdown "
				+ "timeout of " + waited.toMillis() + " ms; it is left to finish on its own (never interrupted), and its "
				+ "reply may be lost. Where its threads are:");
		for (ListenerWorker worker : current.workers) {
			Thread thread = worker.thread();
			if (thread != null) {
				ThreadStacks.append(message, thread);
			}
			worker.abandon();
		}
		logger.warn(message);
	}

	private void awaitEnd(Run current, Duration timeout) {
		try {
			if (!current.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				abandonRunningHandlers(timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void pause() {
		this.paused = true;
		if (this.run == null) {
			return;
		}
		List<CompletableFuture<Void>> seen = this.run.workers.stream().map((worker) -> worker.setPaused(true)).toList();
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
			logger.warn("Listener '" + id() + "' has a handler still running " + PAUSE_PATIENCE.toMillis()
					+ " ms after pause(); it pauses once the handler returns");
		}
	}

	@Override
	public synchronized void resume() {
		this.paused = false;
		if (this.run != null) {
			this.run.workers.forEach((worker) -> worker.setPaused(false));
		}
	}

	// The declared socket is used on the first start; a restart opens fresh ones from the same
	// declaration, because the first were closed by their worker threads.
	private List<ZMQ.Socket> openSockets(Run next) {
		ManagedSocket declared = this.registry.socket(this.endpoint.socket());
		SocketSpec first = this.topology.hasDevice() ? this.topology.frontSpec() : declared.spec();
		ZMQ.Socket front;
		if (this.starts == 1 && !this.replaceDeclaredSocket) {
			front = declared.claim("listener '" + id() + "'");
		}
		else {
			if (this.starts == 1) {
				// Opened as declared before this listener registered: it must become the device's front.
				declared.claim("listener '" + id() + "'").close();
			}
			front = reopen(declared, first);
		}
		List<ZMQ.Socket> opened = new ArrayList<>();
		opened.add(front);
		try {
			if (!this.topology.hasDevice()) {
				for (int i = 1; i < this.concurrency; i++) {
					opened.add(this.factory.open(declared.spec()).socket());
				}
				return opened;
			}
			ListenerTopology.DeviceSpecs device = this.topology.deviceSpecs();
			ZMQ.Socket back = this.factory.create(device.back());
			opened.add(back);
			this.factory.bind(back, device.back());
			List<ZMQ.Socket> workerSockets = new ArrayList<>();
			for (int i = 0; i < this.concurrency; i++) {
				ZMQ.Socket worker = this.factory.open(device.worker()).socket();
				opened.add(worker);
				workerSockets.add(worker);
			}
			next.device = new ListenerDevice("device of listener '" + id() + "'", this.factory.context(), front, back,
					this.registry.status(this.endpoint.socket()));
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
	private ZMQ.Socket reopen(ManagedSocket declared, SocketSpec spec) {
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

	/** The threads of one start and what is waiting for them to end. */
	private final class Run {

		private final List<ListenerWorker> workers = new ArrayList<>();

		private final AtomicInteger remaining = new AtomicInteger();

		private final CountDownLatch ended = new CountDownLatch(1);

		private final List<Runnable> callbacks = new ArrayList<>();

		private @Nullable ListenerDevice device;

		private volatile boolean stopRequested;

		// Set when a thread ended that nobody asked to stop: it died of an error.
		private volatile @Nullable String failure;

		// Guarded by this Run, like the callbacks; never by the container, whose start() may be
		// waiting for this run to end.
		private boolean finished;

		void requestStop(Runnable callback, long deadlineNanos) {
			this.stopRequested = true;
			boolean now;
			synchronized (this) {
				now = this.finished;
				if (!now) {
					this.callbacks.add(callback);
				}
			}
			if (now) {
				callback.run();
				return;
			}
			if (this.device == null) {
				this.workers.forEach((worker) -> worker.requestStop(deadlineNanos));
				return;
			}
			// The device first hands on what its front socket holds, so that the workers' own
			// drain sees every message that had arrived; then the workers stop.
			this.device.closeFront()
				.whenComplete((done, failure) -> this.workers.forEach((worker) -> worker.requestStop(deadlineNanos)));
		}

		boolean hasEnded() {
			return this.ended.getCount() == 0;
		}

		// On the listener thread that ends last: every worker socket is closed, so the device can go.
		void workerEnded() {
			if (!this.stopRequested && this.failure == null) {
				this.failure = "a thread of listener '" + id() + "' ended without being stopped (its error is in the "
						+ "log); " + this.remaining.get() + " of " + this.workers.size()
						+ " thread(s) were running. Restart the listener (stop, then start)";
			}
			if (this.remaining.decrementAndGet() > 0) {
				return;
			}
			if (this.device != null) {
				try {
					this.device.terminate(REBIND_PATIENCE);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			List<Runnable> waiting;
			synchronized (this) {
				this.finished = true;
				this.stopRequested = true;
				waiting = List.copyOf(this.callbacks);
				this.callbacks.clear();
			}
			this.ended.countDown();
			waiting.forEach(Runnable::run);
		}

	}

}
