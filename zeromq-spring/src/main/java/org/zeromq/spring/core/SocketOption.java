package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.zeromq.ZMQ;

import static org.zeromq.spring.core.ZmqSocketType.DEALER;
import static org.zeromq.spring.core.ZmqSocketType.PUB;
import static org.zeromq.spring.core.ZmqSocketType.PULL;
import static org.zeromq.spring.core.ZmqSocketType.PUSH;
import static org.zeromq.spring.core.ZmqSocketType.REP;
import static org.zeromq.spring.core.ZmqSocketType.REQ;
import static org.zeromq.spring.core.ZmqSocketType.ROUTER;
import static org.zeromq.spring.core.ZmqSocketType.SUB;
import static org.zeromq.spring.core.ZmqSocketType.XPUB;

/**
 * The socket options the starter can set, one row each: the option's key, its value type, the
 * sockets it applies to, the libzmq option and JeroMQ setter behind it, its default (JeroMQ's,
 * or the starter's where JeroMQ's does harm), the values it accepts and what it does.
 * <p>
 * This table is the only list of options: specs store values by it, {@link SocketSpecValidator}
 * checks them against it, {@link SocketConfigurer} applies them by it, and configuration
 * binding and documentation are derived from it. Adding an option is adding a row.
 * <p>
 * Booleans have libzmq's meaning, whatever JeroMQ's setter is called; durations are applied in
 * milliseconds, capped at {@link Integer#MAX_VALUE}.
 *
 * @param <T> the value type
 */
public final class SocketOption<T> {

	private static final Map<String, SocketOption<?>> TABLE = new LinkedHashMap<>();

	// What JeroMQ 0.6.0 does with text it sizes in characters but sends as UTF-8.
	private static final String CUT_SHORT = "JeroMQ sends only as many bytes of its UTF-8 form as it has characters, "
			+ "so the server would get it cut short";

	private static final String DOMAIN_OVERFLOWS = "JeroMQ sizes the ZAP request's domain frame in characters, so any other "
			+ "character overflows it on the I/O thread at every handshake";

	public static final SocketOption<Integer> SEND_HWM = row("send-hwm", Integer.class)
		.zmq("ZMQ_SNDHWM", "setSndHWM", (socket, value) -> socket.setSndHWM(value))
		.scope(OptionScope.SENDING_TYPES)
		.byDefault(OptionDefault.jeromq("1000"))
		.range(ValueRange.notNegative("use 0 or more (0 means no limit)"))
		.describedAs("Messages queued per peer before the high-water mark; 0 means no limit.");

	public static final SocketOption<Integer> RECEIVE_HWM = row("receive-hwm", Integer.class)
		.zmq("ZMQ_RCVHWM", "setRcvHWM", (socket, value) -> socket.setRcvHWM(value))
		.scope(OptionScope.RECEIVING_TYPES)
		.byDefault(OptionDefault.jeromq("1000"))
		.range(ValueRange.notNegative("use 0 or more (0 means no limit)"))
		.describedAs("Incoming messages queued per peer before the high-water mark; 0 means no limit.");

	/**
	 * Defaults to the context's linger rather than JeroMQ's 0, so that a graceful close still
	 * delivers what was handed to {@code send}.
	 */
	public static final SocketOption<Duration> LINGER = row("linger", Duration.class)
		.zmq("ZMQ_LINGER", "setLinger", (socket, value) -> socket.setLinger(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.fromContext("linger", ContextSettings::linger))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How long closing waits for queued messages to leave.");

	public static final SocketOption<String> IDENTITY = row("identity", String.class)
		.zmq("ZMQ_ROUTING_ID", "setIdentity",
				(socket, value) -> socket.setIdentity(value.getBytes(StandardCharsets.UTF_8)))
		.scope(OptionScope.types(REQ, REP, DEALER, ROUTER))
		.byDefault(OptionDefault.jeromq("none (a peer ROUTER makes one up)"))
		.range(ValueRange.utf8AtMost(255))
		.describedAs("The name a ROUTER peer addresses this socket by, sent as UTF-8; at most 255 bytes.");

	/**
	 * Defaults to 10 s instead of JeroMQ's "forever", so that a send at the high-water mark (or,
	 * for PUSH, DEALER and REQ, with no peer at all) fails with a clear exception instead of
	 * hanging.
	 */
	public static final SocketOption<Duration> SEND_TIMEOUT = row("send-timeout", Duration.class)
		.zmq("ZMQ_SNDTIMEO", "setSendTimeOut", (socket, value) -> socket.setSendTimeOut(millis(value)))
		.scope(OptionScope.SENDING_TYPES)
		.byDefault(OptionDefault.starter(Duration.ofSeconds(10), "forever"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How long a blocking send waits at the high-water mark before it fails.");

	public static final SocketOption<Duration> RECEIVE_TIMEOUT = row("receive-timeout", Duration.class)
		.zmq("ZMQ_RCVTIMEO", "setReceiveTimeOut", (socket, value) -> socket.setReceiveTimeOut(millis(value)))
		.scope(OptionScope.RECEIVING_TYPES)
		.byDefault(OptionDefault.jeromq("forever"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How long a blocking receive waits. A listener's sockets use their own.");

	public static final SocketOption<Duration> RECONNECT_INTERVAL = row("reconnect-interval", Duration.class)
		.zmq("ZMQ_RECONNECT_IVL", "setReconnectIVL", (socket, value) -> socket.setReconnectIVL(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("100ms"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("Wait before reconnecting a lost connection.");

	public static final SocketOption<Duration> RECONNECT_INTERVAL_MAX = row("reconnect-interval-max", Duration.class)
		.zmq("ZMQ_RECONNECT_IVL_MAX", "setReconnectIVLMax", (socket, value) -> socket.setReconnectIVLMax(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("0 (no back-off)"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("Ceiling of the exponential reconnect back-off.");

	public static final SocketOption<Duration> HEARTBEAT_INTERVAL = row("heartbeat-interval", Duration.class)
		.zmq("ZMQ_HEARTBEAT_IVL", "setHeartbeatIvl", (socket, value) -> socket.setHeartbeatIvl(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("0 (no heartbeats)"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How often to send a ZMTP PING.");

	// JeroMQ keeps the TTL in tenths of a second in 16 bits and refuses 6554 tenths or more.
	public static final SocketOption<Duration> HEARTBEAT_TTL = row("heartbeat-ttl", Duration.class)
		.zmq("ZMQ_HEARTBEAT_TTL", "setHeartbeatTtl", (socket, value) -> socket.setHeartbeatTtl(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("0"))
		.range(ValueRange.notNegativeDurationBelow(Duration.ofMillis(655_400),
				"JeroMQ keeps it in tenths of a second, up to 6553"))
		.describedAs("How long the peer may go without hearing from us. JeroMQ keeps it in tenths of a second: "
				+ "under 100ms it has no effect, and it must be under 655.4s. Needs heartbeat-interval.");

	public static final SocketOption<Duration> HEARTBEAT_TIMEOUT = row("heartbeat-timeout", Duration.class)
		.zmq("ZMQ_HEARTBEAT_TIMEOUT", "setHeartbeatTimeout", (socket, value) -> socket.setHeartbeatTimeout(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("the heartbeat interval"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How long to wait for a PONG before dropping the connection.");

	/**
	 * Defaults to 3 s instead of JeroMQ's 30 s. JeroMQ 0.6.0 now and then never polls a freshly
	 * connected TCP channel (its poller finds the connecter's cancelled selection key and skips
	 * the engine's registration, zeromq/jeromq#1022), measured at 4 to 8 in 100 connections to a
	 * libzmq peer: no greeting leaves and queued messages wait until this timer drops the
	 * connection and reconnects. 3 s is still long enough for a CURVE handshake over a slow WAN.
	 */
	public static final SocketOption<Duration> HANDSHAKE_INTERVAL = row("handshake-interval", Duration.class)
		.zmq("ZMQ_HANDSHAKE_IVL", "setHandshakeIvl", (socket, value) -> socket.setHandshakeIvl(millis(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.starter(Duration.ofSeconds(3), "30s"))
		.range(ValueRange.notNegativeDuration())
		.describedAs("How long a new connection may take to complete its ZMTP handshake before it is dropped "
				+ "and made again; 0 means no limit.");

	// JeroMQ's setImmediate(true) means "attach pipes at once": libzmq's ZMQ_IMMEDIATE=0.
	public static final SocketOption<Boolean> IMMEDIATE = row("immediate", Boolean.class)
		.zmq("ZMQ_IMMEDIATE", "setImmediate", (socket, value) -> socket.setImmediate(!value))
		.scope(OptionScope.CONNECTING_SOCKETS)
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("Queue messages only on completed connections (libzmq's meaning; JeroMQ's setter is inverted).");

	public static final SocketOption<Boolean> CONFLATE = row("conflate", Boolean.class)
		.zmq("ZMQ_CONFLATE", "setConflate", (socket, value) -> socket.setConflate(value))
		.scope(OptionScope.types(PUSH, PULL, PUB, SUB, DEALER))
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("Keep only the last message. Not for multipart messages.");

	public static final SocketOption<Boolean> ROUTER_MANDATORY = row("router-mandatory", Boolean.class)
		.zmq("ZMQ_ROUTER_MANDATORY", "setRouterMandatory", (socket, value) -> socket.setRouterMandatory(value))
		.scope(OptionScope.types(ROUTER))
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("A send to an unknown identity throws instead of vanishing.");

	public static final SocketOption<Boolean> XPUB_NODROP = row("xpub-nodrop", Boolean.class)
		.zmq("ZMQ_XPUB_NODROP", "setXpubNoDrop", (socket, value) -> socket.setXpubNoDrop(value))
		.scope(OptionScope.types(PUB, XPUB))
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("At the high-water mark, refuse the send instead of dropping, so that hwm-policy applies.");

	public static final SocketOption<Boolean> XPUB_VERBOSE = row("xpub-verbose", Boolean.class)
		.zmq("ZMQ_XPUB_VERBOSE", "setXpubVerbose", (socket, value) -> socket.setXpubVerbose(value))
		.scope(OptionScope.types(XPUB))
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("Pass on every subscription, not only new ones.");

	/**
	 * On by default, with {@link #REQ_CORRELATE}: a strict REQ socket whose request got no reply
	 * can never send again, and a request that timed out must leave the socket usable.
	 */
	public static final SocketOption<Boolean> REQ_RELAXED = row("req-relaxed", Boolean.class)
		.zmq("ZMQ_REQ_RELAXED", "setReqRelaxed", (socket, value) -> socket.setReqRelaxed(value))
		.scope(OptionScope.types(REQ))
		.byDefault(OptionDefault.starter(true, "false"))
		.range(ValueRange.any())
		.describedAs("Allow a new request before the reply to the last one arrived.");

	/** On by default, so that a late reply to an abandoned request is not taken for the next one's. */
	public static final SocketOption<Boolean> REQ_CORRELATE = row("req-correlate", Boolean.class)
		.zmq("ZMQ_REQ_CORRELATE", "setReqCorrelate", (socket, value) -> socket.setReqCorrelate(value))
		.scope(OptionScope.types(REQ))
		.byDefault(OptionDefault.starter(true, "false"))
		.range(ValueRange.any())
		.describedAs("Discard replies to earlier requests.");

	/**
	 * Defaults to 4 MiB instead of JeroMQ's "no limit": JeroMQ allocates a frame's whole buffer as
	 * soon as a peer announces its size, before a byte of it arrives, so without a limit one
	 * 73-byte input reserves up to 2 GiB (docs/reliability.md). -1 lifts the limit, as in ZeroMQ;
	 * 0 is not "no limit" but refuses every non-empty frame.
	 */
	public static final SocketOption<Long> MAX_MESSAGE_SIZE = row("max-message-size", Long.class)
		.zmq("ZMQ_MAXMSGSIZE", "setMaxMsgSize", (socket, value) -> socket.setMaxMsgSize(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.starter(4L * 1024 * 1024, "no limit"))
		.range(ValueRange.atLeastOrNoLimit(0L, -1L, "use a size in bytes, or -1 for no limit"))
		.describedAs("Largest frame accepted from a peer, in bytes: a peer announcing a bigger one is disconnected "
				+ "before anything is allocated. -1 lifts the limit; 0 refuses every non-empty frame.");

	public static final SocketOption<Boolean> TCP_KEEPALIVE = row("tcp-keepalive", Boolean.class)
		.zmq("ZMQ_TCP_KEEPALIVE", "setTCPKeepAlive", (socket, value) -> socket.setTCPKeepAlive(value ? 1 : 0))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("the operating system's"))
		.range(ValueRange.any())
		.describedAs("TCP keep-alive on the socket's connections.");

	public static final SocketOption<Boolean> IPV6 = row("ipv6", Boolean.class)
		.zmq("ZMQ_IPV6", "setIPv6", (socket, value) -> socket.setIPv6(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.inheritedFromContext("ipv6"))
		.range(ValueRange.any())
		.describedAs("IPv6 on this socket.");

	public static final SocketOption<Integer> BACKLOG = row("backlog", Integer.class)
		.zmq("ZMQ_BACKLOG", "setBacklog", (socket, value) -> socket.setBacklog(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("100"))
		.range(ValueRange.notNegative("use 0 or more"))
		.describedAs("Pending TCP connections a bound socket queues.");

	// Security. The rows are in the order JeroMQ must see them: curve.server and plain.server
	// set the mechanism and reset it to NULL when false, a key or user name sets it again.

	/**
	 * The server side of CurveZMQ: connections are encrypted, and each client is authenticated
	 * by its public key through the context's ZAP handler, which JeroMQ needs to refuse anyone.
	 */
	public static final SocketOption<Boolean> CURVE_SERVER = row("curve.server", Boolean.class)
		.zmq("ZMQ_CURVE_SERVER", "setCurveServer", (socket, value) -> socket.setCurveServer(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("Take the server side of the CURVE handshake: encrypt, and let the ZAP handler authenticate "
				+ "each client by its public key. Needs the socket's secret key.");

	public static final SocketOption<String> CURVE_PUBLIC_KEY = row("curve.public-key", String.class)
		.zmq("ZMQ_CURVE_PUBLICKEY", "setCurvePublicKey",
				(socket, value) -> socket.setCurvePublicKey(CurveKey.decode(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.curveKey())
		.describedAs("This socket's long-term public key, 40 characters of Z85.");

	public static final SocketOption<String> CURVE_SECRET_KEY = row("curve.secret-key", String.class)
		.zmq("ZMQ_CURVE_SECRETKEY", "setCurveSecretKey",
				(socket, value) -> socket.setCurveSecretKey(CurveKey.decode(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.curveKey())
		.secret()
		.describedAs("This socket's long-term secret key, 40 characters of Z85. Never logged or shown.");

	/** The key pair from a file, so that keys made by czmq's or the starter's key tool work as they are. */
	public static final SocketOption<String> CURVE_CERTIFICATE = row("curve.certificate", String.class)
		.zmq("ZMQ_CURVE_PUBLICKEY, ZMQ_CURVE_SECRETKEY", "setCurvePublicKey, setCurveSecretKey", (socket, value) -> {
			CurveCertificate certificate = CurveCertificate.readSecret(value);
			return socket.setCurvePublicKey(CurveKey.decode(certificate.publicKey()))
					&& socket.setCurveSecretKey(CurveKey.decode(certificate.secretKey().orElseThrow()));
		})
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.any())
		.describedAs("This socket's key pair from a czmq secret certificate file (file:path), "
				+ "in place of public-key and secret-key.");

	public static final SocketOption<String> CURVE_SERVER_KEY = row("curve.server-key", String.class)
		.zmq("ZMQ_CURVE_SERVERKEY", "setCurveServerKey",
				(socket, value) -> socket.setCurveServerKey(CurveKey.decode(value)))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.curveKey())
		.describedAs("A CURVE client's copy of the server's public key, 40 characters of Z85.");

	public static final SocketOption<String> CURVE_SERVER_CERTIFICATE = row("curve.server-certificate", String.class)
		.zmq("ZMQ_CURVE_SERVERKEY", "setCurveServerKey",
				(socket, value) -> socket.setCurveServerKey(CurveKey.decode(CurveCertificate.read(value).publicKey())))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.any())
		.describedAs("A CURVE client's copy of the server's public key from a czmq certificate file (file:path), "
				+ "in place of server-key.");

	public static final SocketOption<Boolean> PLAIN_SERVER = row("plain.server", Boolean.class)
		.zmq("ZMQ_PLAIN_SERVER", "setPlainServer", (socket, value) -> socket.setPlainServer(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("false"))
		.range(ValueRange.any())
		.describedAs("Take the server side of PLAIN: the ZAP handler checks each client's user name and password. "
				+ "PLAIN sends them in clear text.");

	public static final SocketOption<String> PLAIN_USERNAME = row("plain.username", String.class)
		.zmq("ZMQ_PLAIN_USERNAME", "setPlainUsername", (socket, value) -> socket.setPlainUsername(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.asciiAtMost(255, false, CUT_SHORT))
		.describedAs("A PLAIN client's user name: ASCII, at most 255 characters (a JeroMQ server, the starter's too, "
				+ "reads at most 127).");

	public static final SocketOption<String> PLAIN_PASSWORD = row("plain.password", String.class)
		.zmq("ZMQ_PLAIN_PASSWORD", "setPlainPassword", (socket, value) -> socket.setPlainPassword(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none"))
		.range(ValueRange.asciiAtMost(255, true, CUT_SHORT))
		.secret()
		.describedAs("A PLAIN client's password: ASCII, at most 255 characters (a JeroMQ server, the starter's too, "
				+ "reads at most 127). Never logged or shown.");

	/**
	 * JeroMQ's default is no domain. The starter's security sets the socket's name on every
	 * socket that authenticates peers, so that a ZAP request says which socket it is for.
	 */
	public static final SocketOption<String> ZAP_DOMAIN = row("zap-domain", String.class)
		.zmq("ZMQ_ZAP_DOMAIN", "setZapDomain", (socket, value) -> socket.setZapDomain(value))
		.scope(OptionScope.ALL_SOCKETS)
		.byDefault(OptionDefault.jeromq("none (a server gets its socket's name)"))
		.range(ValueRange.asciiAtMost(255, false, DOMAIN_OVERFLOWS))
		.describedAs("The ZAP domain the socket's peers are authenticated in, in ASCII. On a socket without CURVE or PLAIN "
				+ "it has the ZAP handler check each peer's address.");

	/** The options that make a socket a CURVE client when {@link #CURVE_SERVER} is not on. */
	static final List<SocketOption<String>> CURVE_OPTIONS = List.of(CURVE_PUBLIC_KEY, CURVE_SECRET_KEY,
			CURVE_CERTIFICATE, CURVE_SERVER_KEY, CURVE_SERVER_CERTIFICATE);

	private static final List<SocketOption<?>> VALUES = List.copyOf(TABLE.values());

	private final String key;

	private final Class<T> type;

	private final String zmqOption;

	private final String jeromqSetter;

	private final Setter<T> setter;

	private final OptionScope scope;

	private final OptionDefault<T> defaultValue;

	private final ValueRange<T> range;

	private final String description;

	private final boolean secret;

	private SocketOption(Row<T> row, String description) {
		this.key = row.key;
		this.type = row.type;
		this.zmqOption = row.zmqOption;
		this.jeromqSetter = row.jeromqSetter;
		this.setter = row.setter;
		this.scope = row.scope;
		this.defaultValue = row.defaultValue;
		this.range = row.range;
		this.description = description;
		this.secret = row.secret;
	}

	/** Every option, in table order. */
	public static List<SocketOption<?>> values() {
		return VALUES;
	}

	/** The option with that key ({@code send-hwm}), if there is one. */
	public static Optional<SocketOption<?>> forKey(String key) {
		return Optional.ofNullable(TABLE.get(key));
	}

	/** Its name in configuration and messages: {@code send-hwm}. */
	public String key() {
		return this.key;
	}

	/** The type of its values. */
	public Class<T> type() {
		return this.type;
	}

	/** The libzmq option it sets: {@code ZMQ_SNDHWM}. */
	public String zmqOption() {
		return this.zmqOption;
	}

	/** The {@code ZMQ.Socket} method that sets it: {@code setSndHWM}. */
	public String jeromqSetter() {
		return this.jeromqSetter;
	}

	/** The sockets it applies to. */
	public OptionScope scope() {
		return this.scope;
	}

	/** What it is when a spec does not set it. */
	public OptionDefault<T> defaultValue() {
		return this.defaultValue;
	}

	/** The values it accepts. */
	public ValueRange<T> range() {
		return this.range;
	}

	/** What it does, in one sentence or two. */
	public String description() {
		return this.description;
	}

	/**
	 * Whether its value is a secret (a secret key, a password): never logged, never in a
	 * message, masked wherever options are shown.
	 */
	public boolean isSecret() {
		return this.secret;
	}

	/** {@code value} as this option's type. */
	public T cast(Object value) {
		return this.type.cast(value);
	}

	/**
	 * Sets the option on a socket.
	 * @return whether JeroMQ accepted the value
	 */
	boolean applyTo(ZMQ.Socket socket, T value) {
		return this.setter.apply(socket, value);
	}

	@Override
	public String toString() {
		return this.key;
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

	private static <T> Row<T> row(String key, Class<T> type) {
		return new Row<>(key, type);
	}

	/** A JeroMQ setter, which reports a refused value by returning {@code false} or throwing. */
	@FunctionalInterface
	private interface Setter<T> {

		boolean apply(ZMQ.Socket socket, T value);

	}

	/**
	 * One row of the table as it is written, each column named. Its columns are filled after
	 * construction; {@link #describedAs} checks them before the row becomes an option.
	 */
	@SuppressWarnings("NullAway.Init")
	private static final class Row<T> {

		private final String key;

		private final Class<T> type;

		private String zmqOption;

		private String jeromqSetter;

		private Setter<T> setter;

		private OptionScope scope;

		private OptionDefault<T> defaultValue;

		private ValueRange<T> range;

		private boolean secret;

		private Row(String key, Class<T> type) {
			this.key = key;
			this.type = type;
		}

		Row<T> zmq(String option, String setterName, Setter<T> setter) {
			this.zmqOption = option;
			this.jeromqSetter = setterName;
			this.setter = setter;
			return this;
		}

		Row<T> scope(OptionScope scope) {
			this.scope = scope;
			return this;
		}

		Row<T> byDefault(OptionDefault<T> defaultValue) {
			this.defaultValue = defaultValue;
			return this;
		}

		Row<T> range(ValueRange<T> range) {
			this.range = range;
			return this;
		}

		Row<T> secret() {
			this.secret = true;
			return this;
		}

		SocketOption<T> describedAs(String description) {
			Objects.requireNonNull(this.setter, () -> this.key + ": no setter");
			Objects.requireNonNull(this.scope, () -> this.key + ": no scope");
			Objects.requireNonNull(this.defaultValue, () -> this.key + ": no default");
			Objects.requireNonNull(this.range, () -> this.key + ": no range");
			SocketOption<T> option = new SocketOption<>(this, description);
			if (TABLE.putIfAbsent(this.key, option) != null) {
				throw new IllegalStateException("Two socket options share the key " + this.key);
			}
			return option;
		}

	}

}
