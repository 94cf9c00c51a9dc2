package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one declared socket is doing, live: where it listens, which peers completed the ZeroMQ
 * handshake, the connection events JeroMQ reported, the messages it sent, received and dropped,
 * its requests, and the missing-message {@link Diagnosis diagnoses} found on it. Every JeroMQ
 * socket opened under the name counts here (listener workers, a device's front socket, a socket
 * reopened after a restart), so the view survives them.
 * <p>
 * Health checks, the {@code zeromq} Actuator endpoint, meters and application code read it from
 * any thread ({@link ZmqSocketRegistry#status(String)}); reading never touches a socket. The
 * counts are the ones the sockets keep anyway, so a meter reads them instead of being called
 * per message. The {@code record…} methods are for the starter's senders and listeners.
 * <p>
 * Peers are known from JeroMQ's events, which it raises for tcp and ipc, not for inproc: a
 * socket whose endpoints are all inproc {@link #tracksPeers() tracks no peers}.
 */
public final class SocketStatus {

	private static final SocketEvent[] EVENTS = SocketEvent.values();

	private final String name;

	private final ZmqSocketType type;

	private final List<String> binds;

	private final List<String> connects;

	private final boolean tracksPeers;

	private final String endpoints;

	private final long handshakeGraceNanos;

	private final Set<String> listening = ConcurrentHashMap.newKeySet();

	private final AtomicLongArray events = new AtomicLongArray(EVENTS.length);

	private final AtomicInteger peers = new AtomicInteger();

	private final AtomicInteger openSockets = new AtomicInteger();

	private final LongAdder sent = new LongAdder();

	private final LongAdder received = new LongAdder();

	private final LongAdder[] dropped = adders(DropReason.values().length);

	private final AtomicInteger pendingRequests = new AtomicInteger();

	private final LongAdder[] requests = adders(RequestOutcome.values().length);

	private final LongAdder[] requestNanos = adders(RequestOutcome.values().length);

	// By the address JeroMQ reports for a connect endpoint (resolved, e.g. tcp://127.0.0.1:5555).
	private final Map<String, ConnectEndpoint> connectEndpoints = new ConcurrentHashMap<>();

	private final Diagnoses diagnoses;

	// PUB only, guarded by this.peers' monitor below: handshaken peers whose first subscription
	// has not been seen yet, and those whose has.
	private int unconfirmedSubscribers;

	private int subscribers;

	private final Object changes = new Object();

	private final AtomicInteger waiters = new AtomicInteger();

	private volatile @Nullable LastEvent lastEvent;

	private volatile @Nullable Problem lastError;

	private volatile @Nullable Problem bindFailure;

	SocketStatus(SocketSpec spec, Duration handshakeGrace) {
		this.name = spec.name();
		this.type = spec.type();
		this.binds = spec.binds();
		this.connects = spec.connects();
		this.tracksPeers = java.util.stream.Stream.concat(spec.binds().stream(), spec.connects().stream())
			.anyMatch((endpoint) -> !endpoint.trim().startsWith(Transport.INPROC.scheme() + "://"));
		this.endpoints = String.join(", ", java.util.stream.Stream.concat(spec.binds().stream(), spec.connects().stream())
			.toList());
		this.handshakeGraceNanos = handshakeGrace.toNanos();
		this.diagnoses = new Diagnoses(spec.name(), spec.type());
	}

	/** The declared socket's name. */
	public String name() {
		return this.name;
	}

	/** Its declared type. */
	public ZmqSocketType type() {
		return this.type;
	}

	/** Its bind endpoints as declared. */
	public List<String> bindEndpoints() {
		return this.binds;
	}

	/** Its connect endpoints as declared. */
	public List<String> connectEndpoints() {
		return this.connects;
	}

	/** The endpoints it listens on now, as resolved ({@code tcp://127.0.0.1:*} with its port). */
	public Set<String> listeningEndpoints() {
		return new TreeSet<>(this.listening);
	}

	/** Whether JeroMQ reports its connections: it has a tcp or ipc endpoint (inproc raises no events). */
	public boolean tracksPeers() {
		return this.tracksPeers;
	}

	/** Peers connected now whose ZeroMQ handshake completed: those messages can flow to. */
	public int peers() {
		return this.peers.get();
	}

	/**
	 * PUB only: connected peers whose first subscription the socket has read. A PUB reads
	 * subscriptions when it sends, and when {@code ZmqTemplate.awaitSubscribers} waits, so
	 * between sends this can lag behind {@link #peers()}.
	 */
	public int subscribers() {
		synchronized (this.peers) {
			return this.subscribers;
		}
	}

	/** JeroMQ sockets open under this name now; 0 before it opens and once it closed. */
	public int openSockets() {
		return this.openSockets.get();
	}

	/** How many events of this kind JeroMQ reported. */
	public long events(SocketEvent event) {
		return this.events.get(event.ordinal());
	}

	/** The latest event, if there was one. */
	public Optional<LastEvent> lastEvent() {
		return Optional.ofNullable(this.lastEvent);
	}

	/** The latest failure: a bind, an accept, a handshake, a send. */
	public Optional<Problem> lastError() {
		return Optional.ofNullable(this.lastError);
	}

	/**
	 * The last bind that failed, while the socket is not bound since: a listener restarted
	 * after its port was taken, for example. (A bind that fails at startup fails the startup.)
	 */
	public Optional<Problem> bindFailure() {
		return Optional.ofNullable(this.bindFailure);
	}

	/** Messages sent (queued for a peer). */
	public long sent() {
		return this.sent.sum();
	}

	/** Messages received. */
	public long received() {
		return this.received.sum();
	}

	/** Messages not delivered for this reason. */
	public long dropped(DropReason reason) {
		return this.dropped[reason.ordinal()].sum();
	}

	/** Requests waiting for their reply now. */
	public int pendingRequests() {
		return this.pendingRequests.get();
	}

	/** Requests that ended this way. */
	public long requests(RequestOutcome outcome) {
		return this.requests[outcome.ordinal()].sum();
	}

	/** The time requests that ended this way took, added up. */
	public Duration requestTime(RequestOutcome outcome) {
		return Duration.ofNanos(this.requestNanos[outcome.ordinal()].sum());
	}

	/** The missing-message findings on this socket, oldest first. */
	public List<Diagnosis> diagnoses() {
		return this.diagnoses.list();
	}

	/** How many times findings of this kind occurred on this socket. */
	public long diagnosed(Diagnosis.Kind kind) {
		return this.diagnoses.count(kind);
	}

	/**
	 * Waits until at least {@code count} peers have completed the handshake, or the timeout.
	 * @return whether they had
	 * @throws ZmqException when the socket tracks no peers (inproc only)
	 */
	public boolean awaitPeers(int count, Duration timeout) throws InterruptedException {
		requireTrackedPeers("peers");
		return await(() -> peers() >= count, timeout);
	}

	/**
	 * Waits until the condition holds, the socket's state changes being the only wake-ups (a
	 * handshake, a disconnect, a subscription), or until {@code timeout}. At most {@code poll}
	 * between two looks at the condition when something other than an event can make it true.
	 */
	boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.waiters.incrementAndGet();
		try {
			synchronized (this.changes) {
				while (!condition.getAsBoolean()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this.changes, left);
				}
				return true;
			}
		}
		finally {
			this.waiters.decrementAndGet();
		}
	}

	/** Like {@link #await}, but gives up after {@code slice} so that the caller can look elsewhere. */
	boolean awaitChange(Duration slice) throws InterruptedException {
		this.waiters.incrementAndGet();
		try {
			synchronized (this.changes) {
				TimeUnit.NANOSECONDS.timedWait(this.changes, slice.toNanos());
				return true;
			}
		}
		finally {
			this.waiters.decrementAndGet();
		}
	}

	void requireTrackedPeers(String what) {
		if (!this.tracksPeers) {
			throw new ZmqException("Socket '" + this.name + "' has only inproc endpoints, for which ZeroMQ reports no "
					+ "connections, so its " + what + " cannot be counted; an inproc connect is complete as soon as "
					+ "both sockets exist (bind first)");
		}
	}

	// Senders and listeners.

	/** A message was queued for sending. */
	public void recordSent() {
		this.sent.increment();
	}

	/** A message was received. */
	public void recordReceived() {
		this.received.increment();
	}

	/** {@code count} messages were received. */
	public void recordReceived(long count) {
		this.received.add(count);
	}

	/** A message was not delivered. */
	public void recordDropped(DropReason reason) {
		this.dropped[reason.ordinal()].increment();
	}

	/** {@code count} messages were not delivered. */
	public void recordDropped(DropReason reason, long count) {
		this.dropped[reason.ordinal()].add(count);
	}

	/** A request was sent and waits for its reply. */
	public void requestStarted() {
		this.pendingRequests.incrementAndGet();
	}

	/** A request ended after {@code nanos}. */
	public void requestEnded(RequestOutcome outcome, long nanos) {
		this.pendingRequests.decrementAndGet();
		this.requests[outcome.ordinal()].increment();
		this.requestNanos[outcome.ordinal()].add(nanos);
	}

	/** A ROUTER could not route a message: counted, and diagnosed once. */
	public void recordUnroutable() {
		recordUnroutable(1);
	}

	/** A ROUTER could not route {@code count} messages: counted, and diagnosed once. */
	public void recordUnroutable(long count) {
		recordDropped(DropReason.UNROUTABLE, count);
		diagnose(Diagnosis.Kind.UNROUTABLE, this.endpoints,
				"a message was addressed to a peer identity that is not connected, and dropped");
	}

	/** A failure worth showing as the socket's last error. */
	public void recordProblem(String problem) {
		this.lastError = new Problem(problem, Instant.now());
	}

	/** A missing-message finding: logged the first time it is seen at the endpoint, counted always. */
	public void diagnose(Diagnosis.Kind kind, String endpoint, String description) {
		this.diagnoses.report(kind, endpoint, description);
	}

	/** The socket's endpoints as declared, as a finding about the whole socket names them. */
	public String endpoints() {
		return this.endpoints;
	}

	// The socket factory and the event hook.

	void socketOpened() {
		this.openSockets.incrementAndGet();
	}

	void socketClosed(int handshakenPeers) {
		this.openSockets.decrementAndGet();
		for (int i = 0; i < handshakenPeers; i++) {
			peerDown(null);
		}
	}

	void bound(List<String> endpoints) {
		this.listening.addAll(endpoints);
		this.bindFailure = null;
	}

	void bindFailed(String endpoint, String reason) {
		Problem problem = new Problem("bind of " + endpoint + " failed: " + reason, Instant.now());
		this.bindFailure = problem;
		this.lastError = problem;
	}

	void event(SocketEvent event, String address) {
		this.events.incrementAndGet(event.ordinal());
		this.lastEvent = new LastEvent(event, address, Instant.now());
	}

	void listening(String address) {
		this.listening.add(address);
	}

	void notListening(String address) {
		this.listening.remove(address);
	}

	void peerUp(@Nullable String address) {
		this.peers.incrementAndGet();
		if (this.type == ZmqSocketType.PUB) {
			synchronized (this.peers) {
				this.unconfirmedSubscribers++;
			}
		}
		if (address != null) {
			ConnectEndpoint endpoint = this.connectEndpoints.get(address);
			if (endpoint != null) {
				endpoint.up();
			}
		}
		changed();
	}

	void peerDown(@Nullable String address) {
		this.peers.decrementAndGet();
		if (this.type == ZmqSocketType.PUB) {
			synchronized (this.peers) {
				// Which peer left is unknown: a subscriber, unless none is counted.
				if (this.subscribers > 0) {
					this.subscribers--;
				}
				else if (this.unconfirmedSubscribers > 0) {
					this.unconfirmedSubscribers--;
				}
			}
		}
		if (address != null) {
			ConnectEndpoint endpoint = this.connectEndpoints.get(address);
			if (endpoint != null) {
				endpoint.down();
			}
		}
		changed();
	}

	/** PUB: a subscription was read, which confirms a handshaken peer as a subscriber. */
	void subscriptionSeen() {
		boolean confirmed = false;
		synchronized (this.peers) {
			if (this.unconfirmedSubscribers > 0) {
				this.unconfirmedSubscribers--;
				this.subscribers++;
				confirmed = true;
			}
		}
		if (confirmed) {
			changed();
		}
	}

	/** A connect endpoint tries, retries or lost its connection: has it gone without a handshake too long? */
	void connecting(String address) {
		ConnectEndpoint endpoint = this.connectEndpoints.computeIfAbsent(address, (key) -> new ConnectEndpoint());
		long waited = endpoint.waitingNanos();
		if (waited > this.handshakeGraceNanos) {
			diagnose(Diagnosis.Kind.CONNECT_WITHOUT_HANDSHAKE, address, "no peer completed the ZeroMQ handshake in "
					+ TimeUnit.NANOSECONDS.toSeconds(waited) + " s of connecting (peer absent, wrong port or host, "
					+ "mismatched security, or a connection JeroMQ left without a handshake)");
		}
	}

	private void changed() {
		if (this.waiters.get() > 0) {
			synchronized (this.changes) {
				this.changes.notifyAll();
			}
		}
	}

	private static LongAdder[] adders(int count) {
		LongAdder[] adders = new LongAdder[count];
		for (int i = 0; i < count; i++) {
			adders[i] = new LongAdder();
		}
		return adders;
	}

	@Override
	public String toString() {
		return "SocketStatus[" + this.name + " (" + this.type + "), peers " + peers() + ", sent " + sent() + ", received "
				+ received() + "]";
	}

	/**
	 * The latest connection event.
	 *
	 * @param event what happened
	 * @param endpoint where, as JeroMQ reports it
	 * @param at when
	 */
	public record LastEvent(SocketEvent event, String endpoint, Instant at) {
	}

	/**
	 * A failure.
	 *
	 * @param message what failed, in words; never a secret
	 * @param at when
	 */
	public record Problem(String message, Instant at) {
	}

	/** One connect endpoint: since when it has gone without a handshaken connection. */
	private static final class ConnectEndpoint {

		private int up;

		private long downSince = System.nanoTime();

		synchronized void up() {
			this.up++;
		}

		synchronized void down() {
			if (this.up > 0 && --this.up == 0) {
				this.downSince = System.nanoTime();
			}
		}

		synchronized long waitingNanos() {
			return (this.up > 0) ? 0 : System.nanoTime() - this.downSince;
		}

	}

}
