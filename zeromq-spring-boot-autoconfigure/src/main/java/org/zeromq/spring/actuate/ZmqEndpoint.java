package org.zeromq.spring.actuate;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.zeromq.ZContext;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.Diagnosis;
import org.zeromq.spring.core.DropReason;
import org.zeromq.spring.core.RequestOutcome;
import org.zeromq.spring.core.SocketEvent;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * The {@code zeromq} Actuator endpoint: ZeroMQ has no broker console, so the application shows
 * what its sockets do.
 * <ul>
 * <li>{@code GET /actuator/zeromq}: the context, every declared socket (type, endpoints as
 * declared and as resolved, the options it sets, HWM policy, peers, counts, events, last error),
 * every listener (socket, state, concurrency, handled and failed messages) and the
 * missing-message diagnoses;</li>
 * <li>{@code GET /actuator/zeromq/{socket}}: one socket;</li>
 * <li>{@code GET /actuator/zeromq/listeners/{id}}: one listener;</li>
 * <li>{@code POST /actuator/zeromq/listeners/{id}} with {@code {"action": "pause"}} (or
 * {@code resume}, {@code stop}, {@code start}): changes a listener, and answers with its state.</li>
 * </ul>
 * Secret options (a CURVE secret key, a PLAIN password) are never shown, only that they are set.
 * Reading never opens, locks or touches a socket.
 */
@Endpoint(id = "zeromq")
public class ZmqEndpoint {

	private static final String LISTENERS = "listeners";

	private final ZmqConditions conditions;

	private final @Nullable ZmqListenerEndpointRegistry listeners;

	/**
	 * @param registry the declared sockets
	 * @param context their context
	 * @param requiredPeers peers each socket needs to be UP, by socket name (absent: none)
	 * @param listeners the listener containers, or {@code null} when there are none
	 */
	public ZmqEndpoint(ZmqSocketRegistry registry, ZContext context, Map<String, Integer> requiredPeers,
			@Nullable ZmqListenerEndpointRegistry listeners) {
		this.conditions = new ZmqConditions(registry, context, requiredPeers);
		this.listeners = listeners;
	}

	/** Everything: the context, the sockets, the listeners and the diagnoses. */
	@ReadOperation
	public ZmqDescriptor zeromq() {
		Map<String, SocketDescriptor> sockets = new LinkedHashMap<>();
		for (SocketStatus status : this.conditions.registry().statuses()) {
			sockets.put(status.name(), describe(status));
		}
		Map<String, ListenerDescriptor> listeners = new LinkedHashMap<>();
		for (ZmqListenerContainer container : containers()) {
			listeners.put(container.id(), describe(container));
		}
		List<DiagnosisDescriptor> diagnoses = this.conditions.registry().diagnoses().stream()
			.map(DiagnosisDescriptor::of)
			.toList();
		Optional<String> contextProblem = this.conditions.contextProblem();
		return new ZmqDescriptor(new ContextDescriptor(contextProblem.isEmpty(), contextProblem.orElse(null)), sockets,
				listeners, diagnoses);
	}

	/** One declared socket; 404 when there is none of that name. */
	@ReadOperation
	public @Nullable SocketDescriptor socket(@Selector String name) {
		if (!this.conditions.registry().isDeclared(name)) {
			return null;
		}
		return describe(this.conditions.registry().status(name));
	}

	/** One listener; 404 when there is none of that id. */
	@ReadOperation
	public @Nullable ListenerDescriptor listener(@Selector String group, @Selector String id) {
		ZmqListenerContainer container = container(group, id);
		return (container != null) ? describe(container) : null;
	}

	/**
	 * Pauses, resumes, stops or starts a listener (a stop waits for a running handler, bounded by
	 * the shutdown timeout); 404 when there is none of that id.
	 * @param action {@code pause}, {@code resume}, {@code stop} or {@code start}
	 */
	@WriteOperation
	public @Nullable ListenerDescriptor changeListener(@Selector String group, @Selector String id, String action) {
		ZmqListenerContainer container = container(group, id);
		if (container == null) {
			return null;
		}
		switch ((action != null) ? action.toLowerCase(Locale.ROOT) : "") {
			case "pause" -> container.pause();
			case "resume" -> container.resume();
			case "stop" -> container.stop();
			case "start" -> start(container);
			default -> throw new InvalidEndpointRequestException("Unknown action '" + action + "' for listener '" + id
					+ "'; use pause, resume, stop or start", "Unknown action; use pause, resume, stop or start");
		}
		return describe(container);
	}

	private static void start(ZmqListenerContainer container) {
		try {
			container.start();
		}
		catch (IllegalStateException | ZmqException ex) {
			throw new InvalidEndpointRequestException("Listener '" + container.id() + "' cannot start: " + ex.getMessage(),
					"The listener cannot start now");
		}
	}

	private @Nullable ZmqListenerContainer container(String group, String id) {
		if (!LISTENERS.equals(group) || this.listeners == null || !this.listeners.getListenerContainerIds().contains(id)) {
			return null;
		}
		return this.listeners.getListenerContainer(id);
	}

	private List<ZmqListenerContainer> containers() {
		return (this.listeners != null) ? new ArrayList<>(this.listeners.getListenerContainers()) : List.of();
	}

	private SocketDescriptor describe(SocketStatus status) {
		SocketSpec spec = this.conditions.registry().spec(status.name());
		Map<String, Object> options = new LinkedHashMap<>();
		for (Map.Entry<SocketOption<?>, Object> option : spec.options().explicitlySet().entrySet()) {
			options.put(option.getKey().key(), option.getKey().isSecret() ? SocketOptions.MASK : String.valueOf(option.getValue()));
		}
		Map<String, Long> dropped = new LinkedHashMap<>();
		for (DropReason reason : DropReason.values()) {
			dropped.put(reason.tag(), status.dropped(reason));
		}
		Map<String, Long> events = new LinkedHashMap<>();
		if (status.tracksPeers()) {
			for (SocketEvent event : SocketEvent.values()) {
				events.put(event.tag(), status.events(event));
			}
		}
		@Nullable RequestsDescriptor requests = null;
		if (status.type() == ZmqSocketType.REQ || status.type() == ZmqSocketType.DEALER) {
			Map<String, Long> outcomes = new LinkedHashMap<>();
			for (RequestOutcome outcome : RequestOutcome.values()) {
				outcomes.put(outcome.tag(), status.requests(outcome));
			}
			requests = new RequestsDescriptor(status.pendingRequests(), outcomes);
		}
		Optional<String> problem = this.conditions.socketProblem(status);
		int required = this.conditions.requiredPeers(status.name());
		return new SocketDescriptor(status.name(), status.type().name(), problem.isEmpty() ? "UP" : "DOWN",
				problem.orElse(null), this.conditions.socketState(status.name()), status.bindEndpoints(),
				status.connectEndpoints(), List.copyOf(status.listeningEndpoints()), spec.subscriptions(),
				spec.hwmPolicy().name(), spec.traceContext(), options, status.tracksPeers() ? status.peers() : null,
				(status.type() == ZmqSocketType.PUB) ? status.subscribers() : null, (required > 0) ? required : null,
				status.openSockets(), status.sent(), status.received(), dropped, events, requests,
				status.lastEvent().map((last) -> last.event().tag() + " " + last.endpoint() + " at " + last.at()).orElse(null),
				status.lastError().map((error) -> error.message() + " at " + error.at()).orElse(null),
				status.diagnoses().stream().map(DiagnosisDescriptor::of).toList());
	}

	private static ListenerDescriptor describe(ZmqListenerContainer container) {
		@Nullable Integer concurrency = (container instanceof DefaultZmqListenerContainer standard) ? standard.concurrency() : null;
		return new ListenerDescriptor(container.id(), container.endpoint().socket(), ZmqConditions.listenerState(container),
				concurrency, container.processedCount(), container.failedCount(), container.failure().orElse(null));
	}

	/**
	 * Everything the endpoint shows.
	 *
	 * @param context the ZeroMQ context
	 * @param sockets the declared sockets by name
	 * @param listeners the listeners by id
	 * @param diagnoses the missing-message findings, oldest first
	 */
	public record ZmqDescriptor(ContextDescriptor context, Map<String, SocketDescriptor> sockets,
			Map<String, ListenerDescriptor> listeners, List<DiagnosisDescriptor> diagnoses) {
	}

	/**
	 * The ZeroMQ context.
	 *
	 * @param usable whether it can still move messages
	 * @param problem why not, or {@code null}
	 */
	public record ContextDescriptor(boolean usable, @Nullable String problem) {
	}

	/**
	 * One declared socket.
	 *
	 * @param name its name
	 * @param type its type
	 * @param status UP or DOWN, as the health check judges it
	 * @param problem why DOWN, or {@code null}
	 * @param state open, not-open, owned-by-listener or closed
	 * @param bind bind endpoints as declared
	 * @param connect connect endpoints as declared
	 * @param listening endpoints listened on now, as resolved
	 * @param subscriptions SUB prefixes
	 * @param hwmPolicy what a send does at the high-water mark
	 * @param traceContext whether its messages carry a trace-context frame
	 * @param options the options it sets, secrets masked
	 * @param peers peers whose handshake completed (tcp and ipc), or {@code null} for inproc
	 * @param subscribers subscribers read so far (PUB), or {@code null}
	 * @param requiredPeers peers the health check requires, or {@code null}
	 * @param openSockets JeroMQ sockets open under the name
	 * @param sent messages sent
	 * @param received messages received
	 * @param dropped messages dropped, by reason
	 * @param events JeroMQ's connection events, by kind
	 * @param requests requests pending and by outcome (REQ, DEALER), or {@code null}
	 * @param lastEvent the latest event, or {@code null}
	 * @param lastError the latest failure, or {@code null}
	 * @param diagnoses the missing-message findings on it
	 */
	public record SocketDescriptor(String name, String type, String status, @Nullable String problem, String state,
			List<String> bind, List<String> connect, List<String> listening, List<String> subscriptions,
			String hwmPolicy, boolean traceContext, Map<String, Object> options, @Nullable Integer peers,
			@Nullable Integer subscribers, @Nullable Integer requiredPeers, int openSockets, long sent, long received, Map<String, Long> dropped,
			Map<String, Long> events, @Nullable RequestsDescriptor requests, @Nullable String lastEvent,
			@Nullable String lastError,
			List<DiagnosisDescriptor> diagnoses) {
	}

	/**
	 * Requests of a REQ or DEALER socket.
	 *
	 * @param pending waiting for their reply now
	 * @param outcomes ended, by outcome
	 */
	public record RequestsDescriptor(int pending, Map<String, Long> outcomes) {
	}

	/**
	 * One listener.
	 *
	 * @param id its id
	 * @param socket the socket it listens on
	 * @param state running, paused, stopped or failed
	 * @param concurrency its threads, or {@code null} when unknown
	 * @param processed messages handled without failure
	 * @param failed messages whose handling failed
	 * @param failure why it failed, or {@code null}
	 */
	public record ListenerDescriptor(String id, String socket, String state, @Nullable Integer concurrency,
			long processed, long failed, @Nullable String failure) {
	}

	/**
	 * One missing-message finding.
	 *
	 * @param kind its kind, as docs/diagnostics.md names it
	 * @param socket the socket
	 * @param endpoint the endpoint(s) concerned
	 * @param description what happened
	 * @param fix what to do
	 * @param count how often
	 * @param firstSeen when first
	 * @param lastSeen when last
	 */
	public record DiagnosisDescriptor(String kind, String socket, String endpoint, String description, String fix,
			long count, String firstSeen, String lastSeen) {

		static DiagnosisDescriptor of(Diagnosis diagnosis) {
			return new DiagnosisDescriptor(diagnosis.kind().id(), diagnosis.socket(), diagnosis.endpoint(),
					diagnosis.description(), diagnosis.fix(), diagnosis.count(), diagnosis.firstSeen().toString(),
					diagnosis.lastSeen().toString());
		}

	}

}
