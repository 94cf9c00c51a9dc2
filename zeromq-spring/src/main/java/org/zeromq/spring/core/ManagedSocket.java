package org.zeromq.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One declared socket and the rule that keeps it safe: a ZeroMQ socket is not thread-safe, so
 * every use happens under this socket's lock, which also gives each use a happens-after edge to
 * the previous one (the "full memory barrier" the guide asks for when a socket changes threads).
 * <p>
 * A socket is either <em>shared</em> (any thread may use it through {@link #execute} or
 * {@link #send}) or <em>claimed</em> by an owner thread (a listener, a request pipeline), which
 * then alone uses and closes it.
 */
public final class ManagedSocket {

	private enum State {

		SHARED, CLAIMED, CLOSED

	}

	private final SocketSpec spec;

	private final List<String> boundEndpoints;

	private final Supplier<ZMQ.Socket> reopener;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicLong dropped = new AtomicLong();

	private ZMQ.Socket socket;

	private State state = State.SHARED;

	private @Nullable String owner;

	ManagedSocket(SocketSpec spec, ZMQ.Socket socket, List<String> boundEndpoints, Supplier<ZMQ.Socket> reopener) {
		this.spec = spec;
		this.socket = socket;
		this.boundEndpoints = boundEndpoints;
		this.reopener = reopener;
	}

	public SocketSpec spec() {
		return this.spec;
	}

	public String name() {
		return this.spec.name();
	}

	/** Bind endpoints as resolved ({@code tcp://127.0.0.1:*} reads back with its real port). */
	public List<String> boundEndpoints() {
		return this.boundEndpoints;
	}

	/** Messages dropped at the high-water mark under {@link HwmPolicy#DROP}. */
	public long droppedCount() {
		return this.dropped.get();
	}

	/** Counts a message that the owner of a claimed socket dropped under {@link HwmPolicy#DROP}. */
	public void recordDrop() {
		this.dropped.incrementAndGet();
	}

	/** Runs {@code action} with exclusive use of the socket. */
	public <T> T execute(Function<ZMQ.Socket, T> action) {
		this.lock.lock();
		try {
			return action.apply(sharedSocket());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends the frames as one (multipart) message, applying the socket's {@link HwmPolicy}.
	 * @return {@code true} when queued, {@code false} when dropped under {@link HwmPolicy#DROP}
	 * @throws ZmqSendException when the socket is full under {@link HwmPolicy#BLOCK} (after its
	 * send-timeout) or {@link HwmPolicy#FAIL}
	 */
	public boolean send(List<byte[]> frames) {
		this.lock.lock();
		try {
			return sendFrames(sharedSocket(), frames);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends on a socket the caller already holds (inside {@link #execute}, or as its owner),
	 * with this socket's high-water-mark policy.
	 */
	public boolean sendFrames(ZMQ.Socket target, List<byte[]> frames) {
		int flags = (this.spec.hwmPolicy() == HwmPolicy.BLOCK) ? 0 : ZMQ.DONTWAIT;
		try {
			return Frames.send(target, frames, flags) || refused();
		}
		catch (ZMQException ex) {
			// e.g. a ROUTER with router-mandatory and no peer of that identity (EHOSTUNREACH)
			throw new ZmqSendException("Socket '" + name() + "' (" + this.spec.type() + ") could not send: "
					+ ZmqErrorText.of(ex), ex);
		}
	}

	private boolean refused() {
		if (this.spec.hwmPolicy() == HwmPolicy.DROP) {
			this.dropped.incrementAndGet();
			return false;
		}
		throw refusal();
	}

	/**
	 * The exception for a message this socket did not accept under {@link HwmPolicy#BLOCK} or
	 * {@link HwmPolicy#FAIL}; every sender of this socket, locked or owner thread, reports the same.
	 */
	public ZmqSendException refusal() {
		String waited = (this.spec.hwmPolicy() == HwmPolicy.BLOCK)
				? " within its send-timeout of " + sendTimeout().toMillis() + " ms" : "";
		return new ZmqSendException("Socket '" + name() + "' (" + this.spec.type() + ") did not accept the message" + waited
				+ ": its send high-water mark is reached or it has no peer to send to."
				+ " Add or speed up peers, raise send-hwm, or set its hwm-policy to DROP to drop and count instead");
	}

	/** How long a send may wait at the high-water mark: the socket's send-timeout, as its spec resolves it. */
	public Duration sendTimeout() {
		// send-timeout has a starter default, so every spec resolves it
		return this.spec.options().effective(SocketOption.SEND_TIMEOUT).orElseThrow();
	}

	/**
	 * Replaces the socket with a freshly opened one (the guide's "Lazy Pirate" recovery for a
	 * strict REQ socket whose request got no reply). Call only while holding the socket through
	 * {@link #execute}.
	 */
	public ZMQ.Socket reopen() {
		if (!this.lock.isHeldByCurrentThread()) {
			throw new IllegalStateException("reopen() must be called inside execute()");
		}
		this.socket.close();
		this.socket = this.reopener.get();
		return this.socket;
	}

	/**
	 * Hands the socket to one owner thread, which from now on alone uses and closes it. The
	 * lock release here and the owner's thread start give the hand-over its memory barrier.
	 */
	public ZMQ.Socket claim(String newOwner) {
		this.lock.lock();
		try {
			ZMQ.Socket claimed = sharedSocket();
			this.state = State.CLAIMED;
			this.owner = newOwner;
			return claimed;
		}
		finally {
			this.lock.unlock();
		}
	}

	public boolean isClaimed() {
		this.lock.lock();
		try {
			return this.state == State.CLAIMED;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Closes a shared socket (its linger lets queued messages leave); a claimed one is its owner's to close. */
	void close() {
		this.lock.lock();
		try {
			if (this.state == State.SHARED) {
				this.socket.close();
			}
			this.state = State.CLOSED;
		}
		finally {
			this.lock.unlock();
		}
	}

	private ZMQ.Socket sharedSocket() {
		if (this.state == State.CLAIMED) {
			throw new ZmqException("Socket '" + name() + "' is owned by " + this.owner + " and cannot be used from other threads");
		}
		if (this.state == State.CLOSED) {
			throw new ZmqException("Socket '" + name() + "' is closed");
		}
		return this.socket;
	}

}
