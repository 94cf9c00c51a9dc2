package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.core.DropReason;
import org.zeromq.spring.core.Frames;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.SocketStatus;

/**
 * One listening socket on a {@link SocketLoop} of its own: the loop polls the socket together
 * with its wake-up, so that the listener idles without CPU, reacts at once to a message and
 * stops at once without an interrupt; messages are handled on the loop's thread, replies go out
 * on the same socket, and the loop closes the socket when it stops.
 */
final class ListenerWorker {

	private static final Log logger = LogFactory.getLog(ListenerWorker.class);

	// Messages handled per wake-up before polling again; draining without polling is what makes a
	// busy listener cheap (a JeroMQ poll allocates a map and selects twice).
	private static final int BATCH = 256;

	// How long a drain waits for the next message before going back to the poll. Measured: with a
	// steady stream the queue is often empty for a few microseconds between messages, and going
	// back to the poll each time took over half the listener's CPU (raw JeroMQ loops block in
	// recv instead). A blocking receive waits as cheaply as the raw loop and ends at once when a
	// message comes. 5 ms rather than 1: request/reply p99 was 6–8× raw JeroMQ's with 1 ms (every
	// client pause of a millisecond sent the listener through the poll) and 1.04× with 5 ms. It
	// delays a stop or a pause by 5 ms at most; pause() waits for the loop, so it stays exact.
	private static final int NEXT_MESSAGE_WAIT_MILLIS = 5;

	// At most this many messages already queued are handled when the worker stops (see drainQueued).
	static final int STOP_DRAIN_LIMIT = 10_000;

	private final ZMQ.Socket socket;

	private final MessageDispatcher dispatcher;

	private final SocketLoop loop;

	private final SocketLoop.Registration listening;

	// Releases a reply send that waits for room, when the stop has waited long enough.
	private final ZMQ.CancellationToken cancellation;

	// System.nanoTime() until which a stop handles what the socket already holds.
	private volatile long stopDeadline;

	private final SocketStatus status;

	private final ReplyTarget replies = new SocketReplies();

	/**
	 * @param name what log messages call this worker
	 * @param paused whether it starts paused (reading nothing until resumed)
	 */
	ListenerWorker(String name, ZContext context, ZMQ.Socket socket, MessageDispatcher dispatcher, boolean paused,
			SocketStatus status) {
		this.socket = socket;
		this.dispatcher = dispatcher;
		this.status = status;
		this.loop = new SocketLoop(context, name);
		// Set before the loop starts, which hands the socket over with a happens-before edge. The
		// listener is this socket's only user and never waits on it except in drain().
		socket.setReceiveTimeOut(NEXT_MESSAGE_WAIT_MILLIS);
		this.listening = this.loop.register(socket, paused ? 0 : ZMQ.Poller.POLLIN, (events) -> drain());
		this.cancellation = socket.createCancellationToken();
		this.loop.onStop(this::drainQueued);
	}

	void start(Executor executor) {
		this.loop.start(executor);
	}

	/**
	 * Stops taking messages from peers: the message being handled, if any, finishes first, then
	 * what the socket already holds is handled until {@code deadlineNanos} (a
	 * {@link System#nanoTime()}), and the socket closes.
	 */
	void requestStop(long deadlineNanos) {
		this.stopDeadline = deadlineNanos;
		this.loop.stop();
	}

	/**
	 * The stop has waited long enough: a reply send waiting for room gives up at once, so that
	 * the worker ends as soon as its handler returns. Safe from any thread.
	 */
	void abandon() {
		this.cancellation.cancel();
	}

	/** The worker's thread while it runs, or {@code null}. */
	@Nullable Thread thread() {
		return this.loop.thread();
	}

	/**
	 * Pauses or resumes reading. The future completes once the worker's thread has taken the
	 * change (so that nothing sent after a completed pause is handled), or at once when the
	 * worker has stopped; the message being handled, if any, finishes first.
	 */
	CompletableFuture<Void> setPaused(boolean paused) {
		return this.loop.submit(() -> this.listening.interest(paused ? 0 : ZMQ.Poller.POLLIN));
	}

	/** @return whether the worker ended (its socket closed) within the time */
	boolean awaitStop(Duration timeout) throws InterruptedException {
		return this.loop.awaitTermination(timeout);
	}

	private void drain() {
		// Counted once per batch: a received message is one add, not one per message.
		int received = 0;
		try {
			// Back to the loop when a pause or a stop waits, after the message in hand.
			for (int i = 0; i < BATCH && !this.loop.hasPendingWork(); i++) {
				List<byte[]> frames = Frames.receive(this.socket, 0);
				if (frames == null) {
					return;
				}
				received++;
				this.dispatcher.dispatch(frames, this.replies);
			}
		}
		finally {
			if (received > 0) {
				this.status.recordReceived(received);
			}
		}
	}

	// Loop thread, once the stop came and before the socket closes: what the socket already holds
	// was sent before the stop, often by the application itself over inproc (its senders close
	// after its listeners), and would be lost with the socket. A paused listener reads nothing.
	private void drainQueued() {
		if (this.listening.interest() == 0) {
			return;
		}
		try {
			for (int i = 0; i < STOP_DRAIN_LIMIT && System.nanoTime() - this.stopDeadline < 0; i++) {
				List<byte[]> frames = Frames.receive(this.socket, ZMQ.DONTWAIT);
				if (frames == null) {
					return;
				}
				this.dispatcher.dispatch(frames, this.replies);
			}
		}
		catch (RuntimeException ex) {
			// The context is terminating under the worker: nothing more can be read.
			logger.debug("The " + this.loop.name() + " stopped handling queued messages: " + ex);
		}
	}

	// Replies go out on the worker's socket, released by abandon() if they wait for room too long.
	private final class SocketReplies implements ReplyTarget {

		@Override
		public void reply(List<byte[]> envelope, List<byte[]> body) {
			try {
				sent(Frames.send(ListenerWorker.this.socket, envelope, body, 0, ListenerWorker.this.cancellation));
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

		@Override
		public void reply(List<byte[]> envelope, byte[] frame) {
			try {
				sent(Frames.send(ListenerWorker.this.socket, envelope, frame, 0, ListenerWorker.this.cancellation));
			}
			catch (RuntimeException ex) {
				failed(ex);
			}
		}

		private void sent(boolean taken) {
			if (taken) {
				ListenerWorker.this.status.recordSent();
			}
			else {
				ListenerWorker.this.status.recordDropped(DropReason.HWM);
				ListenerWorker.this.dispatcher.failures().record("could not send a reply",
						"the peer took nothing within the send-timeout", null);
			}
		}

		// e.g. a ROUTER with router-mandatory whose peer is gone: the reply is unroutable. Peers
		// cause this at will (a request, then disconnect), hence the rate-limited log.
		private void failed(RuntimeException ex) {
			if (ex instanceof ZMQException zmq && zmq.getErrorCode() == ZMQ.Error.EHOSTUNREACH.getCode()) {
				ListenerWorker.this.status.recordUnroutable();
			}
			ListenerWorker.this.dispatcher.failures().record("could not send a reply", ex.getMessage(), ex);
		}

	}

}
