package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.zeromq.ZMQ;

/**
 * Applies a {@link SocketSpec}'s options to a JeroMQ socket, before it binds or connects (most
 * options only affect connections made afterwards).
 * <p>
 * Where the starter's default differs from JeroMQ's, it is here and documented:
 * <ul>
 * <li>linger defaults to the context's default linger instead of JeroMQ's 0, so a graceful
 * close still delivers what was handed to {@code send};</li>
 * <li>send-timeout defaults to {@link #DEFAULT_SEND_TIMEOUT} instead of "forever", so a send at
 * the high-water mark fails with a clear exception instead of hanging;</li>
 * <li>REQ sockets default to req-relaxed and req-correlate, so a request that timed out leaves
 * the socket usable for the next one;</li>
 * <li>the handshake interval is {@link #DEFAULT_HANDSHAKE_INTERVAL} instead of 30 s, so that a
 * connection JeroMQ leaves without a handshake is dropped and made again within seconds.</li>
 * </ul>
 */
public final class SocketConfigurer {

	public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * ZMQ_HANDSHAKE_IVL of every socket. JeroMQ 0.6.0 now and then never polls a freshly
	 * connected TCP channel (its poller finds the connecter's cancelled selection key and skips
	 * the engine's registration, zeromq/jeromq#1022), measured at 4 to 8 in 100 connections to a
	 * libzmq peer: no greeting leaves and queued messages wait until this timer drops the
	 * connection and reconnects. Long enough for a CURVE handshake over a slow WAN.
	 */
	public static final Duration DEFAULT_HANDSHAKE_INTERVAL = Duration.ofSeconds(3);

	private final Duration defaultLinger;

	public SocketConfigurer(Duration defaultLinger) {
		this.defaultLinger = defaultLinger;
	}

	public void configure(ZMQ.Socket socket, SocketSpec spec) {
		SocketOptions o = spec.options();
		String name = spec.name();
		apply(name, "linger", () -> socket.setLinger(millis(orDefault(o.linger(), this.defaultLinger))));
		apply(name, "handshake-interval", () -> socket.setHandshakeIvl(millis(DEFAULT_HANDSHAKE_INTERVAL)));
		if (spec.type().canSend()) {
			apply(name, "send-timeout", () -> socket.setSendTimeOut(millis(orDefault(o.sendTimeout(), DEFAULT_SEND_TIMEOUT))));
		}
		if (spec.type() == ZmqSocketType.REQ) {
			apply(name, "req-relaxed", () -> socket.setReqRelaxed(reqRelaxed(o)));
			apply(name, "req-correlate", () -> socket.setReqCorrelate(reqCorrelate(o)));
		}
		if (o.sendHwm() != null) {
			apply(name, "send-hwm", () -> socket.setSndHWM(o.sendHwm()));
		}
		if (o.receiveHwm() != null) {
			apply(name, "receive-hwm", () -> socket.setRcvHWM(o.receiveHwm()));
		}
		if (o.identity() != null) {
			apply(name, "identity", () -> socket.setIdentity(o.identity().getBytes(StandardCharsets.UTF_8)));
		}
		if (o.receiveTimeout() != null) {
			apply(name, "receive-timeout", () -> socket.setReceiveTimeOut(millis(o.receiveTimeout())));
		}
		if (o.reconnectInterval() != null) {
			apply(name, "reconnect-interval", () -> socket.setReconnectIVL(millis(o.reconnectInterval())));
		}
		if (o.reconnectIntervalMax() != null) {
			apply(name, "reconnect-interval-max", () -> socket.setReconnectIVLMax(millis(o.reconnectIntervalMax())));
		}
		if (o.heartbeatInterval() != null) {
			apply(name, "heartbeat-interval", () -> socket.setHeartbeatIvl(millis(o.heartbeatInterval())));
		}
		if (o.heartbeatTtl() != null) {
			apply(name, "heartbeat-ttl", () -> socket.setHeartbeatTtl(millis(o.heartbeatTtl())));
		}
		if (o.heartbeatTimeout() != null) {
			apply(name, "heartbeat-timeout", () -> socket.setHeartbeatTimeout(millis(o.heartbeatTimeout())));
		}
		if (o.immediate() != null) {
			// JeroMQ's setImmediate(true) means "attach pipes at once" — libzmq's ZMQ_IMMEDIATE=0.
			apply(name, "immediate", () -> socket.setImmediate(!o.immediate()));
		}
		if (o.conflate() != null) {
			apply(name, "conflate", () -> socket.setConflate(o.conflate()));
		}
		if (o.routerMandatory() != null) {
			apply(name, "router-mandatory", () -> socket.setRouterMandatory(o.routerMandatory()));
		}
		if (o.xpubNodrop() != null) {
			apply(name, "xpub-nodrop", () -> socket.setXpubNoDrop(o.xpubNodrop()));
		}
		if (o.xpubVerbose() != null) {
			apply(name, "xpub-verbose", () -> socket.setXpubVerbose(o.xpubVerbose()));
		}
		if (o.maxMessageSize() != null) {
			apply(name, "max-message-size", () -> socket.setMaxMsgSize(o.maxMessageSize()));
		}
		if (o.tcpKeepalive() != null) {
			apply(name, "tcp-keepalive", () -> socket.setTCPKeepAlive(o.tcpKeepalive() ? 1 : 0));
		}
		if (o.ipv6() != null) {
			apply(name, "ipv6", () -> socket.setIPv6(o.ipv6()));
		}
		if (o.backlog() != null) {
			apply(name, "backlog", () -> socket.setBacklog(o.backlog()));
		}
	}

	/**
	 * Whether a REQ socket of this spec may send its next request after one went unanswered and
	 * then tells the late reply from the one it waits for: req-relaxed and req-correlate are both
	 * on, as they are unless the spec turns one off. Decided from the spec because JeroMQ cannot
	 * read either option back from a socket.
	 */
	public static boolean recoversFromUnansweredRequest(SocketSpec spec) {
		return reqRelaxed(spec.options()) && reqCorrelate(spec.options());
	}

	private static boolean reqRelaxed(SocketOptions options) {
		return orDefault(options.reqRelaxed(), true);
	}

	private static boolean reqCorrelate(SocketOptions options) {
		return orDefault(options.reqCorrelate(), true);
	}

	private static void apply(String socket, String option, BooleanSupplier setter) {
		boolean accepted;
		try {
			accepted = setter.getAsBoolean();
		}
		catch (RuntimeException ex) {
			throw new ZmqException("JeroMQ rejected " + option + " on socket '" + socket + "': " + ex.getMessage(), ex);
		}
		if (!accepted) {
			throw new ZmqException("JeroMQ rejected " + option + " on socket '" + socket + "'");
		}
	}

	private static <T> T orDefault(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

}
