package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.zeromq.spring.core.ContextSettings;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.ShutdownBudget;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ErrorReply;

/**
 * {@code zeromq.*}: the ZeroMQ context, the sockets an application declares by name, what its
 * listeners share, and Spring Integration bridges on those sockets.
 * <p>
 * Unknown keys fail startup ({@code ignoreUnknownFields = false}): a misspelt option, or a
 * setting the starter does not support, would otherwise leave the application running without
 * it. Every socket option is a property of {@link Socket}, named after its key in the
 * {@link SocketOption} table, which maps it to the socket.
 */
@ConfigurationProperties(prefix = ZmqProperties.PREFIX, ignoreUnknownFields = false)
public class ZmqProperties {

	public static final String PREFIX = "zeromq";

	/** Where sockets are declared, for messages that name a property. */
	public static final String SOCKETS_PREFIX = PREFIX + ".sockets";

	/** Where proxies are declared, for messages that name a property. */
	public static final String PROXIES_PREFIX = PREFIX + ".proxies";

	private final Context context = new Context();

	private final Listener listener = new Listener();

	private final Integration integration = new Integration();

	private final Security security = new Security();

	private final Template template = new Template();

	private final Metrics metrics = new Metrics();

	private final Diagnostics diagnostics = new Diagnostics();

	/**
	 * The most closing the application may spend on ZeroMQ, all steps together: listeners
	 * finishing running handlers (each for at most zeromq.listener.shutdown-timeout), then the
	 * template, the sockets and the context. Senders blocked at the high-water mark are
	 * released at once; a context that cannot terminate in time is abandoned with an ERROR.
	 * Keep it under the time the platform gives the process to stop (e.g. Kubernetes'
	 * terminationGracePeriodSeconds).
	 */
	private Duration shutdownTimeout = ShutdownBudget.DEFAULT;

	/**
	 * Sockets by name: senders and listeners refer to a socket by this name.
	 */
	private final Map<String, Socket> sockets = new LinkedHashMap<>();

	/**
	 * Proxies by name: devices that forward between two declared sockets on a thread of their
	 * own (zmq-proxy-<name>), from application start to stop.
	 */
	private final Map<String, Proxy> proxies = new LinkedHashMap<>();

	public Context getContext() {
		return this.context;
	}

	public Map<String, Socket> getSockets() {
		return this.sockets;
	}

	public Map<String, Proxy> getProxies() {
		return this.proxies;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Integration getIntegration() {
		return this.integration;
	}

	/**
	 * One proxy between declared sockets: a queue (ROUTER frontend, DEALER backend), a forwarder
	 * (XSUB frontend, XPUB backend) or a streamer (PULL frontend, PUSH backend), told apart by
	 * the sockets' types.
	 */
	public static class Proxy {

		/**
		 * The declared socket facing clients, publishers or producers: a ROUTER, XSUB or PULL.
		 * Required.
		 */
		private @Nullable String frontend;

		/**
		 * The declared socket facing workers or subscribers: a DEALER, XPUB or PUSH. Required.
		 */
		private @Nullable String backend;

		/**
		 * A declared socket that receives a copy of every message forwarded either way (a PUB,
		 * XPUB, PUSH, PAIR or DEALER), for example a PUSH bound to inproc with a @ZmqListener
		 * on a PULL connected to it. A copy it has no room for is dropped and counted.
		 */
		private @Nullable String capture;

		public @Nullable String getFrontend() {
			return this.frontend;
		}

		public void setFrontend(@Nullable String frontend) {
			this.frontend = frontend;
		}

		public @Nullable String getBackend() {
			return this.backend;
		}

		public void setBackend(@Nullable String backend) {
			this.backend = backend;
		}

		public @Nullable String getCapture() {
			return this.capture;
		}

		public void setCapture(@Nullable String capture) {
			this.capture = capture;
		}

	}

	public Security getSecurity() {
		return this.security;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Diagnostics getDiagnostics() {
		return this.diagnostics;
	}

	/** The ZmqTemplate. */
	public static class Template {

		/**
		 * Whether each send and request is a Micrometer observation (zeromq.template), as a
		 * tracer sees it. Needs an ObservationRegistry bean; off by default, as in Spring Kafka.
		 */
		private boolean observationEnabled;

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

	}

	/** The zeromq.* Micrometer meters of sockets and listeners. */
	public static class Metrics {

		/**
		 * Whether the sockets' and listeners' meters are registered when the application has a
		 * MeterRegistry. The sockets count either way; off, listeners are not timed.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** The missing-message diagnostics. */
	public static class Diagnostics {

		/**
		 * How long a connect endpoint may go without a peer completing the ZeroMQ handshake
		 * before it is reported (connect-without-handshake).
		 */
		private Duration handshakeGracePeriod = ZmqSocketFactory.DEFAULT_HANDSHAKE_GRACE_PERIOD;

		public Duration getHandshakeGracePeriod() {
			return this.handshakeGracePeriod;
		}

		public void setHandshakeGracePeriod(Duration handshakeGracePeriod) {
			this.handshakeGracePeriod = handshakeGracePeriod;
		}

	}

	/** What all {@code @ZmqListener} methods share. */
	public static class Listener {

		/**
		 * How long handlers still running at shutdown may take to finish, after listeners stopped
		 * taking messages; what their sockets already hold is handled within it too. It is part of
		 * zeromq.shutdown-timeout, which caps it. Keep it under Boot's
		 * spring.lifecycle.timeout-per-shutdown-phase.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Threads per listener for listeners whose @ZmqListener does not set concurrency.
		 */
		private int concurrency = 1;

		/**
		 * Whether listeners whose @ZmqListener does not set autoStartup start with the
		 * application; false leaves them stopped until ZmqListenerEndpointRegistry.start(id).
		 */
		private boolean autoStartup = true;

		/**
		 * Whether each handler call is a Micrometer observation (zeromq.listener), as a tracer
		 * sees it. Needs an ObservationRegistry bean; off by default, as in Spring Kafka.
		 */
		private boolean observationEnabled;

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

	}

	/**
	 * Spring Integration bridges declared without code, each on a socket declared in
	 * {@code zeromq.sockets} and named after it (zeromq-spring-integration on the class path).
	 */
	public static class Integration {

		/**
		 * Sockets whose messages go to a channel, by socket name. On a REP or ROUTER socket the
		 * bridge is an inbound gateway: each message is a request answered with the flow's reply.
		 */
		private final Map<String, InboundBridge> inbound = new LinkedHashMap<>();

		/**
		 * Channels whose messages go out on a socket, by socket name. With a reply-channel, on a
		 * REQ or DEALER socket, the bridge is an outbound gateway.
		 */
		private final Map<String, OutboundBridge> outbound = new LinkedHashMap<>();

		public Map<String, InboundBridge> getInbound() {
			return this.inbound;
		}

		public Map<String, OutboundBridge> getOutbound() {
			return this.outbound;
		}

	}

	/** One socket bridged to a channel: an inbound channel adapter, or gateway on REP and ROUTER. */
	@ConfigurationPropertiesSource
	public static class InboundBridge {

		/**
		 * Name of the channel the messages go to (the request channel of a REP or ROUTER socket).
		 * Required; something must consume it.
		 */
		private @Nullable String channel;

		/**
		 * Name of the channel failures go to, as error messages; without one they are logged.
		 * For a gateway, the error flow's reply is the reply.
		 */
		private @Nullable String errorChannel;

		/**
		 * Payload of the messages: byte[] (the default), java.lang.String, java.util.List (every
		 * frame of a multipart message, each a byte[]), or another class, read as JSON.
		 */
		private Class<?> payloadType = byte[].class;

		/**
		 * Threads that receive on the socket. Defaults to zeromq.listener.concurrency.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Whether the bridge starts with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * ROUTER only: whether each message is a request answered with the flow's reply (true,
		 * the default) or one-way, acknowledged with an empty frame (false). A REP always
		 * answers.
		 */
		private @Nullable Boolean expectReply;

		/**
		 * REP and ROUTER: how long to wait for the flow's reply before answering with the
		 * socket's error reply. Defaults to Spring Integration's endpoint timeout (30s).
		 */
		private @Nullable Duration replyTimeout;

		public @Nullable String getChannel() {
			return this.channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

		public @Nullable String getErrorChannel() {
			return this.errorChannel;
		}

		public void setErrorChannel(@Nullable String errorChannel) {
			this.errorChannel = errorChannel;
		}

		public Class<?> getPayloadType() {
			return this.payloadType;
		}

		public void setPayloadType(Class<?> payloadType) {
			this.payloadType = payloadType;
		}

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public @Nullable Boolean getExpectReply() {
			return this.expectReply;
		}

		public void setExpectReply(@Nullable Boolean expectReply) {
			this.expectReply = expectReply;
		}

		public @Nullable Duration getReplyTimeout() {
			return this.replyTimeout;
		}

		public void setReplyTimeout(@Nullable Duration replyTimeout) {
			this.replyTimeout = replyTimeout;
		}

	}

	/** One channel bridged to a socket: an outbound channel adapter, or gateway with a reply-channel. */
	@ConfigurationPropertiesSource
	public static class OutboundBridge {

		/**
		 * Name of the channel whose messages are sent. Required; a direct channel of that name is
		 * created if the application has none.
		 */
		private @Nullable String channel;

		/**
		 * Topic frame sent in front of every message. Without it (and without
		 * topic-expression), PUB and XPUB sockets send the zmq_topic header of a message that
		 * has one.
		 */
		private @Nullable String topic;

		/**
		 * SpEL expression for each message's topic frame, such as headers['zip'].
		 */
		private @Nullable String topicExpression;

		/**
		 * REQ and DEALER: name of the channel the replies go to; it makes the bridge an outbound
		 * gateway, and a REQ socket needs it.
		 */
		private @Nullable String replyChannel;

		/**
		 * Gateway: payload of the replies, byte[] (the default), java.lang.String,
		 * java.util.List (every frame) or another class, read as JSON.
		 */
		private @Nullable Class<?> replyPayloadType;

		/**
		 * Gateway: how long each request waits for its reply. Defaults to Spring Integration's
		 * endpoint timeout (30s).
		 */
		private @Nullable Duration replyTimeout;

		/**
		 * DEALER gateway: keep many requests in flight, each reply produced when it arrives,
		 * instead of one request at a time.
		 */
		private boolean async;

		/**
		 * Whether the bridge starts with the application.
		 */
		private boolean autoStartup = true;

		public @Nullable String getChannel() {
			return this.channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public @Nullable String getTopicExpression() {
			return this.topicExpression;
		}

		public void setTopicExpression(@Nullable String topicExpression) {
			this.topicExpression = topicExpression;
		}

		public @Nullable String getReplyChannel() {
			return this.replyChannel;
		}

		public void setReplyChannel(@Nullable String replyChannel) {
			this.replyChannel = replyChannel;
		}

		public @Nullable Class<?> getReplyPayloadType() {
			return this.replyPayloadType;
		}

		public void setReplyPayloadType(@Nullable Class<?> replyPayloadType) {
			this.replyPayloadType = replyPayloadType;
		}

		public @Nullable Duration getReplyTimeout() {
			return this.replyTimeout;
		}

		public void setReplyTimeout(@Nullable Duration replyTimeout) {
			this.replyTimeout = replyTimeout;
		}

		public boolean isAsync() {
			return this.async;
		}

		public void setAsync(boolean async) {
			this.async = async;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;

		}

	}

	/**
	 * Who the context's ZAP handler lets in, for every socket that asks it: CURVE clients by
	 * public key, PLAIN clients by name and password, and any peer by IP address. Nobody is let
	 * in by default: a CURVE or PLAIN server without authorized keys or users stops startup.
	 */
	public static class Security {

		private final Curve curve = new Curve();

		private final Plain plain = new Plain();

		/**
		 * The only peer IP addresses (IPv4 or IPv6, no host names) that may connect to a socket
		 * that binds. Empty means every address.
		 */
		private List<String> allow = new ArrayList<>();

		/**
		 * Peer IP addresses (IPv4 or IPv6, no host names) that may not connect to a socket that
		 * binds.
		 */
		private List<String> deny = new ArrayList<>();

		public Curve getCurve() {
			return this.curve;
		}

		public Plain getPlain() {
			return this.plain;
		}

		public List<String> getAllow() {
			return this.allow;
		}

		public void setAllow(List<String> allow) {
			this.allow = allow;
		}

		public List<String> getDeny() {
			return this.deny;
		}

		public void setDeny(List<String> deny) {
			this.deny = deny;
		}

		/** The CURVE clients CURVE servers let in. */
		public static class Curve {

			/**
			 * Public keys of the CURVE clients let in, 40 characters of Z85 each.
			 */
			private List<String> authorizedKeys = new ArrayList<>();

			/**
			 * A directory of public certificates (file:/path/to/dir), one czmq ".key" file per
			 * client let in; read again when it changes, so clients are added and removed
			 * without a restart. It must exist. Files ending in "_secret" are skipped.
			 */
			private @Nullable String authorizedKeysLocation;

			/**
			 * Let in any CURVE client that knows the server's public key: encryption without
			 * authentication. Off by default; not together with authorized keys.
			 */
			private boolean allowAny;

			public List<String> getAuthorizedKeys() {
				return this.authorizedKeys;
			}

			public void setAuthorizedKeys(List<String> authorizedKeys) {
				this.authorizedKeys = authorizedKeys;
			}

			public @Nullable String getAuthorizedKeysLocation() {
				return this.authorizedKeysLocation;
			}

			public void setAuthorizedKeysLocation(@Nullable String authorizedKeysLocation) {
				this.authorizedKeysLocation = authorizedKeysLocation;
			}

			public boolean isAllowAny() {
				return this.allowAny;
			}

			public void setAllowAny(boolean allowAny) {
				this.allowAny = allowAny;
			}

		}

		/** The PLAIN users PLAIN servers let in. */
		public static class Plain {

			/**
			 * Users by name, each with its password, at most 127 bytes each in UTF-8 (the longest
			 * JeroMQ's PLAIN server reads). Passwords are never logged or shown; better kept in a
			 * passwords file or environment variables than in application.yml.
			 */
			private Map<String, String> users = new LinkedHashMap<>();

			/**
			 * A file of name=password lines (file:/path/to/passwords.properties), read at startup,
			 * in addition to users; names and passwords of at most 127 bytes each in UTF-8.
			 */
			private @Nullable String passwordsFile;

			public Map<String, String> getUsers() {
				return this.users;
			}

			public void setUsers(Map<String, String> users) {
				this.users = users;
			}

			public @Nullable String getPasswordsFile() {
				return this.passwordsFile;
			}

			public void setPasswordsFile(@Nullable String passwordsFile) {
				this.passwordsFile = passwordsFile;
			}

		}

	}

	/** The one ZeroMQ context of the application. */
	public static class Context {

		/**
		 * Background I/O threads of the context (ZMQ_IO_THREADS). One is enough for about a
		 * gigabyte of data a second.
		 */
		private int ioThreads = 1;

		/**
		 * Most sockets the context may open at once (ZMQ_MAX_SOCKETS). Unset means JeroMQ's
		 * default of 1024.
		 */
		private @Nullable Integer maxSockets;

		/**
		 * Whether sockets of the context use IPv6 (ZMQ_IPV6).
		 */
		private boolean ipv6;

		/**
		 * Linger of every socket that does not set its own: how long closing waits for queued
		 * messages to reach a connected peer. JeroMQ's own default of 0 would drop them.
		 */
		private Duration linger = ContextSettings.DEFAULTS.linger();

		public int getIoThreads() {
			return this.ioThreads;
		}

		public void setIoThreads(int ioThreads) {
			this.ioThreads = ioThreads;
		}

		public @Nullable Integer getMaxSockets() {
			return this.maxSockets;
		}

		public void setMaxSockets(@Nullable Integer maxSockets) {
			this.maxSockets = maxSockets;
		}

		public boolean isIpv6() {
			return this.ipv6;
		}

		public void setIpv6(boolean ipv6) {
			this.ipv6 = ipv6;
		}

		public Duration getLinger() {
			return this.linger;
		}

		public void setLinger(Duration linger) {
			this.linger = linger;
		}

	}

	/**
	 * One declared socket: its type, endpoints and subscriptions, what its listener does, and one
	 * property per {@link SocketOption} (left {@code null} when not set, so that the option's
	 * default applies).
	 */
	@ConfigurationPropertiesSource
	public static class Socket {

		/**
		 * Socket type: REQ, REP, PUB, SUB, PUSH, PULL, PAIR, DEALER, ROUTER, XPUB or XSUB.
		 * Required.
		 */
		private @Nullable ZmqSocketType type;

		/**
		 * Endpoints to bind (one or a list): tcp://127.0.0.1:5555, tcp://*:5555,
		 * tcp://127.0.0.1:* (a free port), ipc://name, inproc://name.
		 */
		private List<String> bind = new ArrayList<>();

		/**
		 * Endpoints to connect to (one or a list).
		 */
		private List<String> connect = new ArrayList<>();

		/**
		 * SUB and XSUB only: topic prefixes to receive. An empty string receives everything.
		 */
		private List<String> subscribe = new ArrayList<>();

		/**
		 * What a send does at the high-water mark: BLOCK (wait up to send-timeout, then fail),
		 * FAIL (fail at once) or DROP (drop and count).
		 */
		private HwmPolicy hwmPolicy = HwmPolicy.BLOCK;

		/**
		 * What a REP or ROUTER listener replies when its handler fails: ERROR (one frame "ERROR",
		 * revealing nothing more), MESSAGE (one frame "ERROR: <exception message>", which tells
		 * anyone who can reach the socket what failed and why) or EMPTY (one empty frame).
		 */
		private ErrorReply errorReply = ErrorReply.ERROR;

		/**
		 * A declared socket that receives the frames of messages a listener failed on, with the
		 * error as an extra last frame.
		 */
		private @Nullable String deadLetter;

		/**
		 * Whether messages carry a trace-context frame after their last frame, so that a trace
		 * continues from the template's send to the listener. Both ends must turn it on; a plain
		 * ZeroMQ peer (pyzmq, libzmq) must not, since it would take the frame for payload.
		 */
		private boolean traceContext;

		/**
		 * What the zeromq health check requires of this socket.
		 */
		private final Health health = new Health();

		/**
		 * Outgoing messages queued per peer before the high-water mark (ZMQ_SNDHWM, 0 = no
		 * limit). JeroMQ's default is 1000. Sending types only.
		 */
		private @Nullable Integer sendHwm;

		/**
		 * Incoming messages queued per peer before the high-water mark (ZMQ_RCVHWM, 0 = no
		 * limit). JeroMQ's default is 1000. Receiving types only.
		 */
		private @Nullable Integer receiveHwm;

		/**
		 * How long closing waits for queued messages to leave (ZMQ_LINGER). Defaults to
		 * zeromq.context.linger.
		 */
		private @Nullable Duration linger;

		/**
		 * Routing identity (ZMQ_ROUTING_ID, UTF-8, at most 255 bytes; with CURVE, 224 on a REQ
		 * and 221 on a DEALER or ROUTER) by which a ROUTER peer addresses this socket. REQ, REP,
		 * DEALER and ROUTER only.
		 */
		private @Nullable String identity;

		/**
		 * How long a send waits at the high-water mark before failing (ZMQ_SNDTIMEO). Defaults
		 * to 10s, not JeroMQ's forever, so that a full socket never hangs the sender. Sending
		 * types only.
		 */
		private @Nullable Duration sendTimeout;

		/**
		 * How long a blocking receive waits (ZMQ_RCVTIMEO). Unset means forever. Receiving
		 * types only; a listener's sockets use their own.
		 */
		private @Nullable Duration receiveTimeout;

		/**
		 * Wait before reconnecting a lost connection (ZMQ_RECONNECT_IVL). JeroMQ's default is
		 * 100ms.
		 */
		private @Nullable Duration reconnectInterval;

		/**
		 * Ceiling of the exponential reconnect back-off (ZMQ_RECONNECT_IVL_MAX). Unset means no
		 * back-off.
		 */
		private @Nullable Duration reconnectIntervalMax;

		/**
		 * Interval of ZMTP heartbeat PINGs (ZMQ_HEARTBEAT_IVL). Unset means no heartbeats.
		 */
		private @Nullable Duration heartbeatInterval;

		/**
		 * How long the peer may go without our PINGs before dropping us (ZMQ_HEARTBEAT_TTL).
		 * JeroMQ keeps it in tenths of a second: under 100ms it has no effect, and it must be
		 * less than 655.4s. Needs heartbeat-interval.
		 */
		private @Nullable Duration heartbeatTtl;

		/**
		 * How long to wait for a PONG before closing the connection (ZMQ_HEARTBEAT_TIMEOUT).
		 * Defaults to the heartbeat interval.
		 */
		private @Nullable Duration heartbeatTimeout;

		/**
		 * How long a new connection may take to complete its ZMTP handshake before it is
		 * dropped and made again (ZMQ_HANDSHAKE_IVL); 0 means no limit. Defaults to 3s instead of
		 * JeroMQ's 30s, so that a connection JeroMQ 0.6.0 leaves without a handshake recovers
		 * within seconds.
		 */
		private @Nullable Duration handshakeInterval;

		/**
		 * Queue messages only to completed connections (ZMQ_IMMEDIATE, libzmq's meaning). Off
		 * by default: messages queue for connections still being made. Sockets with connect
		 * only.
		 */
		private @Nullable Boolean immediate;

		/**
		 * Keep only the last message (ZMQ_CONFLATE). PUSH, PULL, PUB, SUB and DEALER only.
		 */
		private @Nullable Boolean conflate;

		/**
		 * ROUTER only: fail a send to an unknown identity instead of dropping it
		 * (ZMQ_ROUTER_MANDATORY).
		 */
		private @Nullable Boolean routerMandatory;

		/**
		 * PUB and XPUB only: block or fail at the high-water mark instead of dropping
		 * (ZMQ_XPUB_NODROP).
		 */
		private @Nullable Boolean xpubNodrop;

		/**
		 * XPUB only: pass every subscription upstream, not only new ones (ZMQ_XPUB_VERBOSE).
		 */
		private @Nullable Boolean xpubVerbose;

		/**
		 * REQ only: allow a new request before the reply to the last one arrived
		 * (ZMQ_REQ_RELAXED). The starter turns it on by default so that a timed-out request
		 * leaves the socket usable.
		 */
		private @Nullable Boolean reqRelaxed;

		/**
		 * REQ only: drop replies to older requests (ZMQ_REQ_CORRELATE). The starter turns it on
		 * by default, with req-relaxed, so that a late reply is not taken for the next one's.
		 */
		private @Nullable Boolean reqCorrelate;

		/**
		 * Largest frame accepted from a peer, in bytes (ZMQ_MAXMSGSIZE); a peer announcing a
		 * bigger one is disconnected before anything is allocated. Unset means 4 MiB; -1 lifts
		 * the limit.
		 */
		private @Nullable Long maxMessageSize;

		/**
		 * TCP keep-alive on the socket's connections (ZMQ_TCP_KEEPALIVE). Unset means the
		 * operating system's default.
		 */
		private @Nullable Boolean tcpKeepalive;

		/**
		 * IPv6 on this socket (ZMQ_IPV6). Defaults to zeromq.context.ipv6.
		 */
		private @Nullable Boolean ipv6;

		/**
		 * Pending TCP connections a bound socket queues (ZMQ_BACKLOG). JeroMQ's default is 100.
		 */
		private @Nullable Integer backlog;

		/**
		 * CURVE security: encryption, and authentication of clients by public key.
		 */
		private final Curve curve = new Curve();

		/**
		 * PLAIN security: user name and password, sent in clear text.
		 */
		private final Plain plain = new Plain();

		/**
		 * ZAP domain the socket's peers are authenticated in (ZMQ_ZAP_DOMAIN), in ASCII. A CURVE
		 * or PLAIN server gets its socket's name unless this is set. On a socket without CURVE or
		 * PLAIN it makes the ZAP handler check each peer's address.
		 */
		private @Nullable String zapDomain;

		public @Nullable ZmqSocketType getType() {
			return this.type;
		}

		public void setType(@Nullable ZmqSocketType type) {
			this.type = type;
		}

		public List<String> getBind() {
			return this.bind;
		}

		public void setBind(List<String> bind) {
			this.bind = bind;
		}

		public List<String> getConnect() {
			return this.connect;
		}

		public void setConnect(List<String> connect) {
			this.connect = connect;
		}

		public List<String> getSubscribe() {
			return this.subscribe;
		}

		public void setSubscribe(List<String> subscribe) {
			this.subscribe = subscribe;
		}

		public HwmPolicy getHwmPolicy() {
			return this.hwmPolicy;
		}

		public void setHwmPolicy(HwmPolicy hwmPolicy) {
			this.hwmPolicy = hwmPolicy;
		}

		public ErrorReply getErrorReply() {
			return this.errorReply;
		}

		public void setErrorReply(ErrorReply errorReply) {
			this.errorReply = errorReply;
		}

		public @Nullable String getDeadLetter() {
			return this.deadLetter;
		}

		public void setDeadLetter(@Nullable String deadLetter) {
			this.deadLetter = deadLetter;
		}

		public boolean isTraceContext() {
			return this.traceContext;
		}

		public void setTraceContext(boolean traceContext) {
			this.traceContext = traceContext;
		}

		public Health getHealth() {
			return this.health;
		}

		/** What the zeromq health check requires of a socket. */
		public static class Health {

			/**
			 * Peers that must have completed the ZeroMQ handshake for the socket to be healthy;
			 * 0 (the default) reports peers without requiring any. Not for inproc-only sockets,
			 * whose peers ZeroMQ does not report.
			 */
			private int requiredPeers;

			public int getRequiredPeers() {
				return this.requiredPeers;
			}

			public void setRequiredPeers(int requiredPeers) {
				this.requiredPeers = requiredPeers;
			}

		}

		public @Nullable Integer getSendHwm() {
			return this.sendHwm;
		}

		public void setSendHwm(@Nullable Integer sendHwm) {
			this.sendHwm = sendHwm;
		}

		public @Nullable Integer getReceiveHwm() {
			return this.receiveHwm;
		}

		public void setReceiveHwm(@Nullable Integer receiveHwm) {
			this.receiveHwm = receiveHwm;
		}

		public @Nullable Duration getLinger() {
			return this.linger;
		}

		public void setLinger(@Nullable Duration linger) {
			this.linger = linger;
		}

		public @Nullable String getIdentity() {
			return this.identity;
		}

		public void setIdentity(@Nullable String identity) {
			this.identity = identity;
		}

		public @Nullable Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(@Nullable Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

		public @Nullable Duration getReceiveTimeout() {
			return this.receiveTimeout;
		}

		public void setReceiveTimeout(@Nullable Duration receiveTimeout) {
			this.receiveTimeout = receiveTimeout;
		}

		public @Nullable Duration getReconnectInterval() {
			return this.reconnectInterval;
		}

		public void setReconnectInterval(@Nullable Duration reconnectInterval) {
			this.reconnectInterval = reconnectInterval;
		}

		public @Nullable Duration getReconnectIntervalMax() {
			return this.reconnectIntervalMax;
		}

		public void setReconnectIntervalMax(@Nullable Duration reconnectIntervalMax) {
			this.reconnectIntervalMax = reconnectIntervalMax;
		}

		public @Nullable Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public @Nullable Duration getHeartbeatTtl() {
			return this.heartbeatTtl;
		}

		public void setHeartbeatTtl(@Nullable Duration heartbeatTtl) {
			this.heartbeatTtl = heartbeatTtl;
		}

		public @Nullable Duration getHeartbeatTimeout() {
			return this.heartbeatTimeout;
		}

		public void setHeartbeatTimeout(@Nullable Duration heartbeatTimeout) {
			this.heartbeatTimeout = heartbeatTimeout;
		}

		public @Nullable Duration getHandshakeInterval() {
			return this.handshakeInterval;
		}

		public void setHandshakeInterval(@Nullable Duration handshakeInterval) {
			this.handshakeInterval = handshakeInterval;
		}

		public @Nullable Boolean getImmediate() {
			return this.immediate;
		}

		public void setImmediate(@Nullable Boolean immediate) {
			this.immediate = immediate;
		}

		public @Nullable Boolean getConflate() {
			return this.conflate;
		}

		public void setConflate(@Nullable Boolean conflate) {
			this.conflate = conflate;
		}

		public @Nullable Boolean getRouterMandatory() {
			return this.routerMandatory;
		}

		public void setRouterMandatory(@Nullable Boolean routerMandatory) {
			this.routerMandatory = routerMandatory;
		}

		public @Nullable Boolean getXpubNodrop() {
			return this.xpubNodrop;
		}

		public void setXpubNodrop(@Nullable Boolean xpubNodrop) {
			this.xpubNodrop = xpubNodrop;
		}

		public @Nullable Boolean getXpubVerbose() {
			return this.xpubVerbose;
		}

		public void setXpubVerbose(@Nullable Boolean xpubVerbose) {
			this.xpubVerbose = xpubVerbose;
		}

		public @Nullable Boolean getReqRelaxed() {
			return this.reqRelaxed;
		}

		public void setReqRelaxed(@Nullable Boolean reqRelaxed) {
			this.reqRelaxed = reqRelaxed;
		}

		public @Nullable Boolean getReqCorrelate() {
			return this.reqCorrelate;
		}

		public void setReqCorrelate(@Nullable Boolean reqCorrelate) {
			this.reqCorrelate = reqCorrelate;
		}

		public @Nullable Long getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(@Nullable Long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public @Nullable Boolean getTcpKeepalive() {
			return this.tcpKeepalive;
		}

		public void setTcpKeepalive(@Nullable Boolean tcpKeepalive) {
			this.tcpKeepalive = tcpKeepalive;
		}

		public @Nullable Boolean getIpv6() {
			return this.ipv6;
		}

		public void setIpv6(@Nullable Boolean ipv6) {
			this.ipv6 = ipv6;
		}

		public @Nullable Integer getBacklog() {
			return this.backlog;
		}

		public void setBacklog(@Nullable Integer backlog) {
			this.backlog = backlog;
		}

		public Curve getCurve() {
			return this.curve;
		}

		public Plain getPlain() {
			return this.plain;
		}

		public @Nullable String getZapDomain() {
			return this.zapDomain;
		}

		public void setZapDomain(@Nullable String zapDomain) {
			this.zapDomain = zapDomain;
		}

		/**
		 * A socket's CURVE settings. A server sets {@code server} and its secret key; a client sets
		 * its own key pair and the server's public key. Keys are 40 characters of Z85, or come from
		 * czmq certificate files.
		 */
		public static class Curve {

			/**
			 * Take the server side of CURVE (ZMQ_CURVE_SERVER): the ZAP handler lets in the clients
			 * whose public keys zeromq.security.curve authorizes. Needs the socket's secret key.
			 */
			private @Nullable Boolean server;

			/**
			 * This socket's public key, 40 characters of Z85 (ZMQ_CURVE_PUBLICKEY).
			 */
			private @Nullable String publicKey;

			/**
			 * This socket's secret key, 40 characters of Z85 (ZMQ_CURVE_SECRETKEY). Never logged or
			 * shown; better kept in a certificate file or an environment variable than in
			 * application.yml.
			 */
			private @Nullable String secretKey;

			/**
			 * This socket's key pair from a czmq secret certificate file (file:/path/name.key_secret),
			 * in place of public-key and secret-key.
			 */
			private @Nullable String certificate;

			/**
			 * Client only: the server's public key, 40 characters of Z85 (ZMQ_CURVE_SERVERKEY).
			 */
			private @Nullable String serverKey;

			/**
			 * Client only: the server's public key from a czmq certificate file
			 * (file:/path/server.key), in place of server-key.
			 */
			private @Nullable String serverCertificate;

			public @Nullable Boolean getServer() {
				return this.server;
			}

			public void setServer(@Nullable Boolean server) {
				this.server = server;
			}

			public @Nullable String getPublicKey() {
				return this.publicKey;
			}

			public void setPublicKey(@Nullable String publicKey) {
				this.publicKey = publicKey;
			}

			public @Nullable String getSecretKey() {
				return this.secretKey;
			}

			public void setSecretKey(@Nullable String secretKey) {
				this.secretKey = secretKey;
			}

			public @Nullable String getCertificate() {
				return this.certificate;
			}

			public void setCertificate(@Nullable String certificate) {
				this.certificate = certificate;
			}

			public @Nullable String getServerKey() {
				return this.serverKey;
			}

			public void setServerKey(@Nullable String serverKey) {
				this.serverKey = serverKey;
			}

			public @Nullable String getServerCertificate() {
				return this.serverCertificate;
			}

			public void setServerCertificate(@Nullable String serverCertificate) {
				this.serverCertificate = serverCertificate;
			}

		}

		/**
		 * A socket's PLAIN settings. PLAIN sends names and passwords in clear text: use it on
		 * trusted networks only, and CURVE elsewhere.
		 */
		public static class Plain {

			/**
			 * Take the server side of PLAIN (ZMQ_PLAIN_SERVER): the ZAP handler lets in the users of
			 * zeromq.security.plain.
			 */
			private @Nullable Boolean server;

			/**
			 * Client only: the user name (ZMQ_PLAIN_USERNAME), ASCII, at most 255 characters; a
			 * JeroMQ server, the starter's too, reads at most 127.
			 */
			private @Nullable String username;

			/**
			 * Client only: the password (ZMQ_PLAIN_PASSWORD), ASCII, at most 255 characters; a
			 * JeroMQ server, the starter's too, reads at most 127. Never logged or shown.
			 */
			private @Nullable String password;

			public @Nullable Boolean getServer() {
				return this.server;
			}

			public void setServer(@Nullable Boolean server) {
				this.server = server;
			}

			public @Nullable String getUsername() {
				return this.username;
			}

			public void setUsername(@Nullable String username) {
				this.username = username;
			}

			public @Nullable String getPassword() {
				return this.password;
			}

			public void setPassword(@Nullable String password) {
				this.password = password;
			}

		}

	}

}
