package org.zeromq.spring.core;

import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import zmq.SocketBase;
import zmq.ZError;

/**
 * One thread that owns sockets, as ZeroMQ wants them owned: it waits for its sockets and for a
 * {@link Wakeup} (one socket: in the socket itself, a wait the wake-up cancels; several: a poll of
 * them and the wake-up's receiver), runs commands that any thread queues with {@link #execute}, wakes at the
 * deadline its {@link Schedule} asks for, and when asked to {@link #stop()} finishes what it is
 * doing, runs the commands queued before the stop, and closes its sockets itself, on its own
 * thread.
 * <p>
 * The thread comes from the {@link Executor} given to {@link #start}; waiting for the end is
 * {@link #awaitTermination}, never a join or an interrupt (an interrupted JeroMQ thread can
 * leave the context unable to close). Listener workers, listener devices and the DEALER request
 * pipeline each run on one.
 * <p>
 * Confined to the loop's thread (or to the thread that sets the loop up, before
 * {@code start}): {@link #register}, {@link Registration#interest}, {@link #schedule},
 * {@link #onStop}, {@link #onRejected}. Safe from any thread: {@link #execute}, {@link #submit},
 * {@link #stop}, {@link #awaitTermination}, {@link #hasPendingWork}.
 */
public final class SocketLoop {

	/** What a {@link Schedule} answers when it has nothing timed: the loop waits for a socket or a command. */
	public static final long NO_DEADLINE = Long.MAX_VALUE;

	private static final Log logger = LogFactory.getLog(SocketLoop.class);

	private static final Schedule NOTHING_TIMED = new Schedule() {

		@Override
		public long nextDeadline() {
			return NO_DEADLINE;
		}

		@Override
		public void runDue(long now) {
		}

	};

	private final String name;

	private final ZContext context;

	private final Wakeup wakeup;

	private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();

	private final CountDownLatch terminated = new CountDownLatch(1);

	private final Object lifecycle = new Object();

	// Guarded by lifecycle.
	private boolean started;

	// Written under lifecycle by stop(), and by the loop thread once it ends.
	private volatile boolean stopRequested;

	private volatile @Nullable Thread thread;

	// Set by the loop thread before it ends on an unexpected error.
	private volatile @Nullable RuntimeException failure;

	// Loop-thread state (or set-up thread before start).
	private final List<Registration> registrations = new ArrayList<>();

	private Schedule schedule = NOTHING_TIMED;

	private Runnable onStop = () -> {
	};

	private Consumer<Runnable> onRejected = (command) -> {
	};

	// Both built by pollItems() before their first read (itemsStale starts true); the first
	// item is the wake-up receiver, which has no registration.
	@SuppressWarnings("NullAway.Init")
	private ZMQ.PollItem[] items;

	@SuppressWarnings("NullAway.Init")
	private @Nullable Registration[] polled;

	private boolean itemsStale = true;

	/**
	 * @param name what the loop is for, as log messages name it (e.g. {@code listener 'orders'})
	 */
	public SocketLoop(ZContext context, String name) {
		this.context = context;
		this.name = name;
		this.wakeup = new Wakeup(context, name.replaceAll("[^A-Za-z0-9_.-]", "_"));
	}

	public String name() {
		return this.name;
	}

	/**
	 * Polls {@code socket} for the given events and calls {@code ready} on the loop thread when
	 * some arrive. The loop owns the socket from now on: it closes it when it ends.
	 * @param interest {@code ZMQ.Poller.POLLIN}, {@code POLLOUT}, both, or 0 (not polled for now)
	 */
	public Registration register(ZMQ.Socket socket, int interest, Ready ready) {
		checkOwner();
		Registration registration = new Registration(socket, interest, ready);
		this.registrations.add(registration);
		this.itemsStale = true;
		return registration;
	}

	/** What the loop waits for besides its sockets and commands; runs on the loop thread. */
	public void schedule(Schedule schedule) {
		checkOwner();
		this.schedule = schedule;
	}

	/**
	 * The loop's last act before it closes its sockets, after the commands queued before the
	 * stop have run: e.g. failing what is still pending. Also called when the loop ends on an
	 * error, so that nothing waits for an answer that will not come.
	 */
	public void onStop(Runnable onStop) {
		checkOwner();
		this.onStop = onStop;
	}

	/**
	 * Receives each command that was accepted by {@link #execute} but will not run, because the
	 * loop ended on an error before it came to it, so that whoever waits on it can be told.
	 */
	public void onRejected(Consumer<Runnable> onRejected) {
		checkOwner();
		this.onRejected = onRejected;
	}

	/**
	 * Starts the loop on a thread of the executor. If the executor refuses, nothing ran on
	 * another thread, so the sockets are closed here and the exception is rethrown.
	 */
	public void start(Executor executor) {
		synchronized (this.lifecycle) {
			if (this.started) {
				throw new IllegalStateException("The loop of " + this.name + " was already started");
			}
			this.started = true;
			if (this.stopRequested) {
				// Stopped before it started: stop() has closed its sockets already.
				return;
			}
		}
		try {
			executor.execute(this::run);
		}
		catch (RuntimeException ex) {
			this.stopRequested = true;
			rejectCommands();
			end();
			throw ex;
		}
	}

	/**
	 * Queues a command for the loop thread and wakes it. Commands run in the order they were
	 * queued, before the loop looks at its sockets again.
	 * @return false when the loop is stopping or stopped: the command will not run
	 */
	public boolean execute(Runnable command) {
		if (this.stopRequested) {
			return false;
		}
		this.commands.add(command);
		// stop() may have come between the check and the add, and the loop may already have taken its
		// last commands: unless the loop (which then runs it) got it first, take it back.
		if (this.stopRequested && this.commands.remove(command)) {
			return false;
		}
		this.wakeup.signal();
		return true;
	}

	/**
	 * Runs {@code command} on the loop thread; the future completes when it has run, or
	 * exceptionally with a {@link RejectedExecutionException} when the loop will not run it.
	 */
	public CompletableFuture<Void> submit(Runnable command) {
		Call call = new Call(command);
		if (!execute(call)) {
			call.reject();
		}
		return call.done;
	}

	/**
	 * True when a command or a stop is waiting for the loop thread: a step that may take long (a
	 * batch of messages) should return to the loop. A volatile read and a look at the queue's head.
	 */
	public boolean hasPendingWork() {
		// The queue, not the wake-up: a busy loop leaves its wake-up pending (see turns()).
		return this.stopRequested || !this.commands.isEmpty();
	}

	/**
	 * Asks the loop to end: the step running finishes, commands queued so far run, then the
	 * {@link #onStop} action, then the loop closes its sockets. Returns at once; see
	 * {@link #awaitTermination}. Calling it again does nothing more. A loop never started ends here.
	 */
	public void stop() {
		boolean neverStarted;
		synchronized (this.lifecycle) {
			if (this.stopRequested) {
				return;
			}
			this.stopRequested = true;
			neverStarted = !this.started;
		}
		if (neverStarted) {
			// No thread runs the loop, so this one may close what it owns; queued commands never run.
			rejectCommands();
			end();
		}
		else {
			this.wakeup.signal();
		}
	}

	/** @return whether the loop ended (its sockets closed) within the time */
	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		return this.terminated.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
	}

	public boolean isTerminated() {
		return this.terminated.getCount() == 0;
	}

	/**
	 * The unexpected error the loop ended on, if it did: its owner can then report itself
	 * failed rather than stopped. Empty while it runs and after an ordinary stop.
	 */
	public Optional<RuntimeException> failure() {
		return Optional.ofNullable(this.failure);
	}

	/**
	 * The thread running the loop while it runs, or {@code null} before it started and after
	 * it ended: for a stop that waits too long to show where the thread is.
	 */
	public @Nullable Thread thread() {
		return isTerminated() ? null : this.thread;
	}

	private void run() {
		this.thread = Thread.currentThread();
		Selector selector = null;
		try {
			selector = this.context.createSelector();
			turns(selector);
			// From here execute() refuses, so the commands taken now are the last.
			this.stopRequested = true;
			runCommands();
		}
		catch (RuntimeException ex) {
			this.failure = ex;
			this.stopRequested = true;
			logger.error("The thread of " + this.name + " stopped on an unexpected error; its sockets are closed", ex);
			rejectCommands();
		}
		finally {
			try {
				this.onStop.run();
			}
			catch (RuntimeException ex) {
				logger.warn("The stop action of " + this.name + " failed", ex);
			}
			if (selector != null) {
				this.context.closeSelector(selector);
			}
			end();
		}
	}

	private void turns(Selector selector) {
		Registration only = (this.registrations.size() == 1) ? this.registrations.get(0) : null;
		if (only != null) {
			this.wakeup.wakeByCancelling(only.socket);
		}
		while (!this.stopRequested) {
			if (only != null ? !turn(only) : !turn(selector)) {
				// The context is terminating: nothing more can be done with these sockets.
				return;
			}
			if (this.schedule != NOTHING_TIMED) {
				this.schedule.runDue(System.nanoTime());
			}
		}
	}

	// Several sockets: a poll of them all and the wake-up's receiver.
	private boolean turn(Selector selector) {
		ZMQ.PollItem[] polling = pollItems();
		if (ZMQ.poll(selector, polling, idle() ? pollTimeoutMillis() : 0) < 0) {
			return false;
		}
		runCommands();
		if (this.stopRequested) {
			return true;
		}
		@Nullable Registration[] registered = this.polled;
		for (int i = 1; i < polling.length; i++) {
			Registration registration = registered[i];
			// Masked with the interest now: a command of this turn may have paused the socket.
			int ready = readyEvents(polling[i]) & registration.interest;
			if (ready != 0) {
				registration.ready.ready(ready);
			}
		}
		return true;
	}

	// One socket (a listener worker, the DEALER pipeline): the wait happens in the socket itself,
	// which wakes on its own mailbox, and a command cancels that wait (see Wakeup). Measured
	// cheaper than a poll of the socket and the wake-up's pair: no selector, no second socket,
	// one command to wake rather than an inproc message.
	private boolean turn(Registration only) {
		SocketBase base = only.socket.base();
		long timeout = idle() ? pollTimeoutMillis() : 0;
		int ready = base.poll(only.interest, (int) Math.min(timeout, Integer.MAX_VALUE), this.wakeup.cancellation());
		if (ready < 0) {
			if (base.errno() == ZError.ETERM) {
				return false;
			}
			// Timed out, or woken: a command or the stop.
			ready = 0;
		}
		runCommands();
		if (this.stopRequested) {
			return true;
		}
		ready &= only.interest;
		if (ready != 0) {
			only.ready.ready(ready);
		}
		return true;
	}

	// The wake-up is drained only here, when the loop has no command left and may sleep: while it
	// keeps finding commands it stays signalled, so that callers queueing commands meanwhile send
	// no wake-up at all. Draining it on every turn cost one inproc message (and an OS pipe write
	// to wake this thread) per turn, and a turn per handful of commands under a steady sender.
	// A command or stop that comes after the drain signals again; the queue and the stop are
	// checked after the drain, since a signal collapsed into the one just drained sent nothing.
	private boolean idle() {
		if (!this.commands.isEmpty() || this.stopRequested) {
			return false;
		}
		this.wakeup.drain();
		return this.commands.isEmpty() && !this.stopRequested;
	}

	private static int readyEvents(ZMQ.PollItem item) {
		return (item.isReadable() ? ZMQ.Poller.POLLIN : 0) | (item.isWritable() ? ZMQ.Poller.POLLOUT : 0);
	}

	private ZMQ.PollItem[] pollItems() {
		if (this.itemsStale) {
			List<ZMQ.PollItem> items = new ArrayList<>();
			List<Registration> polled = new ArrayList<>();
			items.add(new ZMQ.PollItem(this.wakeup.receiver(), ZMQ.Poller.POLLIN));
			polled.add(null);
			for (Registration registration : this.registrations) {
				if (registration.interest != 0) {
					items.add(new ZMQ.PollItem(registration.socket, registration.interest));
					polled.add(registration);
				}
			}
			this.items = items.toArray(ZMQ.PollItem[]::new);
			this.polled = polled.toArray(Registration[]::new);
			this.itemsStale = false;
		}
		return this.items;
	}

	private long pollTimeoutMillis() {
		long deadline = this.schedule.nextDeadline();
		if (deadline == NO_DEADLINE) {
			return -1;
		}
		long nanos = deadline - System.nanoTime();
		// Rounded up, so that the loop never wakes just before the deadline and polls again for nothing.
		return (nanos <= 0) ? 0 : TimeUnit.NANOSECONDS.toMillis(nanos) + 1;
	}

	private void runCommands() {
		Runnable command;
		while ((command = this.commands.poll()) != null) {
			command.run();
		}
	}

	private void rejectCommands() {
		Runnable command;
		while ((command = this.commands.poll()) != null) {
			try {
				if (command instanceof Call call) {
					call.reject();
				}
				else {
					this.onRejected.accept(command);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not reject a command of " + this.name, ex);
			}
		}
	}

	// The wake-up's sending end first, then the owner's sockets (their linger starts now), then the
	// wake-up's receiving end.
	private void end() {
		try {
			// No wake-up from here on: one would cancel a wait in a socket about to close.
			this.wakeup.close();
			for (Registration registration : this.registrations) {
				try {
					registration.socket.close();
				}
				catch (RuntimeException ex) {
					logger.warn("Could not close a socket of " + this.name, ex);
				}
			}
			this.wakeup.closeReceiver();
		}
		finally {
			this.terminated.countDown();
		}
	}

	private void checkOwner() {
		Thread owner = this.thread;
		if (owner != null && owner != Thread.currentThread()) {
			throw new IllegalStateException("Only the thread of " + this.name + " may change its sockets");
		}
	}

	/** Called on the loop thread with the events a registered socket is ready for. */
	@FunctionalInterface
	public interface Ready {

		/** @param events {@code ZMQ.Poller.POLLIN} and/or {@code POLLOUT}, within the registration's interest */
		void ready(int events);

	}

	/** Timed work of the loop's owner; both methods run on the loop thread. */
	public interface Schedule {

		/** The {@link System#nanoTime()} at which the loop must wake at the latest, or {@link #NO_DEADLINE}. */
		long nextDeadline();

		/** After every turn of the loop (a socket, a command or the deadline woke it): do what is due. */
		void runDue(long now);

	}

	/** A socket the loop polls; change what it is polled for on the loop thread. */
	public final class Registration {

		private final ZMQ.Socket socket;

		private final Ready ready;

		private int interest;

		private Registration(ZMQ.Socket socket, int interest, Ready ready) {
			this.socket = socket;
			this.interest = interest;
			this.ready = ready;
		}

		public ZMQ.Socket socket() {
			return this.socket;
		}

		public int interest() {
			return this.interest;
		}

		/** Polls the socket for these events from the next turn on; 0 leaves it unpolled. */
		public void interest(int events) {
			checkOwner();
			if (events != this.interest) {
				this.interest = events;
				SocketLoop.this.itemsStale = true;
			}
		}

	}

	private static final class Call implements Runnable {

		private final Runnable command;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		Call(Runnable command) {
			this.command = command;
		}

		@Override
		public void run() {
			try {
				this.command.run();
				this.done.complete(null);
			}
			catch (RuntimeException ex) {
				this.done.completeExceptionally(ex);
				throw ex;
			}
		}

		void reject() {
			this.done.completeExceptionally(new RejectedExecutionException("the socket loop has stopped"));
		}

	}

}
