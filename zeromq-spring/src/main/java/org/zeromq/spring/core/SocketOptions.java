package org.zeromq.spring.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The socket options a {@link SocketSpec} may set. A {@code null} component means "not set":
 * the socket keeps its default (JeroMQ's, or the starter's where {@link SocketConfigurer} says
 * so). Booleans have libzmq's meaning, whatever JeroMQ's setter is called.
 *
 * @param sendHwm ZMQ_SNDHWM, messages queued per peer before the high-water mark (0 = no limit)
 * @param receiveHwm ZMQ_RCVHWM
 * @param linger ZMQ_LINGER, how long close waits for queued messages to leave
 * @param identity ZMQ_ROUTING_ID (UTF-8), how a ROUTER peer addresses this socket
 * @param sendTimeout ZMQ_SNDTIMEO, how long a send blocks at the high-water mark
 * @param receiveTimeout ZMQ_RCVTIMEO
 * @param reconnectInterval ZMQ_RECONNECT_IVL
 * @param reconnectIntervalMax ZMQ_RECONNECT_IVL_MAX (exponential back-off ceiling)
 * @param heartbeatInterval ZMQ_HEARTBEAT_IVL (ZMTP PING interval)
 * @param heartbeatTtl ZMQ_HEARTBEAT_TTL (how long the peer may wait for our PINGs)
 * @param heartbeatTimeout ZMQ_HEARTBEAT_TIMEOUT (how long we wait for a PONG)
 * @param immediate ZMQ_IMMEDIATE in libzmq's sense: queue only to completed connections
 * @param conflate ZMQ_CONFLATE, keep only the last message
 * @param routerMandatory ZMQ_ROUTER_MANDATORY, fail instead of dropping unroutable replies
 * @param xpubNodrop ZMQ_XPUB_NODROP, block/fail at the mark instead of dropping
 * @param xpubVerbose ZMQ_XPUB_VERBOSE, pass every subscription upstream
 * @param reqRelaxed ZMQ_REQ_RELAXED, allow a new request before a reply arrived
 * @param reqCorrelate ZMQ_REQ_CORRELATE, drop replies to older requests
 * @param maxMessageSize ZMQ_MAXMSGSIZE in bytes
 * @param tcpKeepalive ZMQ_TCP_KEEPALIVE
 * @param ipv6 ZMQ_IPV6
 * @param backlog ZMQ_BACKLOG, pending TCP connections on a bound socket
 */
public record SocketOptions(Integer sendHwm, Integer receiveHwm, Duration linger, String identity,
		Duration sendTimeout, Duration receiveTimeout, Duration reconnectInterval, Duration reconnectIntervalMax,
		Duration heartbeatInterval, Duration heartbeatTtl, Duration heartbeatTimeout, Boolean immediate,
		Boolean conflate, Boolean routerMandatory, Boolean xpubNodrop, Boolean xpubVerbose, Boolean reqRelaxed,
		Boolean reqCorrelate, Long maxMessageSize, Boolean tcpKeepalive, Boolean ipv6, Integer backlog) {

	/** No option set: every socket default applies. */
	public static final SocketOptions DEFAULTS = builder().build();

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The options that are set, by their configuration name ({@code send-hwm}, …), in
	 * declaration order: what validation checks against the socket type and what diagnostics show.
	 */
	public Map<String, Object> explicitlySet() {
		Map<String, Object> set = new LinkedHashMap<>();
		putIfSet(set, "send-hwm", this.sendHwm);
		putIfSet(set, "receive-hwm", this.receiveHwm);
		putIfSet(set, "linger", this.linger);
		putIfSet(set, "identity", this.identity);
		putIfSet(set, "send-timeout", this.sendTimeout);
		putIfSet(set, "receive-timeout", this.receiveTimeout);
		putIfSet(set, "reconnect-interval", this.reconnectInterval);
		putIfSet(set, "reconnect-interval-max", this.reconnectIntervalMax);
		putIfSet(set, "heartbeat-interval", this.heartbeatInterval);
		putIfSet(set, "heartbeat-ttl", this.heartbeatTtl);
		putIfSet(set, "heartbeat-timeout", this.heartbeatTimeout);
		putIfSet(set, "immediate", this.immediate);
		putIfSet(set, "conflate", this.conflate);
		putIfSet(set, "router-mandatory", this.routerMandatory);
		putIfSet(set, "xpub-nodrop", this.xpubNodrop);
		putIfSet(set, "xpub-verbose", this.xpubVerbose);
		putIfSet(set, "req-relaxed", this.reqRelaxed);
		putIfSet(set, "req-correlate", this.reqCorrelate);
		putIfSet(set, "max-message-size", this.maxMessageSize);
		putIfSet(set, "tcp-keepalive", this.tcpKeepalive);
		putIfSet(set, "ipv6", this.ipv6);
		putIfSet(set, "backlog", this.backlog);
		return Collections.unmodifiableMap(set);
	}

	private static void putIfSet(Map<String, Object> set, String name, Object value) {
		if (value != null) {
			set.put(name, value);
		}
	}

	/** Fluent construction, because most sockets set two or three of the twenty-two options. */
	public static final class Builder {

		private Integer sendHwm;

		private Integer receiveHwm;

		private Duration linger;

		private String identity;

		private Duration sendTimeout;

		private Duration receiveTimeout;

		private Duration reconnectInterval;

		private Duration reconnectIntervalMax;

		private Duration heartbeatInterval;

		private Duration heartbeatTtl;

		private Duration heartbeatTimeout;

		private Boolean immediate;

		private Boolean conflate;

		private Boolean routerMandatory;

		private Boolean xpubNodrop;

		private Boolean xpubVerbose;

		private Boolean reqRelaxed;

		private Boolean reqCorrelate;

		private Long maxMessageSize;

		private Boolean tcpKeepalive;

		private Boolean ipv6;

		private Integer backlog;

		private Builder() {
		}

		public Builder sendHwm(Integer value) {
			this.sendHwm = value;
			return this;
		}

		public Builder receiveHwm(Integer value) {
			this.receiveHwm = value;
			return this;
		}

		public Builder linger(Duration value) {
			this.linger = value;
			return this;
		}

		public Builder identity(String value) {
			this.identity = value;
			return this;
		}

		public Builder sendTimeout(Duration value) {
			this.sendTimeout = value;
			return this;
		}

		public Builder receiveTimeout(Duration value) {
			this.receiveTimeout = value;
			return this;
		}

		public Builder reconnectInterval(Duration value) {
			this.reconnectInterval = value;
			return this;
		}

		public Builder reconnectIntervalMax(Duration value) {
			this.reconnectIntervalMax = value;
			return this;
		}

		public Builder heartbeatInterval(Duration value) {
			this.heartbeatInterval = value;
			return this;
		}

		public Builder heartbeatTtl(Duration value) {
			this.heartbeatTtl = value;
			return this;
		}

		public Builder heartbeatTimeout(Duration value) {
			this.heartbeatTimeout = value;
			return this;
		}

		public Builder immediate(Boolean value) {
			this.immediate = value;
			return this;
		}

		public Builder conflate(Boolean value) {
			this.conflate = value;
			return this;
		}

		public Builder routerMandatory(Boolean value) {
			this.routerMandatory = value;
			return this;
		}

		public Builder xpubNodrop(Boolean value) {
			this.xpubNodrop = value;
			return this;
		}

		public Builder xpubVerbose(Boolean value) {
			this.xpubVerbose = value;
			return this;
		}

		public Builder reqRelaxed(Boolean value) {
			this.reqRelaxed = value;
			return this;
		}

		public Builder reqCorrelate(Boolean value) {
			this.reqCorrelate = value;
			return this;
		}

		public Builder maxMessageSize(Long value) {
			this.maxMessageSize = value;
			return this;
		}

		public Builder tcpKeepalive(Boolean value) {
			this.tcpKeepalive = value;
			return this;
		}

		public Builder ipv6(Boolean value) {
			this.ipv6 = value;
			return this;
		}

		public Builder backlog(Integer value) {
			this.backlog = value;
			return this;
		}

		public SocketOptions build() {
			return new SocketOptions(this.sendHwm, this.receiveHwm, this.linger, this.identity, this.sendTimeout,
					this.receiveTimeout, this.reconnectInterval, this.reconnectIntervalMax, this.heartbeatInterval,
					this.heartbeatTtl, this.heartbeatTimeout, this.immediate, this.conflate, this.routerMandatory,
					this.xpubNodrop, this.xpubVerbose, this.reqRelaxed, this.reqCorrelate, this.maxMessageSize,
					this.tcpKeepalive, this.ipv6, this.backlog);
		}

	}

}
