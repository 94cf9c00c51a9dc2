package org.zeromq.spring.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Wakes a thread that is blocked in a ZeroMQ poll, without interrupting it (an interrupt can
 * leave JeroMQ's context unable to close). The owner polls {@link #receiver()} together with its
 * sockets; any thread may call {@link #signal()}. Signals collapse: one wake-up stands for all
 * signals since the owner last called {@link #drain()}, so a busy sender costs one inproc
 * message per owner wake-up, not one per call. An owner that drains only when it has run out of
 * work and may sleep ({@link SocketLoop} does) leaves it signalled while busy, and then callers
 * send nothing at all.
 */
public final class Wakeup implements AutoCloseable {

	private static final byte[] SIGNAL = new byte[0];

	private static final AtomicLong endpoints = new AtomicLong();

	private final ZMQ.Socket receiver;

	private final ZMQ.Socket sender;

	private final ReentrantLock senderLock = new ReentrantLock();

	private final AtomicBoolean signalled = new AtomicBoolean();

	private boolean closed;

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

	/** Wakes the owner unless a wake-up is already pending. Safe from any thread. */
	public void signal() {
		if (this.signalled.compareAndSet(false, true)) {
			this.senderLock.lock();
			try {
				if (!this.closed) {
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
		while (this.receiver.recv(ZMQ.DONTWAIT) != null) {
			// each frame is one collapsed wake-up
		}
		this.signalled.set(false);
	}

	/** Owner thread, once it stops polling: closes its end. */
	public void closeReceiver() {
		this.receiver.close();
	}

	/** Closes the signalling end; call after the owner has stopped. */
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
