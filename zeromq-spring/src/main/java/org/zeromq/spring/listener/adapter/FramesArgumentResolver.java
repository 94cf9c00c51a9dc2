package org.zeromq.spring.listener.adapter;

import java.nio.ByteBuffer;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.zeromq.ZMsg;
import org.zeromq.spring.listener.InboundMessage;

/**
 * The frames themselves, unconverted: {@code List<byte[]>} and {@link ZMsg} take every content
 * frame of a multipart message (a topic frame included), {@link ByteBuffer} wraps the single
 * payload frame without copying it.
 */
public final class FramesArgumentResolver implements BindableArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(Header.class) || parameter.hasParameterAnnotation(Headers.class)) {
			return false;
		}
		Class<?> type = parameter.getParameterType();
		return type == ZMsg.class || type == ByteBuffer.class
				|| (type == List.class && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == byte[].class);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		return bind(parameter).resolveArgument(parameter, message);
	}

	@Override
	public HandlerMethodArgumentResolver bind(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (type == ByteBuffer.class) {
			return Frames.BYTE_BUFFER;
		}
		return (type == ZMsg.class) ? Frames.ZMSG : Frames.LIST;
	}

	/** What each kind of frames parameter takes from the message. */
	private enum Frames implements HandlerMethodArgumentResolver {

		LIST {
			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				return ((InboundMessage) message).content();
			}
		},

		ZMSG {
			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				ZMsg zmsg = new ZMsg();
				((InboundMessage) message).content().forEach(zmsg::add);
				return zmsg;
			}
		},

		BYTE_BUFFER {
			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				InboundMessage inbound = (InboundMessage) message;
				if (!inbound.hasSinglePayloadFrame()) {
					throw ZmqPayloadArgumentResolver.notSinglePayloadFrame(inbound);
				}
				return ByteBuffer.wrap(inbound.payload().get(0));
			}
		};

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return true;
		}

	}

}
