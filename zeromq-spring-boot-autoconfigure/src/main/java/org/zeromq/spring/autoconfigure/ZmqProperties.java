package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;
import org.zeromq.spring.core.ContextSettings;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketOption;
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

	private final Context context = new Context();

	private final Listener listener = new Listener();

	private final Integration integration = new Integration();

	/**
	 * Sockets by name: senders and listeners refer to a socket by this name.
	 */
	private final Map<String, Socket> sockets = new LinkedHashMap<>();

	public Context getContext() {
		return this.context;
	}

	public Map<String, Socket> getSockets() {
		return this.sockets;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Integration getIntegration() {
		return this.integration;
	}

	/** What all {@code @ZmqListener} methods share. */
	public static class Listener {

		/**
		 * How long handlers still running at shutdown may take to finish, after listeners stopped
		 * taking messages. Keep it under Boot's spring.lifecycle.timeout-per-shutdown-phase.
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
		private String channel;

		/**
		 * Name of the channel failures go to, as error messages; without one they are logged.
		 * For a gateway, the error flow's reply is the reply.
		 */
		private String errorChannel;

		/**
		 * Payload of the messages: byte[] (the default), java.lang.String, java.util.List (every
		 * frame of a multipart message, each a byte[]), or another class, read as JSON.
		 */
		private Class<?> payloadType = byte[].class;

		/**
		 * Threads that receive on the socket. Defaults to zeromq.listener.concurrency.
		 */
		private Integer concurrency;

		/**
		 * Whether the bridge starts with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * ROUTER only: whether each message is a request answered with the flow's reply (true,
		 * the default) or one-way, acknowledged with an empty frame (false). A REP always
		 * answers.
		 */
		private Boolean expectReply;

		/**
		 * REP and ROUTER: how long to wait for the flow's reply before answering with the
		 * socket's error reply. Defaults to Spring Integration's endpoint timeout (30s).
		 */
		private Duration replyTimeout;

		public String getChannel() {
			return this.channel;
		}

		public void setChannel(String channel) {
			this.channel = channel;
		}

		public String getErrorChannel() {
			return this.errorChannel;
		}

		public void setErrorChannel(String errorChannel) {
			this.errorChannel = errorChannel;
		}

		public Class<?> getPayloadType() {
			return this.payloadType;
		}

		public void setPayloadType(Class<?> payloadType) {
			this.payloadType = payloadType;
		}

		public Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(Integer concurrency) {
			this.concurrency = concurrency;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public Boolean getExpectReply() {
			return this.expectReply;
		}

		public void setExpectReply(Boolean expectReply) {
			this.expectReply = expectReply;
		}

		public Duration getReplyTimeout() {
			return this.replyTimeout;
		}

		public void setReplyTimeout(Duration replyTimeout) {
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
		private String channel;

		/**
		 * Topic frame sent in front of every message. Without it (and without
		 * topic-expression), PUB and XPUB sockets send the zmq_topic header of a message that
		 * has one.
		 */
		private String topic;

		/**
		 * SpEL expression for each message's topic frame, such as headers['zip'].
		 */
		private String topicExpression;

		/**
		 * REQ and DEALER: name of the channel the replies go to; it makes the bridge an outbound
		 * gateway, and a REQ socket needs it.
		 */
		private String replyChannel;

		/**
		 * Gateway: payload of the replies, byte[] (the default), java.lang.String,
		 * java.util.List (every frame) or another class, read as JSON.
		 */
		private Class<?> replyPayloadType;

		/**
		 * Gateway: how long each request waits for its reply. Defaults to Spring Integration's
		 * endpoint timeout (30s).
		 */
		private Duration replyTimeout;

		/**
		 * DEALER gateway: keep many requests in flight, each reply produced when it arrives,
		 * instead of one request at a time.
		 */
		private boolean async;

		/**
		 * Whether the bridge starts with the application.
		 */
		private boolean autoStartup = true;

		public String getChannel() {
			return this.channel;
		}

		public void setChannel(String channel) {
			this.channel = channel;
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(String topic) {
			this.topic = topic;
		}

		public String getTopicExpression() {
			return this.topicExpression;
		}

		public void setTopicExpression(String topicExpression) {
			this.topicExpression = topicExpression;
		}

		public String getReplyChannel() {
			return this.replyChannel;
		}

		public void setReplyChannel(String replyChannel) {
			this.replyChannel = replyChannel;
		}

		public Class<?> getReplyPayloadType() {
			return this.replyPayloadType;
		}

		public void setReplyPayloadType(Class<?> replyPayloadType) {
			this.replyPayloadType = replyPayloadType;
		}

		public Duration getReplyTimeout() {
			return this.replyTimeout;
		}

		public void setReplyTimeout(Duration replyTimeout) {
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
		private Integer maxSockets;

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

		public Integer getMaxSockets() {
			return this.maxSockets;
		}

		public void setMaxSockets(Integer maxSockets) {
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
		private ZmqSocketType type;

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
		 * What a REP or ROUTER listener replies when its handler fails: MESSAGE (one frame
		 * "ERROR: <exception message>") or EMPTY (one empty frame, revealing nothing).
		 */
		private ErrorReply errorReply = ErrorReply.MESSAGE;

		/**
		 * A declared socket that receives the frames of messages a listener failed on, with the
		 * error as an extra last frame.
		 */
		private String deadLetter;

		/**
		 * Outgoing messages queued per peer before the high-water mark (ZMQ_SNDHWM, 0 = no
		 * limit). JeroMQ's default is 1000. Sending types only.
		 */
		private Integer sendHwm;

		/**
		 * Incoming messages queued per peer before the high-water mark (ZMQ_RCVHWM, 0 = no
		 * limit). JeroMQ's default is 1000. Receiving types only.
		 */
		private Integer receiveHwm;

		/**
		 * How long closing waits for queued messages to leave (ZMQ_LINGER). Defaults to
		 * zeromq.context.linger.
		 */
		private Duration linger;

		/**
		 * Routing identity (ZMQ_ROUTING_ID, UTF-8, at most 255 bytes) by which a ROUTER peer
		 * addresses this socket. REQ, REP, DEALER and ROUTER only.
		 */
		private String identity;

		/**
		 * How long a send waits at the high-water mark before failing (ZMQ_SNDTIMEO). Defaults
		 * to 10s, not JeroMQ's forever, so that a full socket never hangs the sender. Sending
		 * types only.
		 */
		private Duration sendTimeout;

		/**
		 * How long a blocking receive waits (ZMQ_RCVTIMEO). Unset means forever. Receiving
		 * types only; a listener's sockets use their own.
		 */
		private Duration receiveTimeout;

		/**
		 * Wait before reconnecting a lost connection (ZMQ_RECONNECT_IVL). JeroMQ's default is
		 * 100ms.
		 */
		private Duration reconnectInterval;

		/**
		 * Ceiling of the exponential reconnect back-off (ZMQ_RECONNECT_IVL_MAX). Unset means no
		 * back-off.
		 */
		private Duration reconnectIntervalMax;

		/**
		 * Interval of ZMTP heartbeat PINGs (ZMQ_HEARTBEAT_IVL). Unset means no heartbeats.
		 */
		private Duration heartbeatInterval;

		/**
		 * How long the peer may go without our PINGs before dropping us (ZMQ_HEARTBEAT_TTL).
		 * JeroMQ keeps it in tenths of a second: under 100ms it has no effect, and it must be
		 * less than 655.4s. Needs heartbeat-interval.
		 */
		private Duration heartbeatTtl;

		/**
		 * How long to wait for a PONG before closing the connection (ZMQ_HEARTBEAT_TIMEOUT).
		 * Defaults to the heartbeat interval.
		 */
		private Duration heartbeatTimeout;

		/**
		 * How long a new connection may take to complete its ZMTP handshake before it is
		 * dropped and made again (ZMQ_HANDSHAKE_IVL); 0 means no limit. Defaults to 3s instead of
		 * JeroMQ's 30s, so that a connection JeroMQ 0.6.0 leaves without a handshake recovers
		 * within seconds.
		 */
		private Duration handshakeInterval;

		/**
		 * Queue messages only to completed connections (ZMQ_IMMEDIATE, libzmq's meaning). Off
		 * by default: messages queue for connections still being made. Sockets with connect
		 * only.
		 */
		private Boolean immediate;

		/**
		 * Keep only the last message (ZMQ_CONFLATE). PUSH, PULL, PUB, SUB and DEALER only.
		 */
		private Boolean conflate;

		/**
		 * ROUTER only: fail a send to an unknown identity instead of dropping it
		 * (ZMQ_ROUTER_MANDATORY).
		 */
		private Boolean routerMandatory;

		/**
		 * PUB and XPUB only: block or fail at the high-water mark instead of dropping
		 * (ZMQ_XPUB_NODROP).
		 */
		private Boolean xpubNodrop;

		/**
		 * XPUB only: pass every subscription upstream, not only new ones (ZMQ_XPUB_VERBOSE).
		 */
		private Boolean xpubVerbose;

		/**
		 * REQ only: allow a new request before the reply to the last one arrived
		 * (ZMQ_REQ_RELAXED). The starter turns it on by default so that a timed-out request
		 * leaves the socket usable.
		 */
		private Boolean reqRelaxed;

		/**
		 * REQ only: drop replies to older requests (ZMQ_REQ_CORRELATE). The starter turns it on
		 * by default, with req-relaxed, so that a late reply is not taken for the next one's.
		 */
		private Boolean reqCorrelate;

		/**
		 * Largest frame accepted from a peer, in bytes (ZMQ_MAXMSGSIZE); a peer announcing a
		 * bigger one is disconnected before anything is allocated. Unset means 4 MiB; -1 lifts
		 * the limit.
		 */
		private Long maxMessageSize;

		/**
		 * TCP keep-alive on the socket's connections (ZMQ_TCP_KEEPALIVE). Unset means the
		 * operating system's default.
		 */
		private Boolean tcpKeepalive;

		/**
		 * IPv6 on this socket (ZMQ_IPV6). Defaults to zeromq.context.ipv6.
		 */
		private Boolean ipv6;

		/**
		 * Pending TCP connections a bound socket queues (ZMQ_BACKLOG). JeroMQ's default is 100.
		 */
		private Integer backlog;

		public ZmqSocketType getType() {
			return this.type;
		}

		public void setType(ZmqSocketType type) {
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

		public String getDeadLetter() {
			return this.deadLetter;
		}

		public void setDeadLetter(String deadLetter) {
			this.deadLetter = deadLetter;
		}

		public Integer getSendHwm() {
			return this.sendHwm;
		}

		public void setSendHwm(Integer sendHwm) {
			this.sendHwm = sendHwm;
		}

		public Integer getReceiveHwm() {
			return this.receiveHwm;
		}

		public void setReceiveHwm(Integer receiveHwm) {
			this.receiveHwm = receiveHwm;
		}

		public Duration getLinger() {
			return this.linger;
		}

		public void setLinger(Duration linger) {
			this.linger = linger;
		}

		public String getIdentity() {
			return this.identity;
		}

		public void setIdentity(String identity) {
			this.identity = identity;
		}

		public Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

		public Duration getReceiveTimeout() {
			return this.receiveTimeout;
		}

		public void setReceiveTimeout(Duration receiveTimeout) {
			this.receiveTimeout = receiveTimeout;
		}

		public Duration getReconnectInterval() {
			return this.reconnectInterval;
		}

		public void setReconnectInterval(Duration reconnectInterval) {
			this.reconnectInterval = reconnectInterval;
		}

		public Duration getReconnectIntervalMax() {
			return this.reconnectIntervalMax;
		}

		public void setReconnectIntervalMax(Duration reconnectIntervalMax) {
			this.reconnectIntervalMax = reconnectIntervalMax;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getHeartbeatTtl() {
			return this.heartbeatTtl;
		}

		public void setHeartbeatTtl(Duration heartbeatTtl) {
			this.heartbeatTtl = heartbeatTtl;
		}

		public Duration getHeartbeatTimeout() {
			return this.heartbeatTimeout;
		}

		public void setHeartbeatTimeout(Duration heartbeatTimeout) {
			this.heartbeatTimeout = heartbeatTimeout;
		}

		public Duration getHandshakeInterval() {
			return this.handshakeInterval;
		}

		public void setHandshakeInterval(Duration handshakeInterval) {
			this.handshakeInterval = handshakeInterval;
		}

		public Boolean getImmediate() {
			return this.immediate;
		}

		public void setImmediate(Boolean immediate) {
			this.immediate = immediate;
		}

		public Boolean getConflate() {
			return this.conflate;
		}

		public void setConflate(Boolean conflate) {
			this.conflate = conflate;
		}

		public Boolean getRouterMandatory() {
			return this.routerMandatory;
		}

		public void setRouterMandatory(Boolean routerMandatory) {
			this.routerMandatory = routerMandatory;
		}

		public Boolean getXpubNodrop() {
			return this.xpubNodrop;
		}

		public void setXpubNodrop(Boolean xpubNodrop) {
			this.xpubNodrop = xpubNodrop;
		}

		public Boolean getXpubVerbose() {
			return this.xpubVerbose;
		}

		public void setXpubVerbose(Boolean xpubVerbose) {
			this.xpubVerbose = xpubVerbose;
		}

		public Boolean getReqRelaxed() {
			return this.reqRelaxed;
		}

		public void setReqRelaxed(Boolean reqRelaxed) {
			this.reqRelaxed = reqRelaxed;
		}

		public Boolean getReqCorrelate() {
			return this.reqCorrelate;
		}

		public void setReqCorrelate(Boolean reqCorrelate) {
			this.reqCorrelate = reqCorrelate;
		}

		public Long getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(Long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public Boolean getTcpKeepalive() {
			return this.tcpKeepalive;
		}

		public void setTcpKeepalive(Boolean tcpKeepalive) {
			this.tcpKeepalive = tcpKeepalive;
		}

		public Boolean getIpv6() {
			return this.ipv6;
		}

		public void setIpv6(Boolean ipv6) {
			this.ipv6 = ipv6;
		}

		public Integer getBacklog() {
			return this.backlog;
		}

		public void setBacklog(Integer backlog) {
			this.backlog = backlog;
		}

	}

}
