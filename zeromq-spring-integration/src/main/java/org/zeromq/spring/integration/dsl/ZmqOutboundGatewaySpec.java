package org.zeromq.spring.integration.dsl;

import java.time.Duration;

import org.zeromq.spring.integration.ZmqOutboundEndpoint;

/** Configures a {@link ZmqOutboundEndpoint} that sends requests and produces their replies. */
public class ZmqOutboundGatewaySpec extends ZmqOutboundEndpointSpec<ZmqOutboundGatewaySpec> {

	ZmqOutboundGatewaySpec(ZmqOutboundEndpoint endpoint) {
		super(endpoint);
	}

	/**
	 * The payload of replies: {@code byte[]} (the default), {@code String}, {@code List} (every
	 * reply frame) or any type the converter reads (JSON).
	 */
	public ZmqOutboundGatewaySpec replyPayloadType(Class<?> replyPayloadType) {
		this.target.setReplyPayloadType(replyPayloadType);
		return _this();
	}

	/** How long each request waits for its reply. */
	public ZmqOutboundGatewaySpec replyTimeout(Duration replyTimeout) {
		this.target.setReplyTimeout(replyTimeout);
		return _this();
	}

	/**
	 * DEALER: many requests in flight at once, each reply produced when it arrives (on the
	 * socket's thread) instead of the caller waiting for it.
	 */
	public ZmqOutboundGatewaySpec async(boolean async) {
		this.target.setAsync(async);
		return _this();
	}

}
