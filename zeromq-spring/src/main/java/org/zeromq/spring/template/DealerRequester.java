package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.FailureLog;
import org.zeromq.spring.core.Frames;
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
 */
final class DealerRequester implements AutoCloseable, PendingRequests.Wire, SocketLoop.Schedule {

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

	DealerRequester(ManagedSocket managed, ZContext context) {
		this.managed = managed;
		this.socket = managed.claim("the request pipeline of ZmqTemplate");
		this.pending = new PendingRequests(managed.name(), managed.spec().hwmPolicy(), this, managed::recordDrop,
				managed::refusal);
		this.failures = new FailureLog(logger, "The request pipeline of socket '" + managed.name() + "'");
		this.loop = new SocketLoop(context, "the request pipeline of socket '" + managed.name() + "'");
		this.registration = this.loop.register(this.socket, LISTENING, (events) -> readReplies());
		this.loop.schedule(this);
		// Commands queued before close still run (one-way sends must not be lost); then whatever
		// has no reply yet fails, and the loop closes the socket.
		this.loop.onStop(() -> this.pending.failAll(closed()));
		this.loop.onRejected((command) -> ((PendingRequests.Command) command).fail(closed()));
	}

	/** Starts the owner on a thread of {@code executor}. */
	void start(Executor executor) {
		this.loop.start(executor);
	}

	CompletableFuture<List<byte[]>> request(List<byte[]> frames, Duration timeout) {
		long started = System.nanoTime();
		PendingRequests.Request request = this.pending.request(frames, started + timeout.toNanos(), timeout);
		SocketStatus status = this.managed.status();
		status.requestStarted();
		request.reply.whenComplete((reply, error) -> status.requestEnded(outcome(status, error, timeout),
				System.nanoTime() - started));
		submit(request);
		return request.reply;
	}

	private static RequestOutcome outcome(SocketStatus status, Throwable error, Duration timeout) {
		if (error == null) {
			return RequestOutcome.SUCCESS;
		}
		if (error instanceof ZmqRequestTimeoutException) {
			ZmqTemplate.timedOut(status, timeout);
			return RequestOutcome.TIMEOUT;
		}
		return RequestOutcome.ERROR;
	}

	/** A one-way send; completes with the same result a locked send would return. */
	CompletableFuture<Boolean> send(List<byte[]> frames, Duration sendTimeout) {
		PendingRequests.OneWay oneWay = this.pending.oneWay(frames, System.nanoTime() + sendTimeout.toNanos());
		submit(oneWay);
		return oneWay.sent;
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

	@Override
	public void runDue(long now) {
		this.pending.sendBacklog(now);
		this.pending.expire(now);
		// POLLOUT only while something waits for room: a DEALER with room is writable all the time.
		this.registration.interest(this.pending.hasBacklog() ? LISTENING_AND_WAITING_FOR_ROOM : LISTENING);
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
