package org.zeromq.spring.actuate;

import org.jspecify.annotations.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.zeromq.ZContext;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.DropReason;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * The {@code zeromq} health: DOWN when the ZeroMQ context is terminated or lost a thread, when a
 * socket failed to bind, was closed under the application or has fewer peers than it requires
 * ({@code health.required-peers}), or when a listener's thread died; UP otherwise. Each socket and
 * listener is reported with its own status and what explains it. Reading it never opens, locks or
 * touches a socket.
 */
public final class ZmqHealthIndicator extends AbstractHealthIndicator {

	private final ZmqConditions conditions;

	private final @Nullable ZmqListenerEndpointRegistry listeners;

	/**
	 * @param registry the declared sockets
	 * @param context their context
	 * @param requiredPeers peers each socket needs to be UP, by socket name (absent: none)
	 * @param listeners the listener containers, or {@code null} when there are none
	 */
	public ZmqHealthIndicator(ZmqSocketRegistry registry, ZContext context, Map<String, Integer> requiredPeers,
			@Nullable ZmqListenerEndpointRegistry listeners) {
		super("ZeroMQ health check failed");
		this.conditions = new ZmqConditions(registry, context, requiredPeers);
		this.listeners = listeners;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean down = false;
		Optional<String> contextProblem = this.conditions.contextProblem();
		if (contextProblem.isPresent()) {
			down = true;
			builder.withDetail("context", contextProblem.get());
		}
		Map<String, Object> sockets = new LinkedHashMap<>();
		for (SocketStatus status : this.conditions.registry().statuses()) {
			Optional<String> problem = this.conditions.socketProblem(status);
			down |= problem.isPresent();
			sockets.put(status.name(), socket(status, problem));
		}
		builder.withDetail("sockets", sockets);
		if (this.listeners != null) {
			Map<String, Object> listeners = new LinkedHashMap<>();
			for (ZmqListenerContainer container : this.listeners.getListenerContainers()) {
				Optional<String> problem = ZmqConditions.listenerProblem(container);
				down |= problem.isPresent();
				listeners.put(container.id(), listener(container, problem));
			}
			builder.withDetail("listeners", listeners);
		}
		builder.status(down ? Status.DOWN : Status.UP);
	}

	private Map<String, Object> socket(SocketStatus status, Optional<String> problem) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", problem.isPresent() ? Status.DOWN.getCode() : Status.UP.getCode());
		problem.ifPresent((text) -> details.put("problem", text));
		details.put("type", status.type().name());
		details.put("state", this.conditions.socketState(status.name()));
		details.put("endpoints", endpoints(status));
		if (status.tracksPeers()) {
			details.put("peers", status.peers());
		}
		int required = this.conditions.requiredPeers(status.name());
		if (required > 0) {
			details.put("requiredPeers", required);
		}
		details.put("sent", status.sent());
		details.put("received", status.received());
		long dropped = 0;
		for (DropReason reason : DropReason.values()) {
			dropped += status.dropped(reason);
		}
		details.put("dropped", dropped);
		status.lastError().ifPresent((error) -> details.put("lastError", error.message() + " (" + error.at() + ")"));
		return details;
	}

	private static List<String> endpoints(SocketStatus status) {
		List<String> listening = List.copyOf(status.listeningEndpoints());
		List<String> endpoints = new java.util.ArrayList<>(listening.isEmpty() ? status.bindEndpoints() : listening);
		endpoints.addAll(status.connectEndpoints());
		return endpoints;
	}

	private static Map<String, Object> listener(ZmqListenerContainer container, Optional<String> problem) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", problem.isPresent() ? Status.DOWN.getCode() : Status.UP.getCode());
		problem.ifPresent((text) -> details.put("problem", text));
		details.put("socket", container.endpoint().socket());
		details.put("state", ZmqConditions.listenerState(container));
		details.put("processed", container.processedCount());
		details.put("failed", container.failedCount());
		return details;
	}

}
