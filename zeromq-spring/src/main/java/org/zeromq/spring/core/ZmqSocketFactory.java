package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Turns a {@link SocketSpec} into a configured JeroMQ socket of the shared context. Every
 * socket the starter opens comes from here, so options, subscriptions and endpoint resolution
 * behave the same for senders, listeners and devices.
 */
public final class ZmqSocketFactory {

	private final ZContext context;

	private final SocketConfigurer configurer;

	private final List<SocketPreparer> preparers;

	private final boolean zapAnswered;

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
		ZMQ.Socket socket = this.context.createSocket(spec.type().jeromqType());
		try {
			this.configurer.configure(socket, spec);
			PeerInputGuard.apply(socket, spec);
			for (SocketPreparer preparer : this.preparers) {
				preparer.prepare(socket, spec);
			}
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
				throw new ZmqBindException(spec.name(), endpoint, ex);
			}
			resolved.add(socket.getLastEndpoint());
		}
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
				throw new ZmqException("Socket '" + spec.name() + "' could not connect to " + endpoint + ": " + ex.getMessage(), ex);
			}
		}
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
