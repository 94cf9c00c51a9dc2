package org.zeromq.spring.integration;

import java.nio.charset.StandardCharsets;

import org.springframework.integration.support.AbstractIntegrationMessageBuilder;
import org.springframework.integration.support.MessageBuilderFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.listener.InboundMessage;

/**
 * Turns a received ZeroMQ message into a Spring Integration message: the payload as the adapter's
 * payload type, and the envelope as headers ({@link ZmqHeaders#SOCKET} always,
 * {@link ZmqHeaders#TOPIC} as text for a pub-sub envelope, {@link ZmqHeaders#IDENTITY} as bytes
 * from a ROUTER). No other header comes from the wire: ZeroMQ frames carry none, and a peer's
 * bytes never become headers the flow would trust.
 */
final class InboundMapping {

	private final PayloadReader payload;

	InboundMapping(PayloadReader payload) {
		this.payload = payload;
	}

	/** @throws MessageConversionException when the payload cannot be read, with the raw frames as the failed message */
	Message<?> toMessage(InboundMessage received, MessageBuilderFactory builders) {
		Object value;
		try {
			value = this.payload.read(received.payload());
		}
		catch (RuntimeException ex) {
			Message<?> raw = envelope(builders.withPayload(received.payload()), received).build();
			throw new MessageConversionException(raw, "Could not read the message from socket '" + received.socket()
					+ "' as " + this.payload.type().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		return envelope(builders.withPayload(value), received).build();
	}

	private static <T> AbstractIntegrationMessageBuilder<T> envelope(AbstractIntegrationMessageBuilder<T> builder,
			InboundMessage received) {
		builder.setHeader(ZmqHeaders.SOCKET, received.socket());
		if (received.topic() != null) {
			builder.setHeader(ZmqHeaders.TOPIC, new String(received.topic(), StandardCharsets.UTF_8));
		}
		if (received.identity() != null) {
			builder.setHeader(ZmqHeaders.IDENTITY, received.identity());
		}
		return builder;
	}

}
