package org.zeromq.spring.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ReflectionUtils;
import org.zeromq.ZMsg;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqHeaders;

/**
 * A listener method with its arguments worked out once, at startup: for each parameter a small
 * function from the received message to the argument, so that a message costs the conversions
 * it needs and one reflective call, nothing more.
 */
final class ListenerMethod {

	private final Object bean;

	private final Method method;

	private final ArgumentSource[] arguments;

	private final boolean requiresTopic;

	ListenerMethod(Object bean, Method method, PayloadConverter converter) {
		this.bean = bean;
		this.method = method;
		ReflectionUtils.makeAccessible(method);
		int count = method.getParameterCount();
		this.arguments = new ArgumentSource[count];
		boolean topic = false;
		int payloads = 0;
		for (int i = 0; i < count; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			Header header = parameter.getParameterAnnotation(Header.class);
			if (header != null && ZmqHeaders.TOPIC.equals(headerName(header, parameter)) && header.required()) {
				topic = true;
			}
			if (header == null && !parameter.hasParameterAnnotation(Headers.class) && !isFrames(parameter)) {
				payloads++;
			}
			this.arguments[i] = sourceFor(parameter, header, converter);
		}
		if (payloads > 1) {
			throw new IllegalStateException(describe() + " has " + payloads
					+ " payload parameters; a message has one payload (use @Header for the topic or identity, List<byte[]> for all frames)");
		}
		this.requiresTopic = topic;
	}

	Method method() {
		return this.method;
	}

	String describe() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

	boolean returnsValue() {
		return this.method.getReturnType() != void.class;
	}

	/** Invokes the method; exceptions it throws come out unwrapped. */
	Object invoke(InboundMessage message) throws Exception {
		if (this.requiresTopic && message.topic() == null) {
			throw new MalformedMessageException("expected a [topic][payload] envelope, got " + message.content().size() + " frame(s)");
		}
		Object[] args = new Object[this.arguments.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.arguments[i].resolve(message);
		}
		try {
			return this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private ArgumentSource sourceFor(MethodParameter parameter, Header header, PayloadConverter converter) {
		Class<?> type = parameter.getParameterType();
		if (header != null) {
			return headerSource(parameter, headerName(header, parameter), type);
		}
		if (parameter.hasParameterAnnotation(Headers.class)) {
			if (!Map.class.isAssignableFrom(type)) {
				throw unsupported(parameter, "@Headers needs a Map parameter");
			}
			return ListenerMethod::headers;
		}
		if (type == ZMsg.class) {
			return (message) -> {
				ZMsg zmsg = new ZMsg();
				message.content().forEach(zmsg::add);
				return zmsg;
			};
		}
		if (isFrames(parameter)) {
			return InboundMessage::content;
		}
		if (type == Message.class) {
			Class<?> payloadType = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve(byte[].class);
			return (message) -> new GenericMessage<>(converter.fromFrame(singlePayload(message), payloadType), headers(message));
		}
		if (parameter.hasParameterAnnotation(Payload.class) || !type.isPrimitive()) {
			return (message) -> converter.fromFrame(singlePayload(message), type);
		}
		throw unsupported(parameter, "primitive parameters cannot hold a payload; use the boxed type");
	}

	private ArgumentSource headerSource(MethodParameter parameter, String name, Class<?> type) {
		boolean asText = type == String.class;
		if (!asText && type != byte[].class && type != Object.class) {
			throw unsupported(parameter, "header " + name + " is available as String or byte[]");
		}
		ArgumentSource raw = switch (name) {
			case ZmqHeaders.TOPIC -> InboundMessage::topic;
			case ZmqHeaders.IDENTITY -> InboundMessage::identity;
			case ZmqHeaders.SOCKET -> (message) -> message.socket().getBytes(StandardCharsets.UTF_8);
			default -> throw unsupported(parameter, "unknown header '" + name + "'; ZeroMQ messages have "
					+ List.of(ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY, ZmqHeaders.SOCKET));
		};
		return asText ? (message) -> {
			Object bytes = raw.resolve(message);
			return (bytes != null) ? new String((byte[]) bytes, StandardCharsets.UTF_8) : null;
		} : raw;
	}

	private static Map<String, Object> headers(InboundMessage message) {
		Map<String, Object> headers = new HashMap<>(4);
		headers.put(ZmqHeaders.SOCKET, message.socket());
		if (message.topic() != null) {
			headers.put(ZmqHeaders.TOPIC, new String(message.topic(), StandardCharsets.UTF_8));
		}
		if (message.identity() != null) {
			headers.put(ZmqHeaders.IDENTITY, message.identity());
		}
		return Collections.unmodifiableMap(headers);
	}

	private static byte[] singlePayload(InboundMessage message) {
		List<byte[]> payload = message.payload();
		if (payload.size() != 1) {
			throw new MalformedMessageException("expected one payload frame, got " + payload.size()
					+ "; declare a List<byte[]> or ZMsg parameter to receive multipart messages");
		}
		return payload.get(0);
	}

	private static boolean isFrames(MethodParameter parameter) {
		if (parameter.getParameterType() == ZMsg.class) {
			return true;
		}
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		return List.class.isAssignableFrom(parameter.getParameterType()) && type.getGeneric(0).resolve() == byte[].class;
	}

	private static String headerName(Header header, MethodParameter parameter) {
		String name = !header.name().isEmpty() ? header.name() : header.value();
		return !name.isEmpty() ? name : parameter.getParameterName();
	}

	private IllegalStateException unsupported(MethodParameter parameter, String why) {
		return new IllegalStateException(
				describe() + " parameter " + parameter.getParameterIndex() + " (" + parameter.getParameterType().getSimpleName() + "): " + why);
	}

	/** Resolves one argument from a received message. */
	@FunctionalInterface
	private interface ArgumentSource {

		Object resolve(InboundMessage message);

	}

}
