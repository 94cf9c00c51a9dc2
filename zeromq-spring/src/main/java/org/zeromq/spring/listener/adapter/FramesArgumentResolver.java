package org.zeromq.spring.listener.adapter;

import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.zeromq.ZMsg;
import org.zeromq.spring.listener.ReceivedMessage;

/**
 * The frames themselves, unconverted: {@code List<byte[]>} and {@link ZMsg} take every content
 * frame of a multipart message (a topic frame included), {@link ByteBuffer} wraps the single
 * payload frame without copying it.
 */
public final class FramesArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(Header.class) || parameter.hasParameterAnnotation(Headers.class)) {
			return false;
		}
		return isFrames(parameter) || parameter.getParameterType() == ByteBuffer.class;
	}

	/** Whether the parameter takes every frame, as {@code List<byte[]>} or {@link ZMsg}. */
	static boolean isFrames(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (type == ZMsg.class) {
			return true;
		}
		return type == List.class && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == byte[].class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		Class<?> type = parameter.getParameterType();
		ReceivedMessage received = (ReceivedMessage) message;
		if (type == ByteBuffer.class) {
			if (!received.hasSinglePayloadFrame()) {
				throw ZmqPayloadArgumentResolver.notSinglePayloadFrame(received);
			}
			return ByteBuffer.wrap((byte[]) received.getPayload());
		}
		List<byte[]> content = received.inbound().content();
		if (type == ZMsg.class) {
			ZMsg zmsg = new ZMsg();
			content.forEach(zmsg::add);
			return zmsg;
		}
		return content;
	}

}
