package org.zeromq.spring.template;

import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.Frames;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.Wakeup;

/**
 * Owns one DEALER socket on its own thread so that many requests can be in flight at once:
 * callers queue requests from any thread, the owner sends them with a correlation envelope
 * {@code [id][""][payload…]}, reads replies as they come (any REP or ROUTER peer echoes the
 * envelope) and completes the matching future, or fails it at its deadline.
 * <p>
 * Callers wake the owner through a {@link Wakeup} rather than an interrupt: the owner blocks in
 * a ZeroMQ poll on both sockets, so it idles without CPU and wakes at once.
 */
final class DealerRequester implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DealerRequester.class);

	private static final byte[] DELIMITER = new byte[0];

	private static final long BACKLOG_CHECK_MILLIS = 10;

	// Completed requests the deadline queue may hold beyond twice those in flight before a sweep.
	private static final int DEADLINE_SLACK = 1024;

	private final ManagedSocket managed;

	private final ZContext context;

	private final ZMQ.Socket socket;

	private final Wakeup wakeup;

	private final Queue<Command> commands = new ConcurrentLinkedQueue<>();

	private final Thread thread;

	private final Duration closeTimeout;

	private final AtomicLong discardedReplies = new AtomicLong();

	private volatile boolean closing;

	// Owner-thread state: touched only by the owner thread.
	private final Map<Long, Request> inFlight = new HashMap<>();

	private final PriorityQueue<Request> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

	private final ArrayDeque<Command> backlog = new ArrayDeque<>();

	private long nextId;

	DealerRequester(ManagedSocket managed, ZContext context) {
		this.managed = managed;
		this.context = context;
		this.wakeup = new Wakeup(context, "requester-" + managed.name());
		this.socket = managed.claim("the request pipeline of ZmqTemplate");
		Duration linger = Duration.ofMillis(Math.max(0, this.socket.getLinger()));
		this.closeTimeout = linger.plusSeconds(5);
		this.thread = new Thread(this::run, "zmq-requester-" + managed.name());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	CompletableFuture<List<byte[]>> request(List<byte[]> frames, Duration timeout) {
		Request request = new Request(frames, System.nanoTime() + timeout.toNanos(), timeout, this.managed.name());
		submit(request);
		return request.reply;
	}

	/** A one-way send; completes with the same result a locked send would return. */
	CompletableFuture<Boolean> send(List<byte[]> frames, Duration sendTimeout) {
		OneWay oneWay = new OneWay(frames, System.nanoTime() + sendTimeout.toNanos(), this.managed);
		submit(oneWay);
		return oneWay.sent;
	}

	long discardedReplies() {
		return this.discardedReplies.get();
	}

	private void submit(Command command) {
		if (this.closing) {
			command.fail(closed());
			return;
		}
		this.commands.add(command);
		if (this.closing) {
			// close() may have drained the queue before the add: unless the owner or close()
			// took the command (and so completes it), nobody else would.
			if (this.commands.remove(command)) {
				command.fail(closed());
			}
			return;
		}
		this.wakeup.signal();
	}

	private void run() {
		Selector selector = this.context.createSelector();
		ZMQ.PollItem[] items = { new ZMQ.PollItem(this.socket, ZMQ.Poller.POLLIN),
				new ZMQ.PollItem(this.wakeup.receiver(), ZMQ.Poller.POLLIN) };
		ZMQ.PollItem[] itemsWithBacklog = { new ZMQ.PollItem(this.socket, ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT),
				new ZMQ.PollItem(this.wakeup.receiver(), ZMQ.Poller.POLLIN) };
		try {
			while (!this.closing) {
				ZMQ.PollItem[] polled = this.backlog.isEmpty() ? items : itemsWithBacklog;
				if (ZMQ.poll(selector, polled, pollTimeoutMillis()) < 0) {
					break;
				}
				if (polled[1].isReadable()) {
					this.wakeup.drain();
				}
				sendBacklog();
				takeCommands();
				if (polled[0].isReadable()) {
					readReplies();
				}
				expireDeadlines();
			}
			// Commands queued before close still go out (one-way sends must not be lost).
			takeCommands();
		}
		catch (RuntimeException ex) {
			logger.error("Request pipeline of socket '" + this.managed.name() + "' stopped", ex);
		}
		finally {
			ZmqException closed = closed();
			this.backlog.forEach((command) -> command.fail(closed));
			this.inFlight.values().forEach((request) -> request.fail(closed));
			this.socket.close();
			this.wakeup.closeReceiver();
			this.context.closeSelector(selector);
		}
	}

	private long pollTimeoutMillis() {
		Request next = this.deadlines.peek();
		long untilDeadline = (next != null)
				? Math.max(0, TimeUnit.NANOSECONDS.toMillis(next.deadline - System.nanoTime()) + 1) : -1;
		if (this.backlog.isEmpty()) {
			return untilDeadline;
		}
		// Backlogged sends have deadlines of their own: look at them often while room is awaited.
		return (untilDeadline < 0) ? BACKLOG_CHECK_MILLIS : Math.min(untilDeadline, BACKLOG_CHECK_MILLIS);
	}

	private void takeCommands() {
		Command command;
		while ((command = this.commands.poll()) != null) {
			if (command instanceof Request request) {
				this.deadlines.add(request);
			}
			if (!this.backlog.isEmpty()) {
				this.backlog.add(command);
			}
			else {
				trySend(command);
			}
		}
	}

	private void sendBacklog() {
		while (!this.backlog.isEmpty()) {
			Command head = this.backlog.peek();
			if (head.isDone() || head.expireIfDue(System.nanoTime())) {
				this.backlog.poll();
			}
			else if (head.send(this, ZMQ.DONTWAIT)) {
				this.backlog.poll();
			}
			else {
				return;
			}
		}
	}

	private void trySend(Command command) {
		if (command.send(this, ZMQ.DONTWAIT)) {
			return;
		}
		HwmPolicy policy = this.managed.spec().hwmPolicy();
		if (policy == HwmPolicy.BLOCK) {
			// Waits for room without blocking the owner, which must keep reading replies.
			this.backlog.add(command);
		}
		else if (policy == HwmPolicy.DROP && command instanceof OneWay oneWay) {
			this.managed.recordDrop();
			oneWay.sent.complete(false);
		}
		else {
			command.fail(this.managed.refusal());
		}
	}

	private boolean sendRequest(Request request, int flags) {
		long id = this.nextId++;
		byte[] idFrame = ByteBuffer.allocate(Long.BYTES).putLong(id).array();
		if (!this.socket.send(idFrame, flags | ZMQ.SNDMORE)) {
			return false;
		}
		this.socket.send(DELIMITER, ZMQ.SNDMORE);
		int last = request.frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			this.socket.send(request.frames.get(i), (i == last) ? 0 : ZMQ.SNDMORE);
		}
		request.id = id;
		this.inFlight.put(id, request);
		return true;
	}

	private void readReplies() {
		List<byte[]> frames;
		while ((frames = Frames.receive(this.socket, ZMQ.DONTWAIT)) != null) {
			Request request = (frames.size() >= 2 && frames.get(0).length == Long.BYTES && frames.get(1).length == 0)
					? this.inFlight.remove(ByteBuffer.wrap(frames.get(0)).getLong()) : null;
			if (request == null) {
				// A reply to a request that timed out, or a message that is not a reply at all.
				this.discardedReplies.incrementAndGet();
				continue;
			}
			// Not removed from the deadline queue here: PriorityQueue.remove is a linear scan, which
			// with a thousand requests in flight cost more than the rest of the reply. Completed
			// requests leave the queue when they reach its head, or in bulk once they pile up.
			request.reply.complete(frames.subList(2, frames.size()));
		}
		if (this.deadlines.size() > 2 * this.inFlight.size() + DEADLINE_SLACK) {
			this.deadlines.removeIf(Request::isDone);
		}
	}

	private void expireDeadlines() {
		long now = System.nanoTime();
		Request next;
		while ((next = this.deadlines.peek()) != null && (next.isDone() || next.deadline - now <= 0)) {
			this.deadlines.poll();
			if (next.isDone()) {
				continue;
			}
			if (next.id >= 0) {
				this.inFlight.remove(next.id);
			}
			next.fail(new ZmqRequestTimeoutException(this.managed.name(), next.timeout));
		}
		if (!this.backlog.isEmpty()) {
			this.backlog.removeIf((command) -> command.expireIfDue(now));
		}
	}

	private ZmqException closed() {
		return new ZmqException("Socket '" + this.managed.name() + "' is closing; the request was not completed");
	}

	/**
	 * Stops the owner: queued one-way sends go out, requests without a reply fail, and the
	 * owner closes its socket itself. Waits for it, bounded by the socket's linger. Calling it
	 * again does nothing more.
	 */
	@Override
	public void close() {
		this.closing = true;
		// A wake-up still pending also ends the owner's poll, so the collapsed signal is enough.
		this.wakeup.signal();
		try {
			this.thread.join(this.closeTimeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			logger.warn("Request pipeline of socket '" + this.managed.name() + "' did not stop within " + this.closeTimeout);
		}
		// Anything queued after the owner's last look fails now instead of waiting forever.
		Command leftover;
		while ((leftover = this.commands.poll()) != null) {
			leftover.fail(closed());
		}
		this.wakeup.close();
	}

	private abstract static sealed class Command permits Request, OneWay {

		final List<byte[]> frames;

		final long deadline;

		Command(List<byte[]> frames, long deadline) {
			this.frames = frames;
			this.deadline = deadline;
		}

		abstract boolean send(DealerRequester owner, int flags);

		abstract void fail(Throwable error);

		abstract boolean isDone();

		abstract Throwable expired();

		/** Fails the command when its deadline has passed; true when it is done either way. */
		boolean expireIfDue(long now) {
			if (!isDone() && this.deadline - now <= 0) {
				fail(expired());
			}
			return isDone();
		}

	}

	private static final class Request extends Command {

		final Duration timeout;

		final CompletableFuture<List<byte[]>> reply = new CompletableFuture<>();

		final String socketName;

		long id = -1;

		Request(List<byte[]> frames, long deadline, Duration timeout, String socketName) {
			super(frames, deadline);
			this.timeout = timeout;
			this.socketName = socketName;
		}

		@Override
		boolean send(DealerRequester owner, int flags) {
			return owner.sendRequest(this, flags);
		}

		@Override
		void fail(Throwable error) {
			this.reply.completeExceptionally(error);
		}

		@Override
		boolean isDone() {
			return this.reply.isDone();
		}

		@Override
		Throwable expired() {
			return new ZmqRequestTimeoutException(this.socketName, this.timeout);
		}

	}

	private static final class OneWay extends Command {

		final CompletableFuture<Boolean> sent = new CompletableFuture<>();

		final ManagedSocket managed;

		OneWay(List<byte[]> frames, long deadline, ManagedSocket managed) {
			super(frames, deadline);
			this.managed = managed;
		}

		@Override
		boolean send(DealerRequester owner, int flags) {
			boolean queued = Frames.send(owner.socket, this.frames, flags);
			if (queued) {
				this.sent.complete(true);
			}
			return queued;
		}

		@Override
		void fail(Throwable error) {
			this.sent.completeExceptionally(error);
		}

		@Override
		boolean isDone() {
			return this.sent.isDone();
		}

		@Override
		Throwable expired() {
			return this.managed.refusal();
		}

	}

}
