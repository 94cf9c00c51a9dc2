package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.Collection;
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
 */
public final class ZmqSocketRegistry implements AutoCloseable {

	private final ZmqSocketFactory factory;

	private final String declaredAt;

	private final List<SocketSpec> declared;

	private final Map<String, ManagedSocket> sockets = new LinkedHashMap<>();

	private final Map<String, SocketSpec> redeclared = new LinkedHashMap<>();

	private volatile boolean open;

	private boolean closed;

	/**
	 * @param factory opens the sockets
	 * @param specs the declarations; validated here, before anything opens
	 * @param declaredAt where declarations live, for messages (e.g. {@code zeromq.sockets})
	 */
	public ZmqSocketRegistry(ZmqSocketFactory factory, Collection<SocketSpec> specs, String declaredAt) {
		this.factory = factory;
		this.declaredAt = declaredAt;
		new SocketSpecValidator(declaredAt).validateAll(specs);
		this.declared = List.copyOf(specs);
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
		if (this.declared.stream().noneMatch((existing) -> existing.name().equals(spec.name()))) {
			throw unknown(spec.name());
		}
		new SocketSpecValidator(this.declaredAt).validateAll(List.of(spec));
		this.redeclared.put(spec.name(), spec);
	}

	/** The declaration of a socket, as it will be or was opened. */
	public synchronized SocketSpec spec(String name) {
		SocketSpec spec = this.redeclared.get(name);
		if (spec != null) {
			return spec;
		}
		return this.declared.stream().filter((candidate) -> candidate.name().equals(name)).findFirst()
			.orElseThrow(() -> unknown(name));
	}

	/** Opens every socket, binding ones first; when one fails, closes those already open and rethrows. */
	public synchronized void open() {
		if (this.open) {
			return;
		}
		if (this.closed) {
			throw new ZmqException("The socket registry is closed");
		}
		// Stable sort: binding sockets first, declaration order otherwise.
		List<SocketSpec> specs = this.declared.stream()
			.map((spec) -> this.redeclared.getOrDefault(spec.name(), spec))
			.sorted(Comparator.comparing((SocketSpec spec) -> !spec.isBindSide()))
			.toList();
		Map<SocketSpec, OpenedBind> bound = new LinkedHashMap<>();
		try {
			for (SocketSpec spec : specs) {
				ZMQ.Socket socket = this.factory.create(spec);
				bound.put(spec, new OpenedBind(socket, this.factory.bind(socket, spec)));
			}
			for (Map.Entry<SocketSpec, OpenedBind> entry : bound.entrySet()) {
				SocketSpec spec = entry.getKey();
				this.factory.connect(entry.getValue().socket(), spec);
				this.sockets.put(spec.name(), new ManagedSocket(spec, entry.getValue().socket(),
						entry.getValue().endpoints(), () -> this.factory.open(spec).socket()));
			}
		}
		catch (RuntimeException ex) {
			bound.values().forEach((opened) -> opened.socket().close());
			this.sockets.clear();
			throw ex;
		}
		this.open = true;
	}

	/** The open socket of that name; opens all sockets first if nothing has yet. */
	public ManagedSocket socket(String name) {
		return find(name).orElseThrow(() -> unknown(name));
	}

	public Optional<ManagedSocket> find(String name) {
		if (!this.open) {
			open();
		}
		return Optional.ofNullable(this.sockets.get(name));
	}

	public boolean isOpen() {
		return this.open;
	}

	private ZmqException unknown(String name) {
		List<String> names = this.declared.stream().map(SocketSpec::name).toList();
		return new ZmqException("No socket named '" + name + "' is declared; declare it under " + this.declaredAt + "." + name
				+ " (declared: " + names + ")");
	}

	/** The first bind endpoint of a socket as resolved, e.g. {@code tcp://127.0.0.1:40123}. */
	public String endpoint(String name) {
		List<String> endpoints = socket(name).boundEndpoints();
		if (endpoints.isEmpty()) {
			throw new ZmqException("Socket '" + name + "' does not bind, so it has no endpoint of its own");
		}
		return endpoints.get(0);
	}

	public Collection<ManagedSocket> sockets() {
		if (!this.open) {
			open();
		}
		return List.copyOf(this.sockets.values());
	}

	public ZmqSocketFactory factory() {
		return this.factory;
	}

	public String declaredAt() {
		return this.declaredAt;
	}

	/** Closes the shared sockets, connecting ones first (the reverse of opening). */
	@Override
	public synchronized void close() {
		List<ManagedSocket> reverse = new ArrayList<>(this.sockets.values());
		java.util.Collections.reverse(reverse);
		reverse.forEach(ManagedSocket::close);
		this.open = false;
		this.closed = true;
	}

	private record OpenedBind(ZMQ.Socket socket, List<String> endpoints) {
	}

}
