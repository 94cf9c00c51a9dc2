package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.core.FailureLog;
import org.zeromq.spring.core.Frames;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.SocketClosingException;
import org.zeromq.spring.core.RequestOutcome;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.ZmqException;

/**
 * Owns one DEALER socket on a {@link SocketLoop} so that many requests can be in flight at once:
 * callers queue requests from any thread, the owner sends them with a correlation envelope
 * {@code [id][""][payload…]}, reads replies as they come (any REP or ROUTER peer echoes the
 * envelope) and completes the matching future, or fails it at its deadline. The bookkeeping is
 * {@link PendingRequests}; this class connects it to the socket and the loop.
 * <p>
 * One-way sends under {@link HwmPolicy#BLOCK} do not wait for the owner: the caller takes one of
 * send-hwm permits (waiting up to the send-timeout when none is free, then failing as a blocked
 * send does) and returns; the owner gives the permit back once the socket has the message. So
 * the owner holds at most send-hwm accepted messages besides the socket's own queue, in the
 * order they were sent. Under {@link HwmPolicy#FAIL} and {@link HwmPolicy#DROP} the caller must
 * learn whether the socket took the message, so it waits for the owner's answer.
 */
final class DealerRequester implements AutoCloseable, PendingRequests.Wire, PendingRequests.RequestEnd,
		SocketLoop.Schedule {

	private static final Log logger = LogFactory.getLog(DealerRequester.class);

	private static final byte[] DELIMITER = new byte[0];

	private static final int LISTENING = ZMQ.Poller.POLLIN;

	private static final int LISTENING_AND_WAITING_FOR_ROOM = ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT;

	private final ManagedSocket managed;

	private final ZMQ.Socket socket;

	private final SocketLoop loop;

	private final SocketLoop.Registration registration;

	private final PendingRequests pending;

	private final FailureLog failures;

	// Under BLOCK: one per accepted one-way send the socket has not taken yet. Null otherwise.
	private final @Nullable Semaphore sendPermits;

	private final int sendPermitCount;

	private volatile boolean stopping;

	// Owner thread: accepted sends the socket took whose permits have not gone back yet. They go
	// back in eighths of the permits (and at the end of each turn), so that a sender waiting for
	// permits wakes a few times per batch rather than once per message, and refills the queue
	// while the owner still sends the rest of the batch.
	private int handedOver;

	private final int permitReturnBatch;

	// Owner thread, closing: when accepted sends stop waiting for room.
	private boolean lingering;

	private long lingerEnd;

	DealerRequester(ManagedSocket managed, ZContext context) {
		this.managed = managed;
		this.socket = managed.claim("the request pipeline of ZmqTemplate");
		this.pending = new PendingRequests(managed.name(), managed.spec().hwmPolicy(), this, managed::recordDrop,
				managed::refusal, this, PendingRequests.DEADLINE_SLACK);
		this.failures = new FailureLog(logger, "The request pipeline of socket '" + managed.name() + "'");
		this.sendPermitCount = sendPermits(this.socket.getSndHWM());
		this.sendPermits = (managed.spec().hwmPolicy() == HwmPolicy.BLOCK) ? new Semaphore(this.sendPermitCount) : null;
		this.permitReturnBatch = Math.max(1, this.sendPermitCount / 8);
		this.loop = new SocketLoop(context, "the request pipeline of socket '" + managed.name() + "'");
		this.registration = this.loop.register(this.socket, LISTENING, (events) -> readReplies());
		this.loop.schedule(this);
		// Commands queued before close still run (one-way sends must not be lost), accepted sends
		// still waiting for room get the socket's linger to go out; then whatever has no reply yet
		// fails, and the loop closes the socket.
		this.loop.onStop(() -> {
			this.pending.sendAcceptedBeforeClose(this::sendBeforeClose);
			this.pending.failAll(closed());
			// Also when the loop ended on an error: nobody may wait for a permit that never comes.
			releaseWaitingSenders();
		});
		this.loop.onRejected((command) -> ((PendingRequests.Command) command).fail(closed()));
	}

	// As many as the socket queues per peer; "no limit" (0) still gets a bound, since these wait
	// in the application's memory and their callers are not told when a peer never comes.
	static int sendPermits(int sendHwm) {
		return (sendHwm <= 0) ? 1000 : Math.min(sendHwm, Integer.MAX_VALUE / 2);
	}

	/** Starts the owner on a thread of {@code executor}. */
	void start(Executor executor) {
		this.loop.start(executor);
	}

	/**
	 * Queues a request; its future completes on the owner thread with the reply read by
	 * {@code reader}, or exceptionally (a {@link ZmqRequestTimeoutException} at the deadline, a
	 * {@link SocketClosingException} at close, the reader's exception).
	 */
	<T> CompletableFuture<T> request(List<byte[]> frames, Duration timeout, Function<List<byte[]>, T> reader) {
		long started = System.nanoTime();
		PendingRequests.Request<T> request = this.pending.request(frames, started, started + timeout.toNanos(), timeout,
				reader);
		this.managed.status().requestStarted();
		submit(request);
		return request.reply;
	}

	@Override
	public void ended(PendingRequests.Request<?> request, @Nullable Throwable error) {
		SocketStatus status = this.managed.status();
		status.requestEnded(outcome(status, error, request.timeout), System.nanoTime() - request.started);
	}

	private static RequestOutcome outcome(SocketStatus status, @Nullable Throwable error, Duration timeout) {
		if (error == null) {
			return RequestOutcome.SUCCESS;
		}
		if (error instanceof ZmqRequestTimeoutException) {
			ZmqTemplate.timedOut(status, timeout);
			return RequestOutcome.TIMEOUT;
		}
		return RequestOutcome.ERROR;
	}

	/**
	 * A one-way send, with the result a locked send would have: under {@link HwmPolicy#BLOCK}
	 * {@code true} once accepted (see the class comment), else once the socket took it or not.
	 * @throws org.zeromq.spring.core.ZmqSendException when refused (under BLOCK: no permit within
	 * the send-timeout)
	 * @throws SocketClosingException when the pipeline is closing
	 */
	boolean send(List<byte[]> frames, Duration sendTimeout) {
		Semaphore permits = this.sendPermits;
		if (permits == null) {
			PendingRequests.OneWay oneWay = this.pending.oneWay(frames, System.nanoTime() + sendTimeout.toNanos());
			submit(oneWay);
			return ZmqTemplate.await(this.managed.name(), oneWay.sent, sendTimeout.plusSeconds(5)).join();
		}
		acquire(permits, sendTimeout);
		if (this.stopping || !this.loop.execute(this.pending.accepted(frames, this::handedOver))) {
			permits.release();
			throw closed();
		}
		return true;
	}

	private void acquire(Semaphore permits, Duration sendTimeout) {
		boolean acquired;
		try {
			acquired = permits.tryAcquire() || permits.tryAcquire(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting to send on socket '" + this.managed.name() + "'", ex);
		}
		if (!acquired) {
			throw this.managed.refusal();
		}
	}

	long discardedReplies() {
		return this.pending.discardedReplies();
	}

	private void submit(PendingRequests.Command command) {
		if (!this.loop.execute(command)) {
			command.fail(closed());
		}
	}

	private void readReplies() {
		List<byte[]> frames;
		long read = 0;
		while ((frames = Frames.receive(this.socket, ZMQ.DONTWAIT)) != null) {
			if (!this.pending.reply(frames)) {
				// Peers can send anything: the log shows the message's shape, never its bytes.
				this.failures.record("discarded a message that matched no request in flight (a reply that came after"
						+ " its request timed out, or not a reply to this socket)", shape(frames), null);
			}
			read++;
		}
		if (read > 0) {
			this.managed.status().recordReceived(read);
		}
		this.pending.sweepCompleted();
	}

	private static String shape(List<byte[]> frames) {
		StringBuilder shape = new StringBuilder().append(frames.size()).append(" frame(s) of ");
		for (int i = 0; i < frames.size() && i < 8; i++) {
			shape.append((i == 0) ? "" : ", ").append(frames.get(i).length);
		}
		return shape.append((frames.size() > 8) ? ", … bytes" : " bytes").toString();
	}

	@Override
	public long nextDeadline() {
		return this.pending.nextDeadline(System.nanoTime());
	}

	private void handedOver() {
		if (++this.handedOver >= this.permitReturnBatch) {
			returnPermits();
		}
	}

	@Override
	public void runDue(long now) {
		returnPermits();
		this.pending.sendBacklog(now);
		this.pending.expire(now);
		returnPermits();
		// POLLOUT only while something waits for room: a DEALER with room is writable all the time.
		this.registration.interest(this.pending.hasBacklog() ? LISTENING_AND_WAITING_FOR_ROOM : LISTENING);
	}

	private void returnPermits() {
		Semaphore permits = this.sendPermits;
		if (permits != null && this.handedOver > 0) {
			permits.release(this.handedOver);
			this.handedOver = 0;
		}
	}

	@Override
	public boolean sendRequest(long id, List<byte[]> frames) {
		byte[] idFrame = new byte[Long.BYTES];
		for (int i = Long.BYTES - 1; i >= 0; i--) {
			idFrame[i] = (byte) id;
			id >>>= 8;
		}
		if (!this.socket.send(idFrame, ZMQ.DONTWAIT | ZMQ.SNDMORE)) {
			return false;
		}
		// Once the first frame is taken, the rest of the message is too (the mark counts messages).
		this.socket.send(DELIMITER, ZMQ.SNDMORE);
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			this.socket.send(frames.get(i), (i == last) ? 0 : ZMQ.SNDMORE);
		}
		this.managed.status().recordSent();
		return true;
	}

	@Override
	public boolean sendOneWay(List<byte[]> frames) {
		if (Frames.send(this.socket, frames, ZMQ.DONTWAIT)) {
			this.managed.status().recordSent();
			return true;
		}
		return false;
	}

	// Owner thread, closing: an accepted send the socket has no room for waits for room until the
	// socket's linger, counted from the first wait, has passed, as it would in the socket's own queue.
	private boolean sendBeforeClose(List<byte[]> frames) {
		if (sendOneWay(frames)) {
			return true;
		}
		long now = System.nanoTime();
		if (!this.lingering) {
			this.lingering = true;
			this.lingerEnd = now + TimeUnit.MILLISECONDS.toNanos(Math.max(0, this.socket.getLinger()));
		}
		long waitMillis = TimeUnit.NANOSECONDS.toMillis(this.lingerEnd - now);
		if (waitMillis <= 0) {
			return false;
		}
		try {
			this.socket.setSendTimeOut((int) Math.min(Integer.MAX_VALUE, waitMillis));
			if (Frames.send(this.socket, frames, 0)) {
				this.managed.status().recordSent();
				return true;
			}
			return false;
		}
		catch (ZMQException ex) {
			// The context is terminating under it: what is left is dropped and counted.
			return false;
		}
	}

	private ZmqException closed() {
		return new SocketClosingException("Socket '" + this.managed.name() + "' is closing with the application:"
				+ " the request was not completed");
	}

	/**
	 * Asks the owner to stop and returns: queued one-way sends go out, requests without a reply
	 * fail, and the owner closes its socket itself. Calling it again does nothing more.
	 */
	void stop() {
		this.loop.stop();
		releaseWaitingSenders();
	}

	// Callers waiting for a permit wake, see the stop and fail; each gives its permit on. Once
	// is enough: the permits available never exceed twice the count.
	private void releaseWaitingSenders() {
		Semaphore permits = this.sendPermits;
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
		}
		if (permits != null) {
			permits.release(this.sendPermitCount);
		}
	}

	/** Waits for the owner to have stopped; logs when it has not within the time. */
	void awaitStopped(Duration timeout) {
		try {
			if (!this.loop.awaitTermination(timeout)) {
				logger.warn("The request pipeline of socket '" + this.managed.name() + "' did not stop within "
						+ timeout.toMillis() + " ms; it stops on its own once its thread returns to the loop");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** {@link #stop()}, then waits for it as long as the socket's linger and 5 s more. */
	@Override
	public void close() {
		stop();
		awaitStopped(Duration.ofMillis(Math.max(0, this.socket.getLinger())).plusSeconds(5));
	}

}
