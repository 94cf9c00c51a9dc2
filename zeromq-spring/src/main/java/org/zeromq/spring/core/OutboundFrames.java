package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.messaging.Message;
import org.zeromq.ZMsg;

/**
 * Turns what an application sends (a payload, a list of parts, a {@link ZMsg}, or a
 * {@link Message} whose headers ask for an envelope) into the frames of one ZeroMQ message.
 * Senders and listener replies share it so that a value means the same frames everywhere.
 */
public final class OutboundFrames {

	private static final byte[] DELIMITER = new byte[0];

	private final PayloadConverter converter;

	public OutboundFrames(PayloadConverter converter) {
		this.converter = converter;
	}

	public PayloadConverter converter() {
		return this.converter;
	}

	/**
	 * The frames for a value: a {@link Message} with {@link ZmqHeaders#IDENTITY} gets a
	 * {@code [identity][""]} ROUTER envelope, one with {@link ZmqHeaders#TOPIC} a topic frame;
	 * {@link ZMsg} and {@link List} payloads become one frame per part.
	 */
	public List<byte[]> of(Object value) {
		if (value instanceof Message<?> message) {
			List<byte[]> frames = new ArrayList<>(4);
			Object identity = message.getHeaders().get(ZmqHeaders.IDENTITY);
			if (identity != null) {
				frames.add(this.converter.toFrame(identity));
				frames.add(DELIMITER);
			}
			Object topic = message.getHeaders().get(ZmqHeaders.TOPIC);
			if (topic != null) {
				frames.add(this.converter.toFrame(topic));
			}
			addPayload(message.getPayload(), frames);
			return frames;
		}
		if (value instanceof ZMsg || value instanceof List<?>) {
			List<byte[]> frames = new ArrayList<>(4);
			addPayload(value, frames);
			return frames;
		}
		return List.of(this.converter.toFrame(value));
	}

	/**
	 * Whether {@link #of} makes one frame of the value: anything but a {@link Message}, a
	 * {@link ZMsg} or a {@link List}. Such a value's frame is {@code converter().toFrame(value)}.
	 */
	public static boolean isOneFrame(Object value) {
		return !(value instanceof Message<?> || value instanceof ZMsg || value instanceof List<?>);
	}

	/** One frame per part, each converted on its own. */
	public List<byte[]> ofParts(Collection<?> parts) {
		List<byte[]> frames = new ArrayList<>(parts.size());
		for (Object part : parts) {
			frames.add(this.converter.toFrame(part));
		}
		return frames;
	}

	private void addPayload(Object payload, List<byte[]> frames) {
		if (payload instanceof ZMsg zmsg) {
			zmsg.forEach((frame) -> frames.add(frame.getData()));
		}
		else if (payload instanceof List<?> list) {
			frames.addAll(ofParts(list));
		}
		else {
			frames.add(this.converter.toFrame(payload));
		}
	}

}
