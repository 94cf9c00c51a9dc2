package org.zeromq.spring.listener.adapter;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.ValueConstants;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.MalformedMessageException;

/**
 * {@code @Header(ZmqHeaders.TOPIC | IDENTITY | SOCKET)} parameters as {@code String} (UTF-8) or
 * {@code byte[]}, read straight from the envelope. Ahead of spring-messaging's header resolver,
 * which would convert the bytes through a {@code ConversionService} that knows no charset.
 */
public final class ZmqHeaderArgumentResolver implements BindableArgumentResolver {

	/** The headers a ZeroMQ message has. */
	public static final List<String> NAMES = List.of(ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY, ZmqHeaders.SOCKET);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Header header = parameter.getParameterAnnotation(Header.class);
		return header != null && NAMES.contains(name(header, parameter));
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		return bind(parameter).resolveArgument(parameter, message);
	}

	@Override
	@SuppressWarnings("NullAway") // bound only to a parameter supportsParameter took, which has @Header
	public HeaderParameter bind(MethodParameter parameter) {
		Header header = parameter.getParameterAnnotation(Header.class);
		String defaultValue = ValueConstants.DEFAULT_NONE.equals(header.defaultValue()) ? null : header.defaultValue();
		return new HeaderParameter(name(header, parameter), parameter.getParameterType() == String.class,
				header.required() && defaultValue == null,
				(defaultValue != null) ? defaultValue.getBytes(StandardCharsets.UTF_8) : null);
	}

	static String name(Header header, MethodParameter parameter) {
		String name = !header.name().isEmpty() ? header.name() : header.value();
		return !name.isEmpty() ? name : String.valueOf(parameter.getParameterName());
	}

	/** One header parameter, its annotation read once. */
	private record HeaderParameter(String name, boolean asText, boolean required, byte @Nullable [] defaultValue)
			implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return true;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			byte[] value = value(message);
			if (value == null) {
				value = this.defaultValue;
			}
			if (value == null) {
				if (this.required) {
					throw missing(message);
				}
				return null;
			}
			return this.asText ? new String(value, StandardCharsets.UTF_8) : value;
		}

		private byte @Nullable [] value(Message<?> message) {
			if (message instanceof InboundMessage inbound) {
				return switch (this.name) {
					case ZmqHeaders.TOPIC -> inbound.topic();
					case ZmqHeaders.IDENTITY -> inbound.identity();
					default -> inbound.socket().getBytes(StandardCharsets.UTF_8);
				};
			}
			Object header = message.getHeaders().get(this.name);
			if (header instanceof byte[] bytes) {
				return bytes;
			}
			return (header != null) ? header.toString().getBytes(StandardCharsets.UTF_8) : null;
		}

		private MalformedMessageException missing(Message<?> message) {
			if (this.name.equals(ZmqHeaders.TOPIC) && message instanceof InboundMessage inbound) {
				return new MalformedMessageException("expected a [topic][payload] envelope, got "
						+ inbound.content().size() + " frame(s)");
			}
			return new MalformedMessageException("the message has no " + this.name);
		}

	}

}
