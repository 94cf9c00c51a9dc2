package org.zeromq.spring.listener.adapter;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.GenericMessage;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.listener.MalformedMessageException;

/**
 * The application's {@link PayloadConverter} as the {@link SmartMessageConverter} that
 * spring-messaging's argument resolvers call: a payload frame is read as the parameter's type,
 * with the parameter as the hint that carries its generics ({@code List<Order>}).
 */
public final class FrameMessageConverter implements SmartMessageConverter {

	private final PayloadConverter converter;

	public FrameMessageConverter(PayloadConverter converter) {
		this.converter = converter;
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
		return fromMessage(message, targetClass, null);
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
		Object payload = message.getPayload();
		if (payload instanceof byte[] frame) {
			return this.converter.fromFrame(frame, targetClass, conversionHint);
		}
		if (payload instanceof List<?> frames) {
			throw new MalformedMessageException("expected one payload frame, got " + frames.size()
					+ "; declare a List<byte[]> or ZMsg parameter to receive multipart messages");
		}
		return null;
	}

	@Override
	public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
		byte[] frame = this.converter.toFrame(payload);
		return (headers != null) ? new GenericMessage<>(frame, headers) : new GenericMessage<>(frame);
	}

	@Override
	public Message<?> toMessage(Object payload, @Nullable MessageHeaders headers, @Nullable Object conversionHint) {
		return toMessage(payload, headers);
	}

}
