package org.zeromq.spring.actuate;

import java.util.Map;
import java.util.Optional;

import org.zeromq.ZContext;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.SupervisedZContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * What is wrong, if anything, with the context, a socket or a listener: the one judgement the
 * health check and the {@code zeromq} endpoint share. Only reads: nothing here opens, locks or
 * touches a socket.
 */
final class ZmqConditions {

	private final ZmqSocketRegistry registry;

	private final ZContext context;

	private final Map<String, Integer> requiredPeers;

	/**
	 * @param requiredPeers peers each socket needs to be healthy, by socket name (0 or absent: none)
	 */
	ZmqConditions(ZmqSocketRegistry registry, ZContext context, Map<String, Integer> requiredPeers) {
		this.registry = registry;
		this.context = context;
		this.requiredPeers = requiredPeers;
	}

	ZmqSocketRegistry registry() {
		return this.registry;
	}

	ZContext context() {
		return this.context;
	}

	/** Why the context no longer works: terminated, or one of JeroMQ's threads died. */
	Optional<String> contextProblem() {
		if (this.context instanceof SupervisedZContext supervised && supervised.failure().isPresent()) {
			return supervised.failure();
		}
		if (this.context.isClosed()) {
			return Optional.of("the ZeroMQ context is terminated: no socket can send or receive");
		}
		return Optional.empty();
	}

	int requiredPeers(String socket) {
		return this.requiredPeers.getOrDefault(socket, 0);
	}

	/** Why a socket does not do its job: a failed bind, closed under the application, too few peers. */
	Optional<String> socketProblem(SocketStatus status) {
		Optional<SocketStatus.Problem> bindFailure = status.bindFailure();
		if (bindFailure.isPresent()) {
			return Optional.of(bindFailure.get().message());
		}
		Optional<ManagedSocket> socket = this.registry.find(status.name());
		if (socket.isPresent() && this.registry.isOpen() && !socket.get().isClaimed() && !socket.get().isClosed()
				&& status.openSockets() == 0) {
			return Optional.of("the socket was closed under the application (its context terminated, or code closed "
					+ "it directly)");
		}
		int required = requiredPeers(status.name());
		if (required > 0 && this.registry.isOpen() && status.peers() < required) {
			return Optional.of(status.peers() + " of " + required + " required peers have completed the handshake");
		}
		return Optional.empty();
	}

	/** Why a listener does not serve its socket although nobody stopped it. */
	static Optional<String> listenerProblem(ZmqListenerContainer container) {
		return container.failure();
	}

	/** running, paused, stopped or failed. */
	static String listenerState(ZmqListenerContainer container) {
		if (container.failure().isPresent()) {
			return "failed";
		}
		if (!container.isRunning()) {
			return "stopped";
		}
		return container.isPaused() ? "paused" : "running";
	}

	/** open, not-open (the sockets open at start or first use) or closed; or the listener's. */
	String socketState(String name) {
		Optional<ManagedSocket> socket = this.registry.find(name);
		if (socket.isEmpty()) {
			return "not-open";
		}
		if (socket.get().isClosed()) {
			return "closed";
		}
		return socket.get().isClaimed() ? "owned-by-listener" : "open";
	}

}
