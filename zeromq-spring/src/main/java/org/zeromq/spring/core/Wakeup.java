package org.zeromq.spring.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import zmq.SocketBase;

/**
 * Wakes a thread that is blocked in a ZeroMQ poll, without interrupting it (an interrupt can
 * leave JeroMQ's context unable to close). The owner polls {@link #receiver()} together with its
 * sockets; any thread may call {@link #signal()}. Signals collapse: one wake-up stands for all
 * signals since the owner last called {@link #drain()}, so a busy sender costs one inproc
 * message per owner wake-up, not one per call. An owner that drains only when it has run out of
 * work and may sleep ({@link SocketLoop} does) leaves it signalled while busy, and then callers
 * send nothing at all.
 * <p>
 * An owner that waits in one socket alone ({@link #wakeByCancelling}) is woken by cancelling
 * that wait instead: one command to the socket's own mailbox, which the socket's wait already
 * listens to, rather than a message through the inproc pair and a poll of both.
 */
public final class Wakeup implements AutoCloseable {

	private static final byte[] SIGNAL = new byte[0];

	private static final AtomicLong endpoints = new AtomicLong();

	private final ZMQ.Socket receiver;

	private final ZMQ.Socket sender;

	private final ReentrantLock senderLock = new ReentrantLock();

	private final AtomicBoolean signalled = new AtomicBoolean();

	private boolean closed;

	// The socket whose wait signal() cancels, once the owner waits in it alone; null: the pair.
	private volatile @Nullable SocketBase cancelling;

	// The flag the owner's wait in that socket watches; set by signal(), cleared by drain().
	private final AtomicBoolean cancelled = new AtomicBoolean();

	public Wakeup(ZContext context, String purpose) {
		String endpoint = "inproc://zmq-wakeup-" + purpose + "-" + endpoints.incrementAndGet();
		this.receiver = context.createSocket(SocketType.PAIR);
		this.receiver.bind(endpoint);
		this.sender = context.createSocket(SocketType.PAIR);
		this.sender.connect(endpoint);
	}

	/** The socket the owner polls for readability; only the owner thread may touch it. */
	public ZMQ.Socket receiver() {
		return this.receiver;
	}

	/**
	 * Owner thread, before it first waits: from now on the owner waits in {@code socket} alone
	 * (with {@code socket.base().poll(…, cancellation())}), and a signal cancels that wait. Signals
	 * sent through the pair before this call are harmless: the owner looks at its work after
	 * {@link #drain()} in any case.
	 */
	public void wakeByCancelling(ZMQ.Socket socket) {
		this.cancelling = socket.base();
	}

	/** The flag a wait in the socket given to {@link #wakeByCancelling} is cancelled by. */
	public AtomicBoolean cancellation() {
		return this.cancelled;
	}

	/** Wakes the owner unless a wake-up is already pending. Safe from any thread. */
	public void signal() {
		if (this.signalled.compareAndSet(false, true)) {
			this.senderLock.lock();
			try {
				if (this.closed) {
					return;
				}
				SocketBase waiting = this.cancelling;
				if (waiting != null) {
					// A command to the socket's mailbox: thread-safe, as a cancellation token's is.
					waiting.cancel(this.cancelled);
				}
				else {
					this.sender.send(SIGNAL, ZMQ.DONTWAIT);
				}
			}
			finally {
				this.senderLock.unlock();
			}
		}
	}

	/** Whether a wake-up was signalled that the owner has not drained yet. Safe from any thread. */
	public boolean isPending() {
		return this.signalled.get();
	}

	/**
	 * Owner thread: consumes pending wake-ups. Call it before looking at the work the signals
	 * announced, so that work queued after this call signals again.
	 */
	public void drain() {
		if (this.cancelling != null) {
			this.cancelled.set(false);
		}
		else {
			while (this.receiver.recv(ZMQ.DONTWAIT) != null) {
				// each frame is one collapsed wake-up
			}
		}
		this.signalled.set(false);
	}

	/** Owner thread, once it stops polling: closes its end. */
	public void closeReceiver() {
		this.receiver.close();
	}

	/**
	 * Closes the signalling end: no signal is sent from now on. Call once the owner has stopped
	 * waiting, and before it closes a socket it was woken in by cancelling.
	 */
	@Override
	public void close() {
		this.senderLock.lock();
		try {
			this.closed = true;
			this.sender.close();
		}
		finally {
			this.senderLock.unlock();
		}
	}

}
