package org.zeromq.spring.template;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.ZmqException;

/**
 * What the DEALER request pipeline keeps track of, apart from its socket: requests in flight by
 * correlation id, their deadlines, and the commands waiting for room under
 * {@link HwmPolicy#BLOCK}. Confined to the pipeline's owner thread; the socket is behind
 * {@link Wire}, so that this logic is tested without one.
 * <p>
 * A request ends once, on the owner thread: its {@link RequestEnd} is told (the socket's counts)
 * and its future completes with the reply already read by the request's reader, so that each
 * request costs one future and no callbacks chained on it.
 */
final class PendingRequests {

	// While commands wait for room, their deadlines are checked this often (they are not in the
	// deadline queue in order, and the socket does not say when a deadline passes).
	static final long BACKLOG_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	// Completed requests the deadline queue may hold beyond twice those in flight before a sweep.
	static final int DEADLINE_SLACK = 1024;

	private final String socketName;

	private final HwmPolicy policy;

	private final Wire wire;

	private final Runnable recordDrop;

	private final Supplier<? extends ZmqException> refusal;

	private final RequestEnd requestEnd;

	private final int deadlineSlack;

	private final AtomicLong discardedReplies = new AtomicLong();

	private final Map<Long, Request<?>> inFlight = new HashMap<>();

	private final PriorityQueue<Request<?>> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

	private final ArrayDeque<Command> backlog = new ArrayDeque<>();

	private long nextId;

	/**
	 * @param recordDrop counts a one-way send dropped under {@link HwmPolicy#DROP}
	 * @param refusal the error for a send refused at the high-water mark
	 */
	PendingRequests(String socketName, HwmPolicy policy, Wire wire, Runnable recordDrop,
			Supplier<? extends ZmqException> refusal) {
		this(socketName, policy, wire, recordDrop, refusal, RequestEnd.NONE, DEADLINE_SLACK);
	}

	PendingRequests(String socketName, HwmPolicy policy, Wire wire, Runnable recordDrop,
			Supplier<? extends ZmqException> refusal, int deadlineSlack) {
		this(socketName, policy, wire, recordDrop, refusal, RequestEnd.NONE, deadlineSlack);
	}

	/**
	 * @param recordDrop counts a one-way send dropped under {@link HwmPolicy#DROP}, or an accepted
	 * one the socket never took before it closed
	 * @param refusal the error for a send refused at the high-water mark
	 * @param requestEnd told once of each request's end
	 */
	PendingRequests(String socketName, HwmPolicy policy, Wire wire, Runnable recordDrop,
			Supplier<? extends ZmqException> refusal, RequestEnd requestEnd, int deadlineSlack) {
		this.socketName = socketName;
		this.policy = policy;
		this.wire = wire;
		this.recordDrop = recordDrop;
		this.refusal = refusal;
		this.requestEnd = requestEnd;
		this.deadlineSlack = deadlineSlack;
	}

	/**
	 * A request whose reply, read by {@code reader} on the owner thread, completes
	 * {@link Request#reply}, or which fails at {@code deadline} (nanoTime).
	 * @param started when the caller asked (nanoTime), for the request's duration
	 */
	<T> Request<T> request(List<byte[]> frames, long started, long deadline, Duration timeout,
			Function<List<byte[]>, T> reader) {
		return new Request<>(this, frames, started, deadline, timeout, reader);
	}

	/** A request answered with the reply's frames. */
	Request<List<byte[]>> request(List<byte[]> frames, long deadline, Duration timeout) {
		return request(frames, deadline - timeout.toNanos(), deadline, timeout, Function.identity());
	}

	/** A one-way send that must have gone out by {@code deadline} (nanoTime); its caller waits for the outcome. */
	OneWay oneWay(List<byte[]> frames, long deadline) {
		return new OneWay(this, frames, deadline);
	}

	/**
	 * A one-way send under {@link HwmPolicy#BLOCK} that its caller was already told is accepted:
	 * nobody waits for it. It waits for room without a deadline, as a message in the socket's own
	 * queue does; {@code handedOver} runs once the socket took it, or once it is dropped at close.
	 */
	AcceptedSend accepted(List<byte[]> frames, Runnable handedOver) {
		return new AcceptedSend(this, frames, handedOver);
	}

	/** Takes a command queued by a caller: sends it, or holds or refuses it as the policy says. */
	void submit(Command command) {
		if (command instanceof Request<?> request) {
			this.deadlines.add(request);
		}
		if (!this.backlog.isEmpty()) {
			// Behind the ones already waiting, so that sends keep their order.
			this.backlog.add(command);
		}
		else if (!command.sendOn(this)) {
			refused(command);
		}
	}

	private void refused(Command command) {
		if (this.policy == HwmPolicy.BLOCK) {
			// Waits for room without blocking the owner, which must keep reading replies.
			this.backlog.add(command);
		}
		else if (this.policy == HwmPolicy.DROP && command instanceof OneWay oneWay) {
			this.recordDrop.run();
			oneWay.sent.complete(false);
		}
		else {
			command.fail(this.refusal.get());
		}
	}

	/** Sends what waits for room, in order, until the socket refuses again; drops what expired. */
	void sendBacklog(long now) {
		while (!this.backlog.isEmpty()) {
			Command head = this.backlog.peek();
			if (head.isDone() || head.expireIfDue(now) || head.sendOn(this)) {
				this.backlog.poll();
			}
			else {
				return;
			}
		}
	}

	boolean hasBacklog() {
		return !this.backlog.isEmpty();
	}

	boolean sendRequest(Request<?> request) {
		long id = this.nextId;
		if (!this.wire.sendRequest(id, request.frames)) {
			return false;
		}
		this.nextId++;
		request.id = id;
		this.inFlight.put(id, request);
		return true;
	}

	/**
	 * A message read from the socket: completes the request its envelope names, or counts it as
	 * discarded (a reply that came after its request timed out, or not a reply at all).
	 * @return whether it completed a request; {@code false} when it was discarded
	 */
	boolean reply(List<byte[]> frames) {
		Request<?> request = (frames.size() >= 2 && frames.get(0).length == Long.BYTES && frames.get(1).length == 0)
				? this.inFlight.remove(correlationId(frames.get(0))) : null;
		if (request == null) {
			this.discardedReplies.incrementAndGet();
			return false;
		}
		// Not removed from the deadline queue here: PriorityQueue.remove is a linear scan, which
		// with a thousand requests in flight cost more than the rest of the reply. Completed
		// requests leave the queue when they reach its head, or in bulk once they pile up.
		request.succeed(frames.subList(2, frames.size()));
		return true;
	}

	private static long correlationId(byte[] frame) {
		long id = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			id = (id << 8) | (frame[i] & 0xFF);
		}
		return id;
	}

	/** After a batch of replies: sweeps completed requests out of the deadline queue once they pile up. */
	void sweepCompleted() {
		if (this.deadlines.size() > 2 * this.inFlight.size() + this.deadlineSlack) {
			this.deadlines.removeIf(Request::isDone);
		}
	}

	/** Fails the requests whose deadline has passed, earliest first, and the waiting commands that expired. */
	void expire(long now) {
		Request<?> next;
		while ((next = this.deadlines.peek()) != null && (next.isDone() || next.deadline - now <= 0)) {
			this.deadlines.poll();
			if (next.isDone()) {
				continue;
			}
			if (next.id >= 0) {
				this.inFlight.remove(next.id);
			}
			next.fail(next.expired());
		}
		if (!this.backlog.isEmpty()) {
			this.backlog.removeIf((command) -> command.expireIfDue(now));
		}
	}

	/** When the owner must look again at the latest ({@link SocketLoop#NO_DEADLINE} for never). */
	long nextDeadline(long now) {
		Request next = this.deadlines.peek();
		long deadline = (next != null) ? next.deadline : SocketLoop.NO_DEADLINE;
		if (this.backlog.isEmpty()) {
			return deadline;
		}
		long backlogCheck = now + BACKLOG_CHECK_NANOS;
		return (deadline == SocketLoop.NO_DEADLINE || backlogCheck - deadline < 0) ? backlogCheck : deadline;
	}

	/**
	 * The pipeline is closing: the accepted sends still waiting for room go to {@code sendWaiting}
	 * in order, which may wait for room, until it gives up on one (that one and the rest are left
	 * for {@link #failAll}). Requests are skipped: no reply could be read any more.
	 */
	void sendAcceptedBeforeClose(Predicate<List<byte[]>> sendWaiting) {
		Iterator<Command> waiting = this.backlog.iterator();
		while (waiting.hasNext()) {
			if (waiting.next() instanceof AcceptedSend send && !send.isDone()) {
				if (!sendWaiting.test(send.frames)) {
					return;
				}
				send.handOver();
				waiting.remove();
			}
		}
	}

	/** Fails everything still pending: the pipeline is closing. */
	void failAll(Throwable error) {
		this.backlog.forEach((command) -> command.fail(error));
		this.backlog.clear();
		this.inFlight.values().forEach((request) -> request.fail(error));
		this.inFlight.clear();
		this.deadlines.forEach((request) -> request.fail(error));
		this.deadlines.clear();
	}

	long discardedReplies() {
		return this.discardedReplies.get();
	}

	int inFlightCount() {
		return this.inFlight.size();
	}

	int deadlineQueueSize() {
		return this.deadlines.size();
	}

	int backlogSize() {
		return this.backlog.size();
	}

	/** Told once of each request's end, on the thread that ends it (the owner's). */
	@FunctionalInterface
	interface RequestEnd {

		RequestEnd NONE = (request, error) -> {
		};

		/** @param error why it failed, or {@code null} when the reply came */
		void ended(Request<?> request, @Nullable Throwable error);

	}

	/** The socket, as the bookkeeping needs it: sends that never wait. */
	interface Wire {

		/**
		 * Sends {@code [id][""][frames…]}.
		 * @return false when the socket has no room (nothing was sent)
		 */
		boolean sendRequest(long id, List<byte[]> frames);

		/**
		 * Sends the frames as they are.
		 * @return false when the socket has no room (nothing was sent)
		 */
		boolean sendOneWay(List<byte[]> frames);

	}

	/**
	 * Something a caller queued for the owner thread; running it hands it to the bookkeeping.
	 */
	abstract static sealed class Command implements Runnable permits Request, OneWay, AcceptedSend {

		final PendingRequests book;

		final List<byte[]> frames;

		final long deadline;

		Command(PendingRequests book, List<byte[]> frames, long deadline) {
			this.book = book;
			this.frames = frames;
			this.deadline = deadline;
		}

		@Override
		public void run() {
			this.book.submit(this);
		}

		abstract boolean sendOn(PendingRequests book);

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

	static final class Request<T> extends Command {

		final Duration timeout;

		final long started;

		private final Function<List<byte[]>, T> reader;

		final CompletableFuture<T> reply = new CompletableFuture<>();

		long id = -1;

		// Set on the first end, so that the socket's counts see each request end once, even when
		// its caller completed or cancelled the future itself.
		private boolean ended;

		Request(PendingRequests book, List<byte[]> frames, long started, long deadline, Duration timeout,
				Function<List<byte[]>, T> reader) {
			super(book, frames, deadline);
			this.started = started;
			this.timeout = timeout;
			this.reader = reader;
		}

		@Override
		boolean sendOn(PendingRequests book) {
			return book.sendRequest(this);
		}

		void succeed(List<byte[]> frames) {
			if (!end(null)) {
				return;
			}
			T value;
			try {
				value = this.reader.apply(frames);
			}
			catch (RuntimeException | Error ex) {
				// As a thenApply stage reports a failed function.
				this.reply.completeExceptionally(new CompletionException(ex));
				return;
			}
			this.reply.complete(value);
		}

		@Override
		void fail(Throwable error) {
			if (end(error)) {
				// Wrapped as a dependent stage would see it; get() and join() unwrap it as before.
				this.reply.completeExceptionally(new CompletionException(error));
			}
		}

		private boolean end(@Nullable Throwable error) {
			if (this.ended) {
				return false;
			}
			this.ended = true;
			this.book.requestEnd.ended(this, error);
			return true;
		}

		@Override
		boolean isDone() {
			return this.ended;
		}

		@Override
		Throwable expired() {
			return new ZmqRequestTimeoutException(this.book.socketName, this.timeout);
		}

	}

	static final class OneWay extends Command {

		final CompletableFuture<Boolean> sent = new CompletableFuture<>();

		OneWay(PendingRequests book, List<byte[]> frames, long deadline) {
			super(book, frames, deadline);
		}

		@Override
		boolean sendOn(PendingRequests book) {
			boolean queued = book.wire.sendOneWay(this.frames);
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
			return this.book.refusal.get();
		}

	}

	static final class AcceptedSend extends Command {

		private final Runnable handedOver;

		private boolean done;

		AcceptedSend(PendingRequests book, List<byte[]> frames, Runnable handedOver) {
			super(book, frames, 0);
			this.handedOver = handedOver;
		}

		@Override
		boolean sendOn(PendingRequests book) {
			if (!book.wire.sendOneWay(this.frames)) {
				return false;
			}
			handOver();
			return true;
		}

		void handOver() {
			if (!this.done) {
				this.done = true;
				this.handedOver.run();
			}
		}

		/** Nobody waits to be told: the message is lost, counted as a drop. */
		@Override
		void fail(Throwable error) {
			if (!this.done) {
				handOver();
				this.book.recordDrop.run();
			}
		}

		@Override
		boolean isDone() {
			return this.done;
		}

		// It has no deadline: it waits as long as a message in the socket's own queue would.
		@Override
		boolean expireIfDue(long now) {
			return this.done;
		}

		@Override
		Throwable expired() {
			return this.book.refusal.get();
		}

	}

}
