package org.zeromq.spring.integration.dsl;

import java.time.Duration;

import org.springframework.integration.dsl.MessagingGatewaySpec;
import org.zeromq.spring.integration.ZmqInboundGateway;

/**
 * Configures a {@link ZmqInboundGateway}; inherits {@code id}, {@code autoStartup},
 * {@code requestChannel}, {@code errorChannel}, {@code replyTimeout} and the rest from
 * {@link MessagingGatewaySpec}.
 */
public class ZmqInboundGatewaySpec extends MessagingGatewaySpec<ZmqInboundGatewaySpec, ZmqInboundGateway> {

	ZmqInboundGatewaySpec(ZmqInboundGateway gateway) {
		super(gateway);
	}

	/**
	 * The payload of the request messages: {@code byte[]} (the default), {@code String},
	 * {@code List} (every frame) or any type the converter reads (JSON).
	 */
	public ZmqInboundGatewaySpec payloadType(Class<?> payloadType) {
		this.target.setPayloadType(payloadType);
		return _this();
	}

	/** Threads that serve the socket (through the guide's device on a binding socket). */
	public ZmqInboundGatewaySpec concurrency(int concurrency) {
		this.target.setConcurrency(concurrency);
		return _this();
	}

	/** How long the gateway waits for the flow's reply before it answers with the error reply. */
	public ZmqInboundGatewaySpec replyTimeout(Duration replyTimeout) {
		return replyTimeout(replyTimeout.toMillis());
	}

}
