package org.zeromq.spring.integration;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.support.DefaultMessageBuilderFactory;
import org.springframework.integration.support.MessageBuilderFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.AlternativeJdkIdGenerator;
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

	/**
	 * The message, built by {@code builders} unless they are Spring Integration's defaults, whose
	 * result is the {@link GenericMessage} made here at a fraction of the cost (measured: 968
	 * bytes allocated per message through the builder, which copies the headers three times;
	 * 552 with a map handed to {@code GenericMessage}, which copies it once more).
	 * @throws MessageConversionException when the payload cannot be read, with the raw frames as
	 * the failed message
	 */
	Message<?> toMessage(InboundMessage received, MessageBuilderFactory builders) {
		Object value;
		try {
			value = this.payload.read(received.payload());
		}
		catch (RuntimeException ex) {
			Message<?> raw = build(received.payload(), received, builders);
			throw new MessageConversionException(raw, "Could not read the message from socket '" + received.socket()
					+ "' as " + this.payload.type().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		return build(value, received, builders);
	}

	private static Message<?> build(Object payload, InboundMessage received, MessageBuilderFactory builders) {
		EnvelopeHeaders headers = new EnvelopeHeaders(received);
		if (builders instanceof DefaultMessageBuilderFactory) {
			return new GenericMessage<>(payload, headers);
		}
		return builders.withPayload(payload).copyHeaders(headers).build();
	}

	/**
	 * Headers with the envelope entries, an id and a timestamp, filled in once, while they are
	 * built: nothing sees them before the message does, and they never change after.
	 */
	private static final class EnvelopeHeaders extends MessageHeaders {

		EnvelopeHeaders(InboundMessage received) {
			super(null, id(), null);
			Map<String, Object> headers = getRawHeaders();
			headers.put(ZmqHeaders.SOCKET, received.socket());
			if (received.topic() != null) {
				headers.put(ZmqHeaders.TOPIC, new String(received.topic(), StandardCharsets.UTF_8));
			}
			if (received.identity() != null) {
				headers.put(ZmqHeaders.IDENTITY, received.identity());
			}
		}

		/**
		 * What Spring's default id generator makes, 128 random bits, from the receiving thread's
		 * own {@link ThreadLocalRandom} instead of the one {@code java.util.Random} the default
		 * generator shares across the JVM, which fills a 16-byte array through four
		 * compare-and-set updates of its seed for every id (a sixth of the receiving thread's
		 * time in profiles of the inbound adapter). These ids are as unique as the default's:
		 * each thread's generator walks 64 bits of state, the default's {@code Random} 48 for the
		 * whole JVM; neither is meant to be unguessable. {@code null} when the application set a
		 * generator of its own (an {@code IdGenerator} bean, which Spring Integration installs):
		 * then {@link MessageHeaders} asks that one.
		 */
		private static @Nullable UUID id() {
			if (getIdGenerator().getClass() != AlternativeJdkIdGenerator.class) {
				return null;
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new UUID(random.nextLong(), random.nextLong());
		}

	}

}
