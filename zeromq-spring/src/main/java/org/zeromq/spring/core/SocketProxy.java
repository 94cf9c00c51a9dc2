package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import zmq.Msg;
import zmq.SocketBase;
import zmq.ZError;

/**
 * Forwards whole messages between two sockets on a {@link SocketLoop}, both ways, as
 * {@code ZMQ.proxy} does, but as part of the loop instead of owning a thread: it pauses and
 * resumes through loop commands instead of a control socket, stops with the loop, and counts
 * messages and bytes each way.
 * <p>
 * Frames move as JeroMQ {@code Msg} objects, without copying. A message is taken from its
 * source only when the destination takes its first frame; when the destination has no room (its
 * high-water mark), the frame waits and the source is not read until the destination can take
 * it, so back-pressure reaches the sender as it would without a proxy. A message a ROUTER
 * destination cannot route (a peer that left, or one at its mark) is dropped and counted.
 * <p>
 * Forwarding is bounded per turn of the loop, so that commands and the other direction get
 * their turn under a steady stream.
 * <p>
 * With a capture socket, every message forwarded either way is also sent there whole, as
 * {@code ZMQ.proxy} does, once its last frame has been forwarded, so that the capture stream
 * never mixes the frames of two messages even when one direction waits mid-message. The copies
 * share the frames' bytes. A capture socket with no room drops the copy and counts it: a
 * wiretap never slows the traffic it watches.
 */
public final class SocketProxy {

	/** For a direction whose drops nobody counts. */
	private static final LongConsumer NO_DROPS = (count) -> {
	};

	// Messages forwarded each way per turn of the loop before it polls again: a poll costs more
	// than a message, so a busy proxy drains in batches, but a bounded one.
	private static final int BATCH = 256;

	private static final Log logger = LogFactory.getLog(SocketProxy.class);

	private final SocketLoop loop;

	private final SocketLoop.Registration front;

	private final SocketLoop.Registration back;

	private final Direction frontToBack;

	private final Direction backToFront;

	private final @Nullable Capture capture;

	private boolean paused;

	// Loop-thread state: set once for a stop, after which the front is no longer read.
	private boolean frontClosed;

	/** Registers both sockets on {@code loop}, which owns them from now on; call before the loop starts. */
	public SocketProxy(SocketLoop loop, ZMQ.Socket frontend, ZMQ.Socket backend) {
		this(loop, frontend, backend, null, NO_DROPS);
	}

	/**
	 * Registers the sockets on {@code loop}, which owns them from now on; call before the loop
	 * starts.
	 * @param capture receives a copy of every message forwarded either way, or {@code null}
	 */
	public SocketProxy(SocketLoop loop, ZMQ.Socket frontend, ZMQ.Socket backend, ZMQ.@Nullable Socket capture) {
		this(loop, frontend, backend, capture, NO_DROPS);
	}

	/**
	 * Registers both sockets on {@code loop}, which owns them from now on; call before the loop starts.
	 * @param droppedAtFront told on the loop thread, once per batch, how many messages from the
	 * back socket the front one could not route
	 */
	public SocketProxy(SocketLoop loop, ZMQ.Socket frontend, ZMQ.Socket backend, LongConsumer droppedAtFront) {
		this(loop, frontend, backend, null, droppedAtFront);
	}

	/**
	 * Registers the sockets on {@code loop}, which owns them from now on; call before the loop
	 * starts.
	 * @param capture receives a copy of every message forwarded either way, or {@code null}
	 * @param droppedAtFront told on the loop thread, once per batch, how many messages from the
	 * back socket the front one could not route
	 */
	public SocketProxy(SocketLoop loop, ZMQ.Socket frontend, ZMQ.Socket backend, ZMQ.@Nullable Socket capture,
			LongConsumer droppedAtFront) {
		this.loop = loop;
		this.front = loop.register(frontend, 0, this::frontReady);
		this.back = loop.register(backend, 0, this::backReady);
		// Never polled: the loop only owns it, so that it closes it with the others.
		this.capture = (capture != null) ? new Capture(loop.register(capture, 0, (events) -> {
		}).socket()) : null;
		FailureLog drops = new FailureLog(logger, "The " + loop.name());
		this.frontToBack = new Direction(frontend, backend, this.capture, drops, NO_DROPS);
		this.backToFront = new Direction(backend, frontend, this.capture, drops, droppedAtFront);
		updateInterest();
	}

	/** Messages forwarded from the front socket to the back one. */
	public Traffic frontToBack() {
		return this.frontToBack.traffic;
	}

	/** Messages forwarded from the back socket to the front one. */
	public Traffic backToFront() {
		return this.backToFront.traffic;
	}

	/**
	 * Copies sent to the capture socket, and copies it had no room for as {@link Traffic#dropped()};
	 * all zero without one.
	 */
	public Traffic capture() {
		return (this.capture != null) ? this.capture.traffic : Capture.NONE;
	}

	/**
	 * Stops or restarts taking new messages (a message half forwarded is finished). The future
	 * completes once the loop has taken the change.
	 */
	public CompletableFuture<Void> setPaused(boolean paused) {
		return this.loop.submit(() -> {
			this.paused = paused;
			updateInterest();
		});
	}

	/**
	 * Loop thread: forwards from back to front what the back socket holds now, without waiting
	 * for more; for a stop, so that replies that came in with the stop still reach their clients.
	 */
	public void flushBackToFront() {
		this.backToFront.forward(Integer.MAX_VALUE, false);
	}

	/**
	 * Loop thread: forwards what both sockets hold now, each way, without waiting for more or
	 * for room (a paused proxy only finishes the messages it began); for a stop, so that what
	 * reached the proxy before it still goes on while its peers can take it.
	 */
	public void flush() {
		this.frontToBack.forward(Integer.MAX_VALUE, this.paused);
		this.backToFront.forward(Integer.MAX_VALUE, this.paused);
	}

	private void frontReady(int events) {
		if ((events & ZMQ.Poller.POLLIN) != 0) {
			this.frontToBack.forward(BATCH, this.paused || this.frontClosed);
		}
		if ((events & ZMQ.Poller.POLLOUT) != 0) {
			this.backToFront.forward(BATCH, this.paused);
		}
		updateInterest();
	}

	private void backReady(int events) {
		if ((events & ZMQ.Poller.POLLIN) != 0) {
			this.backToFront.forward(BATCH, this.paused);
		}
		if ((events & ZMQ.Poller.POLLOUT) != 0) {
			this.frontToBack.forward(BATCH, this.paused || this.frontClosed);
		}
		updateInterest();
	}

	/**
	 * Loop thread: forwards to the back socket what the front one holds now (as far as the back
	 * has room), then reads the front no more; replies still flow back. For a stop, so that the
	 * workers behind the proxy get every message that had arrived before it.
	 */
	public void closeFront() {
		this.frontToBack.forward(Integer.MAX_VALUE, false);
		this.frontClosed = true;
		updateInterest();
	}

	// A socket is read while its direction may take a message, and watched for room while the
	// other direction holds a frame for it.
	private void updateInterest() {
		this.front.interest(this.frontToBack.readInterest(this.paused || this.frontClosed) | this.backToFront.writeInterest());
		this.back.interest(this.backToFront.readInterest(this.paused) | this.frontToBack.writeInterest());
	}

	private static boolean canReceive(SocketType type) {
		return type != SocketType.PUSH && type != SocketType.PUB;
	}

	private static boolean canSend(SocketType type) {
		return type != SocketType.PULL && type != SocketType.SUB;
	}

	/** Counters of one direction; read from any thread. */
	public interface Traffic {

		/** Whole messages forwarded. */
		long messages();

		/** Bytes of all their frames. */
		long bytes();

		/** Messages dropped because the destination could not route them. */
		long dropped();

	}

	/**
	 * The counters behind a {@link Traffic}: written by the loop thread only, so a plain add
	 * published with {@code lazySet} is enough (no read-modify-write race), and read anywhere.
	 */
	private static final class TrafficCount implements Traffic {

		private final AtomicLong messages = new AtomicLong();

		private final AtomicLong bytes = new AtomicLong();

		private final AtomicLong dropped = new AtomicLong();

		/** Counts whole messages sent on and their bytes; loop thread only. */
		void forwarded(long messages, long bytes) {
			this.messages.lazySet(this.messages.get() + messages);
			this.bytes.lazySet(this.bytes.get() + bytes);
		}

		/** Counts messages dropped; loop thread only. */
		void dropped(long messages) {
			this.dropped.lazySet(this.dropped.get() + messages);
		}

		@Override
		public long messages() {
			return this.messages.get();
		}

		@Override
		public long bytes() {
			return this.bytes.get();
		}

		@Override
		public long dropped() {
			return this.dropped.get();
		}

	}

	private static final class Direction {

		private final SocketBase source;

		private final SocketBase destination;

		private final boolean enabled;

		private final boolean destinationRoutes;

		private final @Nullable Capture capture;

		// Copies of the frames of the message being forwarded, for the capture socket.
		private final List<Msg> captured = new ArrayList<>();

		private final TrafficCount traffic = new TrafficCount();

		private final FailureLog drops;

		private final LongConsumer droppedListener;

		// Loop-thread state.
		private @Nullable Msg waiting;

		private boolean midMessage;

		private boolean discarding;

		Direction(ZMQ.Socket source, ZMQ.Socket destination, @Nullable Capture capture, FailureLog drops,
				LongConsumer droppedListener) {
			this.drops = drops;
			this.droppedListener = droppedListener;
			this.source = source.base();
			this.destination = destination.base();
			this.capture = capture;
			this.enabled = canReceive(source.getSocketType()) && canSend(destination.getSocketType());
			this.destinationRoutes = destination.getSocketType() == SocketType.ROUTER;
		}

		int readInterest(boolean paused) {
			boolean reads = this.enabled && this.waiting == null && (!paused || this.midMessage || this.discarding);
			return reads ? ZMQ.Poller.POLLIN : 0;
		}

		int writeInterest() {
			return (this.waiting != null) ? ZMQ.Poller.POLLOUT : 0;
		}

		/**
		 * Forwards up to {@code limit} messages, and always the rest of a message begun; stops at
		 * once when the source is empty or the destination full.
		 */
		void forward(int limit, boolean paused) {
			if (!this.enabled) {
				return;
			}
			long forwarded = 0;
			long forwardedBytes = 0;
			long droppedNow = 0;
			try {
				while (this.waiting != null || this.midMessage || this.discarding || (!paused && forwarded + droppedNow < limit)) {
					Msg part = this.waiting;
					this.waiting = null;
					if (part == null) {
						part = this.source.recv(ZMQ.DONTWAIT);
						if (part == null) {
							failUnlessEmpty(this.source, "receive");
							return;
						}
						if (this.discarding) {
							this.discarding = part.hasMore();
							continue;
						}
					}
					boolean more = part.hasMore();
					int size = part.size();
					// Taken before the send, which hands the Msg to the destination's pipe.
					Msg copy = (this.capture != null) ? new Msg(part) : null;
					if (this.destination.send(part, more ? ZMQ.SNDMORE | ZMQ.DONTWAIT : ZMQ.DONTWAIT)) {
						// The Msg now belongs to the destination's pipe: only what was read before counts.
						forwardedBytes += size;
						this.midMessage = more;
						if (copy != null) {
							this.captured.add(copy);
						}
						if (!more) {
							forwarded++;
							if (this.capture != null) {
								this.capture.send(this.captured);
							}
						}
					}
					else if (this.destinationRoutes || this.destination.errno() == ZError.EHOSTUNREACH) {
						// A ROUTER says it has room whenever asked, so waiting for room would spin: drop.
						failUnless(this.destination, "send", ZError.EAGAIN, ZError.EHOSTUNREACH);
						this.midMessage = false;
						this.discarding = more;
						// Only what was forwarded is captured.
						this.captured.clear();
						droppedNow++;
					}
					else {
						failUnless(this.destination, "send", ZError.EAGAIN, ZError.EAGAIN);
						this.waiting = part;
						return;
					}
				}
			}
			finally {
				// Published once per batch: one writer (the loop thread), readers anywhere.
				if (forwarded != 0 || forwardedBytes != 0) {
					this.traffic.forwarded(forwarded, forwardedBytes);
				}
				if (droppedNow != 0) {
					this.traffic.dropped(droppedNow);
					this.drops.record("dropped messages it could not route (their peer left, or is at its high-water mark)",
							droppedNow + " in one batch", null, droppedNow);
					this.droppedListener.accept(droppedNow);
				}
			}
		}

		private static void failUnlessEmpty(SocketBase socket, String operation) {
			failUnless(socket, operation, ZError.EAGAIN, ZError.EAGAIN);
		}

		private static void failUnless(SocketBase socket, String operation, int expected, int alsoExpected) {
			int errno = socket.errno();
			if (errno != expected && errno != alsoExpected) {
				throw new ZmqException("Proxy " + operation + " failed with ZeroMQ error " + errno);
			}
		}

	}


	/** The capture socket and its counters; sent to on the loop thread only. */
	private static final class Capture {

		static final Traffic NONE = new TrafficCount();

		private final @Nullable SocketBase socket;

		private final TrafficCount traffic = new TrafficCount();

		Capture(ZMQ.@Nullable Socket socket) {
			this.socket = (socket != null) ? socket.base() : null;
		}

		/** Sends the copies of one whole message, or drops them all when the socket has no room; clears the list. */
		void send(List<Msg> frames) {
			SocketBase target = this.socket;
			if (target == null || frames.isEmpty()) {
				frames.clear();
				return;
			}
			long size = 0;
			int last = frames.size() - 1;
			for (int i = 0; i <= last; i++) {
				Msg frame = frames.get(i);
				int frameSize = frame.size();
				int flags = (i < last) ? ZMQ.SNDMORE | ZMQ.DONTWAIT : ZMQ.DONTWAIT;
				if (!target.send(frame, flags)) {
					// Only the first frame can be refused: a pipe that took it takes the rest of the message.
					Direction.failUnless(target, "capture", ZError.EAGAIN, ZError.EAGAIN);
					this.traffic.dropped(1);
					frames.clear();
					return;
				}
				size += frameSize;
			}
			frames.clear();
			this.traffic.forwarded(1, size);
		}

	}

}
