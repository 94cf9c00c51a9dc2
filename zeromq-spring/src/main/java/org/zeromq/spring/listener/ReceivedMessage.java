package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.zeromq.spring.core.ZmqHeaders;

/**
 * A received message as spring-messaging's argument resolvers see it. The payload is the single
 * payload frame ({@code byte[]}), or the list of payload frames of a multipart message. The
 * headers ({@link ZmqHeaders#SOCKET}, {@link ZmqHeaders#TOPIC} as text,
 * {@link ZmqHeaders#IDENTITY} as bytes) carry no id or timestamp and are built only when a
 * resolver asks for them, so that a listener that takes only the payload pays for neither.
 * Used by the one thread that handles the message.
 */
public final class ReceivedMessage implements Message<Object> {

	private final InboundMessage inbound;

	private MessageHeaders headers;

	public ReceivedMessage(InboundMessage inbound) {
		this.inbound = inbound;
	}

	/** The frames and envelope the message arrived with. */
	public InboundMessage inbound() {
		return this.inbound;
	}

	/** Whether the payload is one frame, which a single payload parameter needs. */
	public boolean hasSinglePayloadFrame() {
		return this.inbound.payload().size() == 1;
	}

	@Override
	public Object getPayload() {
		List<byte[]> payload = this.inbound.payload();
		return (payload.size() == 1) ? payload.get(0) : payload;
	}

	@Override
	public MessageHeaders getHeaders() {
		if (this.headers == null) {
			Map<String, Object> values = new HashMap<>(4);
			values.put(ZmqHeaders.SOCKET, this.inbound.socket());
			if (this.inbound.topic() != null) {
				values.put(ZmqHeaders.TOPIC, new String(this.inbound.topic(), StandardCharsets.UTF_8));
			}
			if (this.inbound.identity() != null) {
				values.put(ZmqHeaders.IDENTITY, this.inbound.identity());
			}
			this.headers = new ZmqMessageHeaders(values);
		}
		return this.headers;
	}

	@Override
	public String toString() {
		return "ReceivedMessage[socket=" + this.inbound.socket() + ", frames=" + this.inbound.content().size() + "]";
	}

	// Headers describe the envelope only: a generated id and timestamp would cost a UUID per message
	// and mean nothing to a ZeroMQ peer.
	private static final class ZmqMessageHeaders extends MessageHeaders {

		ZmqMessageHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
