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
 * local tcp peer then finds its endpoint ready.
 */
public final class ZmqSocketRegistry implements AutoCloseable {

	private final ZmqSocketFactory factory;

	private final String declaredAt;

	private final List<SocketSpec> specs;

	private final Map<String, ManagedSocket> sockets = new LinkedHashMap<>();

	private volatile boolean open;

	/**
	 * @param factory opens the sockets
	 * @param specs the declarations; validated here, before anything opens
	 * @param declaredAt where declarations live, for messages (e.g. {@code zeromq.sockets})
	 */
	public ZmqSocketRegistry(ZmqSocketFactory factory, Collection<SocketSpec> specs, String declaredAt) {
		this.factory = factory;
		this.declaredAt = declaredAt;
		new SocketSpecValidator(declaredAt).validateAll(specs);
		// Stable sort: binding sockets first, declaration order otherwise.
		this.specs = specs.stream().sorted(Comparator.comparing((SocketSpec spec) -> !spec.isBindSide())).toList();
	}

	/** Opens every socket; when one fails, closes those already open and rethrows. */
	public synchronized void open() {
		if (this.open) {
			return;
		}
		Map<SocketSpec, OpenedBind> bound = new LinkedHashMap<>();
		try {
			for (SocketSpec spec : this.specs) {
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

	public ManagedSocket socket(String name) {
		ManagedSocket socket = this.sockets.get(name);
		if (socket == null) {
			throw new ZmqException("No socket named '" + name + "' is declared" + (this.open ? "" : " (the registry is not open)")
					+ "; declare it under " + this.declaredAt + "." + name + " (declared: " + this.sockets.keySet() + ")");
		}
		return socket;
	}

	public Optional<ManagedSocket> find(String name) {
		return Optional.ofNullable(this.sockets.get(name));
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
	}

	private record OpenedBind(ZMQ.Socket socket, List<String> endpoints) {
	}

}
