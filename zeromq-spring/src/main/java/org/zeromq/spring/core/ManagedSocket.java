package org.zeromq.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * One declared socket and the rule that keeps it safe: a ZeroMQ socket is not thread-safe, so
 * every use happens under this socket's lock, which also gives each use a happens-after edge to
 * the previous one (the "full memory barrier" the guide asks for when a socket changes threads).
 * <p>
 * A socket is either <em>shared</em> (any thread may use it through {@link #execute} or
 * {@link #send}) or <em>claimed</em> by an owner thread (a listener, a request pipeline), which
 * then alone uses and closes it.
 * <p>
 * Closing never waits for a sender's send-timeout: a thread blocked in a send at the high-water
 * mark, or waiting for a reply inside {@link #execute}, is released at once through JeroMQ's
 * cancellation token and gets a {@link SocketClosingException}; the close then takes the lock.
 */
public final class ManagedSocket {

	private static final Log logger = LogFactory.getLog(ManagedSocket.class);

	// How often a PUB reads the subscriptions its XPUB passed up, in sends.
	private static final int SUBSCRIPTION_READ_INTERVAL = 32;

	private static final int MAX_SUBSCRIPTIONS_READ = 1024;

	private static final Duration SUBSCRIPTION_POLL = Duration.ofMillis(5);

	private enum State {

		SHARED, CLAIMED, CLOSED

	}

	private final SocketSpec spec;

	private final List<String> boundEndpoints;

	private final Supplier<ZMQ.Socket> reopener;

	private final OwnedLock lock = new OwnedLock();

	private final AtomicLong dropped = new AtomicLong();

	private final SocketStatus status;

	// Read from the spec once: every send asks them, and a spec option is a map lookup.
	private final int sendFlags;

	private final boolean publisher;

	private final boolean countsSubscribers;

	// Sends since the subscriptions were last read (PUB opened as an XPUB); guarded by the lock.
	private int sendsSinceSubscriptionsRead;

	private ZMQ.Socket socket;

	// Cancels the send or receive a sender is blocked in; one per socket, since the lock lets one
	// sender in at a time. Replaced with the socket, never reset once cancelled.
	private ZMQ.CancellationToken cancellation;

	// Set before the cancellation, read without the lock: a sender that comes after it fails at once.
	private volatile boolean closing;

	// Written under the lock; volatile so that status reads (health, the endpoint) never wait for
	// a send that holds the lock.
	private volatile State state = State.SHARED;

	private @Nullable String owner;

	ManagedSocket(SocketSpec spec, ZMQ.Socket socket, List<String> boundEndpoints, Supplier<ZMQ.Socket> reopener,
			SocketStatus status) {
		this.spec = spec;
		this.socket = socket;
		this.cancellation = socket.createCancellationToken();
		this.boundEndpoints = boundEndpoints;
		this.reopener = reopener;
		this.status = status;
		this.sendFlags = (spec.hwmPolicy() == HwmPolicy.BLOCK) ? 0 : ZMQ.DONTWAIT;
		this.publisher = spec.type() == ZmqSocketType.PUB;
		this.countsSubscribers = ZmqSocketFactory.countsSubscribers(spec);
	}

	/** What the socket is doing: peers, events, counts, diagnoses; read from any thread. */
	public SocketStatus status() {
		return this.status;
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
		DropReason reason = withoutPeers() ? DropReason.NO_PEER : DropReason.HWM;
		this.status.recordDropped(reason);
		diagnoseRefusal(reason, "dropped");
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
	 * @throws SocketClosingException when the socket closes while the send waits for room
	 */
	public boolean sendFrames(ZMQ.Socket target, List<byte[]> frames) {
		boolean sent;
		try {
			sent = Frames.send(target, frames, this.sendFlags, cancellationOf(target));
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() == ZError.ECANCELED) {
				throw closing("the message was not sent", ex);
			}
			// e.g. a ROUTER with router-mandatory and no peer of that identity (EHOSTUNREACH)
			if (ex.getErrorCode() == ZMQ.Error.EHOSTUNREACH.getCode()) {
				this.status.recordUnroutable();
			}
			throw new ZmqSendException("Socket '" + name() + "' (" + this.spec.type() + ") could not send: "
					+ ZmqErrorText.of(ex), ex);
		}
		if (!sent) {
			return refused();
		}
		this.status.recordSent();
		if (this.publisher) {
			published(target);
		}
		return true;
	}

	// A PUB sent: with no handshaken peer it went nowhere (the slow joiner). Now and then it also
	// reads the subscriptions its XPUB passed up, which keeps that queue short and the count fresh.
	private void published(ZMQ.Socket target) {
		if (this.status.tracksPeers() && this.status.peers() == 0) {
			this.status.diagnose(Diagnosis.Kind.PUBLISH_WITHOUT_SUBSCRIBERS, this.status.endpoints(),
					"a message was published while no subscriber was connected, so nobody received it");
		}
		if (this.countsSubscribers && ++this.sendsSinceSubscriptionsRead >= SUBSCRIPTION_READ_INTERVAL) {
			readSubscriptions(target);
		}
	}

	/**
	 * Reads what the PUB's XPUB passed up: each subscription confirms a subscriber; the rest
	 * (cancellations, anything a peer sent upstream) is discarded. Bounded, so that a peer sending
	 * subscriptions without end cannot keep the caller here.
	 */
	private void readSubscriptions(ZMQ.Socket target) {
		this.sendsSinceSubscriptionsRead = 0;
		for (int i = 0; i < MAX_SUBSCRIPTIONS_READ; i++) {
			byte[] frame = target.recv(ZMQ.DONTWAIT);
			if (frame == null) {
				return;
			}
			if (frame.length > 0 && frame[0] == 1 && !target.hasReceiveMore()) {
				this.status.subscriptionSeen();
			}
			while (target.hasReceiveMore()) {
				target.recv(ZMQ.DONTWAIT);
			}
		}
	}

	/**
	 * Waits until at least {@code count} peers completed the handshake with this socket.
	 * @return whether they had within the timeout
	 * @throws ZmqException when the socket has only inproc endpoints, whose peers ZeroMQ does
	 * not report
	 */
	public boolean awaitPeers(int count, Duration timeout) {
		try {
			return this.status.awaitPeers(count, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for the peers of socket '" + name() + "'", ex);
		}
	}

	/**
	 * PUB: waits until at least {@code count} connected peers have subscribed, so that what is
	 * published next reaches them (the guide's slow joiner). Reads the subscriptions the socket
	 * received while it waits, a few milliseconds at a time under the socket's lock.
	 * @return whether they had within the timeout
	 * @throws ZmqException when the socket is not a PUB that counts subscribers, or has only
	 * inproc endpoints
	 */
	public boolean awaitSubscribers(int count, Duration timeout) {
		if (!this.countsSubscribers) {
			throw new ZmqException("awaitSubscribers needs a PUB socket that does not conflate, but '" + name() + "' is "
					+ this.spec.type() + ((this.spec.type() == ZmqSocketType.PUB) ? " with conflate" : "")
					+ "; use awaitPeers for connected peers");
		}
		this.status.requireTrackedPeers("subscribers");
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				execute((pub) -> {
					readSubscriptions(pub);
					return Boolean.TRUE;
				});
				if (this.status.subscribers() >= count) {
					return true;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				// A subscription raises no event: look again soon, or at once on a handshake.
				this.status.awaitChange(Duration.ofNanos(Math.min(left, SUBSCRIPTION_POLL.toNanos())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for the subscribers of socket '" + name() + "'", ex);
		}
	}

	/**
	 * Receives one whole message on a socket the caller holds inside {@link #execute}, waiting up
	 * to the socket's receive-timeout, and released at once when the socket closes.
	 * @return the frames, or {@code null} when nothing arrived in time
	 * @throws SocketClosingException when the socket closes while the receive waits
	 */
	public @Nullable List<byte[]> receiveFrames(ZMQ.Socket target) {
		try {
			return Frames.receive(target, 0, cancellationOf(target));
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() == ZError.ECANCELED) {
				throw closing("no reply was received", ex);
			}
			throw new ZmqException("Socket '" + name() + "' (" + this.spec.type() + ") could not receive: "
					+ ZmqErrorText.of(ex), ex);
		}
	}

	// Only the shared socket is cancelled at close: a claimed one is its owner's.
	private ZMQ.@Nullable CancellationToken cancellationOf(ZMQ.Socket target) {
		return (target == this.socket) ? this.cancellation : null;
	}

	private SocketClosingException closing(String consequence, Throwable cause) {
		return new SocketClosingException("Socket '" + name() + "' is closing with the application: " + consequence, cause);
	}

	private boolean refused() {
		if (this.spec.hwmPolicy() == HwmPolicy.DROP) {
			recordDrop();
			return false;
		}
		throw refusal();
	}

	private boolean withoutPeers() {
		return this.status.tracksPeers() && this.status.peers() == 0;
	}

	private void diagnoseRefusal(DropReason reason, String what) {
		if (reason == DropReason.NO_PEER) {
			this.status.diagnose(Diagnosis.Kind.SEND_WITHOUT_PEER, this.status.endpoints(),
					"a message was " + what + " because no peer was connected");
		}
		else if (this.status.tracksPeers()) {
			this.status.diagnose(Diagnosis.Kind.HWM_REACHED, this.status.endpoints(),
					"a message was " + what + " at the send high-water mark");
		}
		else {
			// inproc raises no connection events: a missing peer looks the same as a full queue
			this.status.diagnose(Diagnosis.Kind.HWM_REACHED, this.status.endpoints(), "a message was " + what
					+ " at the send high-water mark, or because no peer was connected (inproc peers are not reported)");
		}
	}

	/**
	 * The exception for a message this socket did not accept under {@link HwmPolicy#BLOCK} or
	 * {@link HwmPolicy#FAIL}; every sender of this socket, locked or owner thread, reports the same.
	 * Call it once per refused message: the message is counted as dropped, and diagnosed.
	 */
	public ZmqSendException refusal() {
		// Not delivered either: counted with the drops, by the same reasons.
		DropReason reason = withoutPeers() ? DropReason.NO_PEER : DropReason.HWM;
		this.status.recordDropped(reason);
		diagnoseRefusal(reason, "refused");
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
		this.cancellation = this.socket.createCancellationToken();
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

	/** Whether an owner thread claimed the socket; never waits for the socket's lock. */
	public boolean isClaimed() {
		return this.state == State.CLAIMED;
	}

	/**
	 * Whether the registry closed the socket (at shutdown); a claimed socket's owner closes it
	 * unseen. Never waits for the socket's lock.
	 */
	public boolean isClosed() {
		return this.state == State.CLOSED;
	}

	/**
	 * Closes a shared socket (its linger lets queued messages leave); a claimed one is its
	 * owner's to close. A sender blocked in the socket is released first; one that holds it
	 * with other work (inside {@link #execute}) gets until the step's end, after which the
	 * socket is left to the context's close and the holder is logged.
	 */
	void close(ShutdownBudget.Step step) {
		this.closing = true;
		if (this.state == State.SHARED) {
			releaseBlockedSender();
		}
		try {
			if (!this.lock.tryLock(step.remainingMillis(), TimeUnit.MILLISECONDS)) {
				Thread holder = this.lock.owner();
				StringBuilder message = new StringBuilder("Socket '" + name() + "' is still in use by thread "
						+ ((holder != null) ? holder.getName() : "(unknown)") + " after what the shutdown budget had left;"
						+ " it is left to the ZeroMQ context's close. Where that thread is:");
				if (holder != null) {
					ThreadStacks.append(message, holder);
				}
				logger.error(message);
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
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

	// JeroMQ's cancel posts a command to the socket's mailbox, which is gone once the socket was
	// destroyed (closed under the application, or its context terminated): it then throws, and
	// no sender can be blocked in the socket either. The close must go on, and the registry's
	// close with it, or every socket after this one would stay open.
	private void releaseBlockedSender() {
		try {
			this.cancellation.cancel();
		}
		catch (RuntimeException destroyed) {
			logger.debug("Socket '" + name() + "' was already destroyed when it was closed", destroyed);
		}
	}

	private ZMQ.Socket sharedSocket() {
		if (this.state == State.CLAIMED) {
			throw new ZmqException("Socket '" + name() + "' is owned by " + this.owner + " and cannot be used from other threads");
		}
		if (this.state == State.CLOSED || this.closing) {
			throw new SocketClosingException("Socket '" + name() + "' is closed: the application is shutting down");
		}
		return this.socket;
	}

	// ReentrantLock keeps its owner to itself; a close that cannot get the lock names it.
	private static final class OwnedLock extends ReentrantLock {

		Thread owner() {
			return getOwner();
		}

	}

}
