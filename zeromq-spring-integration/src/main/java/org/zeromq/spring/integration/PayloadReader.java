package org.zeromq.spring.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.messaging.converter.MessageConversionException;
import org.zeromq.spring.core.PayloadConverter;

/**
 * Reads the payload frames of a ZeroMQ message as the payload type an adapter asks for:
 * {@code byte[]} (one frame, as is), {@code String} (one frame, UTF-8), {@code List} (every
 * frame, each a {@code byte[]}: the whole multipart message), or any other type through the
 * starter's {@link PayloadConverter} (JSON by default).
 */
final class PayloadReader {

	private final Class<?> type;

	private final PayloadConverter converter;

	PayloadReader(Class<?> type, PayloadConverter converter) {
		this.type = type;
		this.converter = converter;
	}

	Class<?> type() {
		return this.type;
	}

	/**
	 * @throws MessageConversionException when the frames cannot be read as the type: a
	 * multipart message for a single-frame type, or content the converter cannot read
	 */
	Object read(List<byte[]> frames) {
		if (this.type == List.class) {
			return frames;
		}
		if (frames.size() != 1) {
			throw new MessageConversionException("The message has " + frames.size() + " payload frames, but the payload type "
					+ this.type.getSimpleName() + " takes one; read multipart messages with the payload type List");
		}
		byte[] frame = frames.get(0);
		if (this.type == byte[].class || this.type == Object.class) {
			return frame;
		}
		if (this.type == String.class) {
			return new String(frame, StandardCharsets.UTF_8);
		}
		return this.converter.fromFrame(frame, this.type);
	}

}
