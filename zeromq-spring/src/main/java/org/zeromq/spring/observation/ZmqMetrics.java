package org.zeromq.spring.observation;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.zeromq.spring.core.Diagnosis;
import org.zeromq.spring.core.DropReason;
import org.zeromq.spring.core.RequestOutcome;
import org.zeromq.spring.core.SocketEvent;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * The meters of the declared sockets, each reading a count the socket keeps anyway
 * ({@link SocketStatus}): function counters and gauges, so that sending and receiving never call
 * the meter registry. Tags: {@code socket} (the declared name) and {@code type}.
 * <ul>
 * <li>{@code zeromq.messages.sent}, {@code zeromq.messages.received}</li>
 * <li>{@code zeromq.messages.dropped}, tagged {@code reason}: {@code hwm}, {@code no-peer},
 * {@code unroutable} (ROUTER only)</li>
 * <li>{@code zeromq.socket.peers}: peers whose handshake completed (tcp and ipc sockets);
 * {@code zeromq.socket.subscribers} for a PUB</li>
 * <li>{@code zeromq.socket.events}, tagged {@code event}: what JeroMQ reported</li>
 * <li>{@code zeromq.requests.pending} and the {@code zeromq.request} timer, tagged
 * {@code outcome} ({@code success}, {@code timeout}, {@code error}): REQ and DEALER sockets</li>
 * <li>{@code zeromq.diagnoses}, tagged {@code kind}: the missing-message findings that can occur on
 * the socket (e.g. {@code publish-without-subscribers} only on a PUB with a tcp or ipc endpoint)</li>
 * </ul>
 */
public final class ZmqMetrics implements MeterBinder {

	private final ZmqSocketRegistry sockets;

	public ZmqMetrics(ZmqSocketRegistry sockets) {
		this.sockets = sockets;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (SocketStatus status : this.sockets.statuses()) {
			bind(registry, status);
		}
	}

	private static void bind(MeterRegistry registry, SocketStatus status) {
		ZmqSocketType type = status.type();
		Tags tags = Tags.of("socket", status.name(), "type", type.name());
		FunctionCounter.builder("zeromq.messages.sent", status, SocketStatus::sent)
			.tags(tags)
			.description("Messages the socket queued for its peers")
			.register(registry);
		FunctionCounter.builder("zeromq.messages.received", status, SocketStatus::received)
			.tags(tags)
			.description("Messages the socket received")
			.register(registry);
		for (DropReason reason : dropReasons(type)) {
			FunctionCounter.builder("zeromq.messages.dropped", status, (s) -> s.dropped(reason))
				.tags(tags)
				.tag("reason", reason.tag())
				.description("Messages the socket did not deliver, by reason")
				.register(registry);
		}
		if (status.tracksPeers()) {
			Gauge.builder("zeromq.socket.peers", status, SocketStatus::peers)
				.tags(tags)
				.description("Peers connected whose ZeroMQ handshake completed")
				.register(registry);
			if (type == ZmqSocketType.PUB) {
				Gauge.builder("zeromq.socket.subscribers", status, SocketStatus::subscribers)
					.tags(tags)
					.description("Connected peers whose subscription the publisher has read")
					.register(registry);
			}
			for (SocketEvent event : SocketEvent.values()) {
				FunctionCounter.builder("zeromq.socket.events", status, (s) -> s.events(event))
					.tags(tags)
					.tag("event", event.tag())
					.description("Connection events JeroMQ reported for the socket")
					.register(registry);
			}
		}
		if (type == ZmqSocketType.REQ || type == ZmqSocketType.DEALER) {
			Gauge.builder("zeromq.requests.pending", status, SocketStatus::pendingRequests)
				.tags(tags)
				.description("Requests waiting for their reply")
				.register(registry);
			for (RequestOutcome outcome : RequestOutcome.values()) {
				FunctionTimer.builder("zeromq.request", status, (s) -> s.requests(outcome),
						(s) -> s.requestTime(outcome).toNanos(), TimeUnit.NANOSECONDS)
					.tags(tags)
					.tag("outcome", outcome.tag())
					.description("Requests made through the template, by how they ended")
					.register(registry);
			}
		}
		for (Diagnosis.Kind kind : diagnosisKinds(status)) {
			FunctionCounter.builder("zeromq.diagnoses", status, (s) -> s.diagnosed(kind))
				.tags(tags)
				.tag("kind", kind.id())
				.description("Missing-message findings on the socket (see docs/diagnostics.md)")
				.register(registry);
		}
	}

	/**
	 * The findings that can occur on the socket, so that a PULL carries no publish or request
	 * counters that would stay zero forever: each kind for the sockets whose code path raises it.
	 */
	static Set<Diagnosis.Kind> diagnosisKinds(SocketStatus status) {
		ZmqSocketType type = status.type();
		Set<Diagnosis.Kind> kinds = EnumSet.noneOf(Diagnosis.Kind.class);
		// Judged from connection events, which inproc never raises.
		if (status.tracksPeers() && type == ZmqSocketType.PUB) {
			kinds.add(Diagnosis.Kind.PUBLISH_WITHOUT_SUBSCRIBERS);
		}
		if (refusesSends(type)) {
			kinds.add(Diagnosis.Kind.HWM_REACHED);
			if (status.tracksPeers()) {
				kinds.add(Diagnosis.Kind.SEND_WITHOUT_PEER);
			}
		}
		if (status.connectEndpoints().stream().anyMatch((endpoint) -> !endpoint.startsWith("inproc://"))) {
			kinds.add(Diagnosis.Kind.CONNECT_WITHOUT_HANDSHAKE);
		}
		if (type == ZmqSocketType.ROUTER || type == ZmqSocketType.REP) {
			// A REP served by several threads answers through a ROUTER in front of them.
			kinds.add(Diagnosis.Kind.UNROUTABLE);
		}
		if (type == ZmqSocketType.REQ || type == ZmqSocketType.DEALER) {
			kinds.add(Diagnosis.Kind.REQUEST_TIMEOUT);
		}
		return kinds;
	}

	// Sockets whose send can be refused or dropped at the high-water mark or for want of a peer:
	// PUB and XPUB only with xpub-nodrop, ROUTER only with router-mandatory. PULL and SUB do not
	// send; REP and XSUB sends never wait for room.
	private static boolean refusesSends(ZmqSocketType type) {
		return switch (type) {
			case PUSH, DEALER, REQ, PAIR, ROUTER, PUB, XPUB -> true;
			default -> false;
		};
	}

	private static Set<DropReason> dropReasons(ZmqSocketType type) {
		Set<DropReason> reasons = EnumSet.of(DropReason.HWM, DropReason.NO_PEER);
		if (type == ZmqSocketType.ROUTER || type == ZmqSocketType.REP) {
			// A REP served by several threads answers through a ROUTER in front of them.
			reasons.add(DropReason.UNROUTABLE);
		}
		return reasons;
	}

}
