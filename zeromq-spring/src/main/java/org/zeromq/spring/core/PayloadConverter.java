package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.GenericMessage;

/**
 * Converts payloads to and from ZeroMQ frames. {@code byte[]} travels as is and {@code String}
 * as UTF-8 without touching the converter (the common case costs one array copy at most);
 * anything else goes through the spring-messaging {@link MessageConverter}, JSON by default.
 */
public final class PayloadConverter {

	// Converters read a frame's payload, not its headers: sharing one empty header set without an
	// id or timestamp saves the UUID, timestamp and map a new GenericMessage costs per message
	// (measured: about 300 of the bytes allocated to read a small JSON object).
	private static final MessageHeaders FRAME_HEADERS = new FrameHeaders();

	private final MessageConverter converter;

	private final Function<Object, byte[]> objectWriter;

	public PayloadConverter(MessageConverter converter) {
		this(converter, null);
	}

	/**
	 * @param converter converts frames to objects, and objects to frames when no writer is given
	 * @param objectWriter writes objects that are neither {@code byte[]} nor {@code String}
	 * straight to bytes, where it gives what the converter would: Spring's JSON converter copies
	 * through a buffer and builds a message with headers per call (measured: 2 528 bytes to write
	 * a small object, against 720 for the JsonMapper alone)
	 */
	public PayloadConverter(MessageConverter converter, Function<Object, byte[]> objectWriter) {
		this.converter = converter;
		this.objectWriter = objectWriter;
	}

	public MessageConverter messageConverter() {
		return this.converter;
	}

	public byte[] toFrame(Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (payload == null) {
			throw new MessageConversionException("A null payload cannot be sent; send an empty byte[] for an empty frame");
		}
		if (this.objectWriter != null) {
			try {
				return this.objectWriter.apply(payload);
			}
			catch (RuntimeException ex) {
				throw new MessageConversionException("Could not write " + payload.getClass().getName() + " as a frame: "
						+ ex.getMessage(), ex);
			}
		}
		org.springframework.messaging.Message<?> converted = this.converter.toMessage(payload, null);
		if (converted == null) {
			throw new MessageConversionException("No converter turns " + payload.getClass().getName()
					+ " into a frame; add Jackson to the classpath for JSON, or declare a MessageConverter bean");
		}
		Object body = converted.getPayload();
		if (body instanceof byte[] bytes) {
			return bytes;
		}
		if (body instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new MessageConversionException("The converter turned " + payload.getClass().getName() + " into a "
				+ body.getClass().getName() + "; a frame needs byte[] or String");
	}

	@SuppressWarnings("unchecked")
	public <T> T fromFrame(byte[] frame, Class<T> type) {
		if (type == byte[].class || type == Object.class) {
			return (T) frame;
		}
		if (type == String.class) {
			return (T) new String(frame, StandardCharsets.UTF_8);
		}
		Object converted = this.converter.fromMessage(new GenericMessage<>(frame, FRAME_HEADERS), type);
		if (converted == null) {
			throw new MessageConversionException("No converter reads a frame of " + frame.length + " bytes as " + type.getName()
					+ "; add Jackson to the classpath for JSON, or declare a MessageConverter bean");
		}
		return (T) converted;
	}

	private static final class FrameHeaders extends MessageHeaders {

		FrameHeaders() {
			super(null, ID_VALUE_NONE, -1L);
		}

	}

}
