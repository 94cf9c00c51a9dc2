package org.zeromq.spring.listener.adapter;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.ValueConstants;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.MalformedMessageException;
import org.zeromq.spring.listener.ReceivedMessage;

/**
 * {@code @Header(ZmqHeaders.TOPIC | IDENTITY | SOCKET)} parameters as {@code String} (UTF-8) or
 * {@code byte[]}, read straight from the envelope. Ahead of spring-messaging's header resolver,
 * which would convert the bytes through a {@code ConversionService} that knows no charset.
 */
public final class ZmqHeaderArgumentResolver implements HandlerMethodArgumentResolver {

	/** The headers a ZeroMQ message has. */
	public static final List<String> NAMES = List.of(ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY, ZmqHeaders.SOCKET);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Header header = parameter.getParameterAnnotation(Header.class);
		return header != null && NAMES.contains(name(header, parameter));
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		Header header = parameter.getParameterAnnotation(Header.class);
		String name = name(header, parameter);
		byte[] value = value(name, message);
		if (value == null) {
			if (!ValueConstants.DEFAULT_NONE.equals(header.defaultValue())) {
				return asType(header.defaultValue().getBytes(StandardCharsets.UTF_8), parameter);
			}
			if (header.required()) {
				throw missing(name, message);
			}
			return null;
		}
		return asType(value, parameter);
	}

	private static byte[] value(String name, Message<?> message) {
		if (message instanceof ReceivedMessage received) {
			InboundMessage inbound = received.inbound();
			return switch (name) {
				case ZmqHeaders.TOPIC -> inbound.topic();
				case ZmqHeaders.IDENTITY -> inbound.identity();
				default -> inbound.socket().getBytes(StandardCharsets.UTF_8);
			};
		}
		Object header = message.getHeaders().get(name);
		if (header instanceof byte[] bytes) {
			return bytes;
		}
		return (header != null) ? header.toString().getBytes(StandardCharsets.UTF_8) : null;
	}

	private static Object asType(byte[] value, MethodParameter parameter) {
		return (parameter.getParameterType() == String.class) ? new String(value, StandardCharsets.UTF_8) : value;
	}

	private static MalformedMessageException missing(String name, Message<?> message) {
		if (name.equals(ZmqHeaders.TOPIC) && message instanceof ReceivedMessage received) {
			return new MalformedMessageException("expected a [topic][payload] envelope, got "
					+ received.inbound().content().size() + " frame(s)");
		}
		return new MalformedMessageException("the message has no " + name);
	}

	static String name(Header header, MethodParameter parameter) {
		String name = !header.name().isEmpty() ? header.name() : header.value();
		return !name.isEmpty() ? name : String.valueOf(parameter.getParameterName());
	}

}
