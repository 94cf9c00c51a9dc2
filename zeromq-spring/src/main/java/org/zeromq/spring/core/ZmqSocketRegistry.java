package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zeromq.ZMQ;

/**
 * Opens the declared sockets and keeps them by name. Every socket that binds opens before any
 * socket that only connects, because an inproc connect needs its bind to exist first and a
 * local tcp peer then finds its endpoint ready. Sockets open together, at application start or
 * at first use, whichever comes first.
 * <p>
 * Two kinds of method, so that looking never has the side effect of binding a port:
 * <ul>
 * <li><em>uses</em> open every socket first if nothing has yet: {@link #open()} and
 * {@link #socket(String)}, through which senders send and listeners claim;</li>
 * <li><em>reads</em> never open anything: {@link #specs()}, {@link #spec(String)},
 * {@link #isDeclared(String)}, {@link #isOpen()}, {@link #sockets()}, {@link #find(String)},
 * {@link #status(String)}, {@link #statuses()}, {@link #diagnoses()},
 * {@link #boundEndpoints(String)} and {@link #endpoint(String)}. Before the sockets open, the
 * last four see no socket.</li>
 * </ul>
 */
public final class ZmqSocketRegistry implements AutoCloseable {

	private final ZmqSocketFactory factory;

	private final List<SocketSpec> declared;

	private final Map<String, SocketSpec> redeclared = new LinkedHashMap<>();

	// Which listener or proxy has said it will own each socket, guarded by this.
	private final Map<String, String> owners = new LinkedHashMap<>();

	// Replaced as a whole when the sockets open, so that reads need no lock.
	private volatile Map<String, ManagedSocket> sockets = Map.of();

	private volatile boolean open;

	private boolean closed;

	/**
	 * @param factory opens the sockets
	 * @param specs the declarations; validated here, before anything opens
	 * @throws InvalidSocketSpecException when a declaration makes no sense
	 */
	public ZmqSocketRegistry(ZmqSocketFactory factory, Collection<SocketSpec> specs) {
		this.factory = factory;
		new SocketSpecValidator(factory::check).validateAll(specs);
		this.declared = List.copyOf(specs);
		// Made now, so that every declared socket has a status to read before it opens.
		this.declared.forEach(factory::status);
	}

	/**
	 * Replaces a declaration before the sockets open, for an owner that needs another socket
	 * type on the same endpoints (a REP served by several workers opens as a ROUTER in front of
	 * an inproc device).
	 * @throws IllegalStateException when the sockets are already open
	 */
	public synchronized void redeclare(SocketSpec spec) {
		if (this.open || this.closed) {
			throw new IllegalStateException("Socket '" + spec.name() + "' is already open (something used it during startup), so it can no longer be redeclared as " + spec.type());
		}
		if (!isDeclared(spec.name())) {
			throw unknown(spec.name());
		}
		new SocketSpecValidator(this.factory::check).validateAll(List.of(spec));
		this.redeclared.put(spec.name(), spec);
	}

	/** Read: the declarations, as they will be or were opened, in declaration order. */
	public synchronized List<SocketSpec> specs() {
		return this.declared.stream().map((spec) -> this.redeclared.getOrDefault(spec.name(), spec)).toList();
	}

	/**
	 * Read: the declaration of a socket, as it will be or was opened.
	 * @throws UnknownSocketException when no socket of that name is declared
	 */
	public synchronized SocketSpec spec(String name) {
		SocketSpec spec = this.redeclared.get(name);
		if (spec != null) {
			return spec;
		}
		return this.declared.stream().filter((candidate) -> candidate.name().equals(name)).findFirst()
			.orElseThrow(() -> unknown(name));
	}

	/**
	 * Records, before anything runs, that {@code owner} (a listener, a proxy) will own a socket's
	 * thread, so that two owners of one socket are found at startup instead of when the second
	 * one claims it. Reserving again for the same owner changes nothing.
	 * @param name the socket
	 * @param owner who will own it, as messages name it ({@code proxy 'broker'})
	 * @return the other owner that reserved it first, if any; the socket stays theirs
	 * @throws UnknownSocketException when no socket of that name is declared
	 */
	public synchronized Optional<String> reserve(String name, String owner) {
		if (!isDeclared(name)) {
			throw unknown(name);
		}
		String first = this.owners.putIfAbsent(name, owner);
		return (first == null || first.equals(owner)) ? Optional.empty() : Optional.of(first);
	}

	/** Read: who reserved a socket, if anyone has. */
	public synchronized Optional<String> owner(String name) {
		return Optional.ofNullable(this.owners.get(name));
	}

	/** Read: whether a socket of that name is declared. */
	public boolean isDeclared(String name) {
		return this.declared.stream().anyMatch((spec) -> spec.name().equals(name));
	}

	/** Use: opens every socket, binding ones first; when one fails, closes those already open and rethrows. */
	public synchronized void open() {
		if (this.open) {
			return;
		}
		if (this.closed) {
			throw new ZmqException("The socket registry is closed");
		}
		// Stable sort: binding sockets first, declaration order otherwise.
		List<SocketSpec> specs = specs().stream().sorted(Comparator.comparing((SocketSpec spec) -> !spec.isBindSide())).toList();
		Map<SocketSpec, OpenedBind> bound = new LinkedHashMap<>();
		Map<String, ManagedSocket> opened = new LinkedHashMap<>();
		try {
			for (SocketSpec spec : specs) {
				ZMQ.Socket socket = this.factory.create(spec);
				bound.put(spec, new OpenedBind(socket, this.factory.bind(socket, spec)));
			}
			for (Map.Entry<SocketSpec, OpenedBind> entry : bound.entrySet()) {
				SocketSpec spec = entry.getKey();
				this.factory.connect(entry.getValue().socket(), spec);
				opened.put(spec.name(), new ManagedSocket(spec, entry.getValue().socket(), entry.getValue().endpoints(),
						() -> this.factory.open(spec).socket(), this.factory.status(spec)));
			}
		}
		catch (RuntimeException ex) {
			bound.values().forEach((socket) -> socket.socket().close());
			throw ex;
		}
		this.sockets = Collections.unmodifiableMap(opened);
		this.open = true;
	}

	/**
	 * Use: the open socket of that name, to send on or to claim; opens all sockets first if
	 * nothing has yet.
	 * @throws UnknownSocketException when no socket of that name is declared (nothing opens then)
	 */
	@SuppressWarnings("NullAway") // once open, every declared name maps to its socket
	public ManagedSocket socket(String name) {
		// Every send looks its socket up here: once the sockets are open, one map read answers
		// (the declared list, scanned by a stream, showed in profiles of the template's sends).
		ManagedSocket open = this.sockets.get(name);
		if (open != null) {
			return open;
		}
		if (!isDeclared(name)) {
			throw unknown(name);
		}
		if (!this.open) {
			open();
		}
		return this.sockets.get(name);
	}

	/** Read: the socket of that name if it is declared and the sockets are open; never opens them. */
	public Optional<ManagedSocket> find(String name) {
		return Optional.ofNullable(this.sockets.get(name));
	}

	/** Read: whether the sockets are open. */
	public boolean isOpen() {
		return this.open;
	}

	/** Read: the open sockets, in the order they opened; empty before the sockets open. */
	public Collection<ManagedSocket> sockets() {
		return this.sockets.values();
	}

	/**
	 * Read: a socket's bind endpoints as resolved ({@code tcp://127.0.0.1:*} reads back with its
	 * port); empty for a socket that only connects, and before the sockets open.
	 * @throws UnknownSocketException when no socket of that name is declared
	 */
	public List<String> boundEndpoints(String name) {
		if (!isDeclared(name)) {
			throw unknown(name);
		}
		return find(name).map(ManagedSocket::boundEndpoints).orElse(List.of());
	}

	/**
	 * Read: the first bind endpoint of a socket as resolved, e.g. {@code tcp://127.0.0.1:40123}.
	 * @throws UnknownSocketException when no socket of that name is declared
	 * @throws ZmqException when the socket does not bind, or the sockets have not opened yet
	 */
	public String endpoint(String name) {
		List<String> endpoints = boundEndpoints(name);
		if (!endpoints.isEmpty()) {
			return endpoints.get(0);
		}
		if (!this.open) {
			throw new ZmqException("Socket '" + name + "' has not opened yet: its endpoint is known once the sockets open, "
					+ "at application start or when something first sends on one");
		}
		throw new ZmqException("Socket '" + name + "' does not bind, so it has no endpoint of its own");
	}

	/**
	 * Read: what a declared socket is doing (peers, events, counts, diagnoses), also before it
	 * opens; never opens it.
	 * @throws UnknownSocketException when no socket of that name is declared
	 */
	public SocketStatus status(String name) {
		if (!isDeclared(name)) {
			throw unknown(name);
		}
		return this.factory.status(spec(name));
	}

	/** Read: the status of every declared socket, in declaration order; never opens them. */
	public List<SocketStatus> statuses() {
		return specs().stream().map(this.factory::status).toList();
	}

	/** Read: every missing-message finding on the declared sockets, oldest first. */
	public List<Diagnosis> diagnoses() {
		return statuses().stream()
			.flatMap((status) -> status.diagnoses().stream())
			.sorted(Comparator.comparing(Diagnosis::firstSeen))
			.toList();
	}

	public ZmqSocketFactory factory() {
		return this.factory;
	}

	private UnknownSocketException unknown(String name) {
		return new UnknownSocketException(name, this.declared.stream().map(SocketSpec::name).toList());
	}

	/**
	 * Closes the shared sockets, connecting ones first (the reverse of opening). Senders blocked
	 * in them are released at once with a {@link SocketClosingException}; the whole close is a
	 * step of the context's {@link ShutdownBudget}.
	 */
	@Override
	public synchronized void close() {
		List<ManagedSocket> reverse = new ArrayList<>(this.sockets.values());
		Collections.reverse(reverse);
		try (ShutdownBudget.Step step = ShutdownBudget.of(this.factory.context()).begin()) {
			reverse.forEach((socket) -> socket.close(step));
		}
		this.open = false;
		this.closed = true;
	}

	private record OpenedBind(ZMQ.Socket socket, List<String> endpoints) {
	}

}
