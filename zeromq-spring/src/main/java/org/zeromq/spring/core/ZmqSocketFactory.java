package org.zeromq.spring.core;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Turns a {@link SocketSpec} into a configured JeroMQ socket of the shared context. Every
 * socket the starter opens comes from here, so options, subscriptions and endpoint resolution
 * behave the same for senders, listeners and devices.
 * <p>
 * Every socket also gets the starter's event hook, the one monitor JeroMQ allows a socket: it
 * keeps the {@link SocketStatus} of the socket's name, and passes the events on to what the
 * preparers {@link SocketPreparer#eventConsumer ask for}. A PUB opens as a JeroMQ XPUB that
 * passes its subscriptions up, so that the starter can count its subscribers; on the wire it is
 * the same publisher to any SUB.
 */
public final class ZmqSocketFactory {

	/**
	 * How long a connect endpoint may go without a completed handshake before the
	 * {@link Diagnosis.Kind#CONNECT_WITHOUT_HANDSHAKE} finding, unless set otherwise.
	 */
	public static final Duration DEFAULT_HANDSHAKE_GRACE_PERIOD = Duration.ofSeconds(10);

	private final ZContext context;

	private final SocketConfigurer configurer;

	private final List<SocketPreparer> preparers;

	private final boolean zapAnswered;

	private final Map<String, SocketStatus> statuses = new ConcurrentHashMap<>();

	private volatile Duration handshakeGracePeriod = DEFAULT_HANDSHAKE_GRACE_PERIOD;

	/** A factory without preparers: it refuses sockets that would need a ZAP handler. */
	public ZmqSocketFactory(ZContext context, SocketConfigurer configurer) {
		this(context, configurer, List.of());
	}

	/**
	 * @param context the context every socket belongs to
	 * @param configurer applies each spec's options
	 * @param preparers take part in opening every socket, in this order
	 */
	public ZmqSocketFactory(ZContext context, SocketConfigurer configurer, List<SocketPreparer> preparers) {
		this.context = context;
		this.configurer = configurer;
		this.preparers = List.copyOf(preparers);
		this.zapAnswered = this.preparers.stream().anyMatch(SocketPreparer::answersZap);
	}

	public ZContext context() {
		return this.context;
	}

	/**
	 * How long a connect endpoint may go without a completed handshake before it is reported
	 * ({@link Diagnosis.Kind#CONNECT_WITHOUT_HANDSHAKE}); applies to sockets whose status is
	 * made after this is set, so set it before any socket opens.
	 */
	public void setHandshakeGracePeriod(Duration handshakeGracePeriod) {
		this.handshakeGracePeriod = Objects.requireNonNull(handshakeGracePeriod, "handshakeGracePeriod");
	}

	/**
	 * The status of the sockets of this spec's name, made on first use; every socket created
	 * under the name reports to it.
	 */
	public SocketStatus status(SocketSpec spec) {
		return this.statuses.computeIfAbsent(spec.name(), (name) -> new SocketStatus(spec, this.handshakeGracePeriod));
	}

	/** The status of the sockets of that name, if one was made; never makes one. */
	public Optional<SocketStatus> findStatus(String name) {
		return Optional.ofNullable(this.statuses.get(name));
	}

	/**
	 * What the preparers find wrong with a declaration, and whether a socket that consults ZAP
	 * would find no handler; checked with the other declarations before anything opens.
	 */
	public List<SpecViolation> check(SocketSpec spec) {
		List<SpecViolation> violations = new ArrayList<>();
		unansweredZap(spec).ifPresent(violations::add);
		this.preparers.forEach((preparer) -> violations.addAll(preparer.check(spec)));
		return violations;
	}

	/**
	 * A socket with options and subscriptions applied and prepared by every preparer, neither
	 * bound nor connected.
	 * @throws ZmqException when the socket would consult ZAP and no preparer answers it
	 */
	public ZMQ.Socket create(SocketSpec spec) {
		// Checked again here, not only at validation: listener workers and reopened sockets come
		// straight from the factory, and a CURVE server without a ZAP handler accepts everyone.
		unansweredZap(spec).ifPresent((violation) -> {
			throw new InvalidSocketSpecException(List.of(violation));
		});
		boolean countsSubscribers = countsSubscribers(spec);
		ZMQ.Socket socket = this.context.createSocket(countsSubscribers ? SocketType.XPUB : spec.type().jeromqType());
		try {
			this.configurer.configure(socket, spec);
			if (countsSubscribers) {
				// Every subscription reaches the starter, not only the first to a topic.
				socket.setXpubVerbose(true);
			}
			PeerInputGuard.apply(socket, spec);
			List<ZEvent.ZEventConsummer> consumers = new ArrayList<>();
			for (SocketPreparer preparer : this.preparers) {
				preparer.prepare(socket, spec);
				ZEvent.ZEventConsummer consumer = preparer.eventConsumer(spec);
				if (consumer != null) {
					consumers.add(consumer);
				}
			}
			watch(socket, spec, consumers);
			for (String prefix : spec.subscriptions()) {
				subscribe(socket, spec.type(), prefix.getBytes(StandardCharsets.UTF_8));
			}
			return socket;
		}
		catch (RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	// Before bind and connect, so that LISTENING and the first connect events are seen. Once the
	// hook is set, JeroMQ closes it when it destroys the socket, which counts the socket closed.
	private void watch(ZMQ.Socket socket, SocketSpec spec, List<ZEvent.ZEventConsummer> consumers) {
		SocketStatus status = status(spec);
		if (!socket.setEventHook(new SocketEventHook(status, consumers), SocketEventHook.events())) {
			throw new ZmqException("Socket '" + spec.name() + "' cannot be watched: its context is closed");
		}
		status.socketOpened();
	}

	/**
	 * Whether sockets of this spec open as an XPUB that counts subscribers: a PUB, unless it
	 * conflates (JeroMQ conflates no XPUB).
	 */
	static boolean countsSubscribers(SocketSpec spec) {
		return spec.type() == ZmqSocketType.PUB && !spec.options().get(SocketOption.CONFLATE).orElse(false);
	}

	private Optional<SpecViolation> unansweredZap(SocketSpec spec) {
		HandshakeSecurity security = HandshakeSecurity.of(spec);
		if (this.zapAnswered || !security.consultsZap()) {
			return Optional.empty();
		}
		String setting = security.isSecured() ? security.mechanism().name().toLowerCase(Locale.ROOT) + ".server"
				: SocketOption.ZAP_DOMAIN.key();
		return Optional.of(new SpecViolation(spec.name(), setting, "a socket with " + setting
				+ " asks the context's ZAP handler about every peer, and this socket factory runs none: JeroMQ would "
				+ "then let every peer in", Remedy.advice("create the socket factory with the starter's security "
						+ "(org.zeromq.spring.security.ZmqSecurity) among its preparers"), Remedy.remove(setting)));
	}

	// An XSUB has no subscribe option: it subscribes by sending the message the guide's
	// forwarder passes upstream, 0x01 + prefix, which it also replays to every later peer.
	private static void subscribe(ZMQ.Socket socket, ZmqSocketType type, byte[] prefix) {
		if (type != ZmqSocketType.XSUB) {
			socket.subscribe(prefix);
			return;
		}
		byte[] message = new byte[prefix.length + 1];
		message[0] = 1;
		System.arraycopy(prefix, 0, message, 1, prefix.length);
		socket.send(message, 0);
	}

	/**
	 * Binds every endpoint of the spec and returns the endpoints as resolved, so that
	 * {@code tcp://127.0.0.1:*} reads back as the port the system picked. Closes the socket when
	 * a bind fails.
	 */
	public List<String> bind(ZMQ.Socket socket, SocketSpec spec) {
		List<String> resolved = new ArrayList<>(spec.binds().size());
		for (String endpoint : spec.binds()) {
			try {
				socket.bind(endpoint);
			}
			catch (RuntimeException ex) {
				socket.close();
				ZmqBindException failure = BindProbe.diagnose(spec.name(), endpoint, ex);
				status(spec).bindFailed(endpoint, Objects.requireNonNullElse(failure.reason(), ex.toString()));
				throw failure;
			}
			resolved.add(socket.getLastEndpoint());
		}
		status(spec).bound(resolved);
		return List.copyOf(resolved);
	}

	/** Connects every endpoint of the spec; ZeroMQ connects in the background, so this never waits for a peer. */
	public void connect(ZMQ.Socket socket, SocketSpec spec) {
		for (String endpoint : spec.connects()) {
			try {
				socket.connect(endpoint);
			}
			catch (RuntimeException ex) {
				socket.close();
				throw connectFailure(spec.name(), endpoint, ex);
			}
		}
	}

	// JeroMQ resolves a tcp host name when the socket connects, and says only "Address not available".
	private static ZmqConnectException connectFailure(String socket, String endpoint, RuntimeException failure) {
		boolean unknownHost = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			unknownHost |= cause instanceof UnknownHostException;
		}
		if (!unknownHost) {
			return new ZmqConnectException(socket, endpoint, ZmqErrorText.of(failure), false, failure);
		}
		String host = endpoint;
		try {
			host = Endpoint.parse(endpoint).host().orElse(endpoint);
		}
		catch (IllegalArgumentException ex) {
			// the endpoint as written is all there is to name
		}
		return new ZmqConnectException(socket, endpoint, "the host name '" + host + "' does not resolve", true, failure);
	}

	/** Creates, binds and connects in one go, for sockets that need no ordering with others. */
	public OpenSocket open(SocketSpec spec) {
		ZMQ.Socket socket = create(spec);
		List<String> endpoints = bind(socket, spec);
		connect(socket, spec);
		return new OpenSocket(socket, endpoints);
	}

	/**
	 * A socket that is bound and connected.
	 *
	 * @param socket the JeroMQ socket
	 * @param boundEndpoints its bind endpoints as resolved
	 */
	public record OpenSocket(ZMQ.Socket socket, List<String> boundEndpoints) {
	}

}
