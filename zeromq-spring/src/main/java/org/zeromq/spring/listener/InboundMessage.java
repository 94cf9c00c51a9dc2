package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * A message as a listener sees it: the routing envelope the reply must carry back, the content
 * frames, and what the envelope says about the sender.
 * <p>
 * It is also the {@link Message} spring-messaging's argument resolvers read: its payload is the
 * single payload frame ({@code byte[]}), or the list of payload frames of a multipart message;
 * its headers ({@link ZmqHeaders#SOCKET}, {@link ZmqHeaders#TOPIC} as text,
 * {@link ZmqHeaders#IDENTITY} as bytes) carry no id or timestamp and are built only when asked
 * for, so that a listener that takes only the payload pays for neither.
 *
 * @param socket the declared socket it arrived on
 * @param envelope frames to put in front of a reply (ROUTER identity, correlation, delimiter)
 * @param content the frames after the envelope
 * @param identity the ROUTER peer's routing identity, or {@code null}
 * @param topic the topic frame of a pub-sub envelope, or {@code null}
 * @param payload the frames that make the payload (the content after a topic frame)
 * @param traceContext the entries of the trace-context frame that came with it, on a socket that
 * opted in (see {@link org.zeromq.spring.core.TraceContextFrame}); empty otherwise. They are also
 * headers of the message.
 */
public record InboundMessage(String socket, List<byte[]> envelope, List<byte[]> content, byte @Nullable [] identity,
		byte @Nullable [] topic, List<byte[]> payload, Map<String, String> traceContext) implements Message<Object> {

	public InboundMessage {
		// Null is accepted from callers written before the trace context existed.
		traceContext = (traceContext != null) ? traceContext : Map.of();
	}

	/** A message without a trace context. */
	public InboundMessage(String socket, List<byte[]> envelope, List<byte[]> content, byte @Nullable [] identity,
			byte @Nullable [] topic, List<byte[]> payload) {
		this(socket, envelope, content, identity, topic, payload, Map.of());
	}

	/** The same message with the trace context that came with it. */
	public InboundMessage withTraceContext(Map<String, String> entries) {
		return new InboundMessage(this.socket, this.envelope, this.content, this.identity, this.topic, this.payload,
				entries);
	}

	/**
	 * Splits the frames a socket of {@code type} received into envelope and content, following
	 * the guide's envelope rules: a ROUTER prepends the sender's identity, a request envelope ends
	 * at the first empty delimiter frame, and pub-sub messages may lead with a topic frame.
	 * @throws MalformedMessageException when the frames do not fit the socket type
	 */
	public static InboundMessage of(ZmqSocketType type, String socket, List<byte[]> frames) {
		return FrameLayout.of(type).parse(socket, frames);
	}

	/** Whether the payload is one frame, which a single payload parameter needs. */
	public boolean hasSinglePayloadFrame() {
		return this.payload.size() == 1;
	}

	@Override
	public Object getPayload() {
		return (this.payload.size() == 1) ? this.payload.get(0) : this.payload;
	}

	@Override
	public MessageHeaders getHeaders() {
		Map<String, Object> values = new HashMap<>(4 + this.traceContext.size());
		values.putAll(this.traceContext);
		values.put(ZmqHeaders.SOCKET, this.socket);
		if (this.topic != null) {
			values.put(ZmqHeaders.TOPIC, new String(this.topic, StandardCharsets.UTF_8));
		}
		if (this.identity != null) {
			values.put(ZmqHeaders.IDENTITY, this.identity);
		}
		return new EnvelopeHeaders(values);
	}

	/** Every frame as received, envelope included, for dead-lettering. */
	public List<byte[]> allFrames() {
		if (this.envelope.isEmpty()) {
			return this.content;
		}
		java.util.ArrayList<byte[]> all = new java.util.ArrayList<>(this.envelope.size() + this.content.size());
		all.addAll(this.envelope);
		all.addAll(this.content);
		return all;
	}

	// Headers describe the envelope only: a generated id and timestamp would cost a UUID per message
	// and mean nothing to a ZeroMQ peer.
	private static final class EnvelopeHeaders extends MessageHeaders {

		EnvelopeHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
