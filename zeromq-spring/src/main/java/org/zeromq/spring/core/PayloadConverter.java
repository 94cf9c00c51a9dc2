package org.zeromq.spring.core;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ClassUtils;
import org.zeromq.ZFrame;

/**
 * Converts payloads to and from ZeroMQ frames. {@code byte[]} travels as is and {@code String}
 * as UTF-8 without touching the converter (the common case costs one array copy at most);
 * anything else goes through the spring-messaging {@link MessageConverter}, JSON by default.
 * <p>
 * {@link ByteBuffer} and {@link ZFrame} payloads are frames already: a {@code ZFrame}'s bytes
 * and a heap buffer that wraps a whole array ({@code ByteBuffer.wrap(bytes)}) are sent as that
 * array, without a copy (as a {@code byte[]} is: the application must not change it after
 * sending); any other buffer (a slice, a direct buffer) is copied once, its remaining bytes,
 * without moving its position. Read back, a frame becomes a buffer or a {@code ZFrame} that wraps
 * it, again without a copy.
 * <p>
 * The ZeroMQ conversion is chosen by this type (or, in the Boot auto-configuration, by a
 * {@link MessageConverter} bean named or qualified {@value #MESSAGE_CONVERTER_QUALIFIER}), never by
 * whatever {@code MessageConverter} bean happens to be in the context: other libraries register
 * theirs (Spring Integration does), and they must not change what goes on the wire.
 */
public final class PayloadConverter {

	/**
	 * The bean name or qualifier of a spring-messaging {@link MessageConverter} meant for
	 * ZeroMQ payloads; any other {@code MessageConverter} bean is left alone.
	 */
	public static final String MESSAGE_CONVERTER_QUALIFIER = "zmqMessageConverter";

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper",
			PayloadConverter.class.getClassLoader());

	// Converters read a frame's payload, not its headers: sharing one empty header set without an
	// id or timestamp saves the UUID, timestamp and map a new GenericMessage costs per message
	// (measured: about 300 of the bytes allocated to read a small JSON object).
	private static final MessageHeaders FRAME_HEADERS = new FrameHeaders();

	private final MessageConverter converter;

	private final @Nullable Function<Object, byte[]> objectWriter;

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
	public PayloadConverter(MessageConverter converter, @Nullable Function<Object, byte[]> objectWriter) {
		this.converter = converter;
		this.objectWriter = objectWriter;
	}

	/**
	 * Bytes as is, text as UTF-8 and, when Jackson 3 is on the classpath, everything else as
	 * JSON: what an application without a converter of its own gets.
	 */
	public static PayloadConverter withDefaults() {
		List<MessageConverter> converters = new ArrayList<>();
		converters.add(new ByteArrayMessageConverter());
		converters.add(new StringMessageConverter());
		if (JACKSON_PRESENT) {
			converters.add(new JacksonJsonMessageConverter());
		}
		return new PayloadConverter(new CompositeMessageConverter(converters));
	}

	public MessageConverter messageConverter() {
		return this.converter;
	}

	public byte[] toFrame(@Nullable Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (payload instanceof ByteBuffer buffer) {
			return frameOf(buffer);
		}
		if (payload instanceof ZFrame frame) {
			byte[] data = frame.getData();
			return (data != null) ? data : new byte[0];
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
			throw new MessageConversionException("No converter turns " + payload.getClass().getName() + " into a frame; "
					+ (readsJson() ? "declare a MessageConverter bean named '" + MESSAGE_CONVERTER_QUALIFIER + "' that does"
							: "add Jackson to the classpath for JSON, or declare a MessageConverter bean"));
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

	public <T> T fromFrame(byte[] frame, Class<T> type) {
		return fromFrame(frame, type, null);
	}

	/**
	 * Reads a frame as a generic type, e.g. {@code new ParameterizedTypeReference<List<Order>>() {}}:
	 * the converter sees the full type, so the elements arrive as {@code Order}s.
	 */
	@SuppressWarnings("unchecked")
	public <T> T fromFrame(byte[] frame, ParameterizedTypeReference<T> type) {
		ResolvableType resolved = ResolvableType.forType(type);
		Class<?> raw = resolved.toClass();
		if (!resolved.hasGenerics()) {
			return (T) fromFrame(frame, raw, null);
		}
		return (T) fromFrame(frame, raw, new TypeHint(type.getType(), raw));
	}

	/**
	 * Reads a frame as {@code type}; a {@link SmartMessageConverter} also gets the hint, which
	 * for a listener is the method parameter, so that generic payloads ({@code List<Order>})
	 * arrive typed.
	 */
	@SuppressWarnings("unchecked")
	public <T> T fromFrame(byte[] frame, Class<T> type, @Nullable Object conversionHint) {
		if (type == byte[].class || type == Object.class) {
			return (T) frame;
		}
		if (type == String.class) {
			return (T) new String(frame, StandardCharsets.UTF_8);
		}
		if (type == ByteBuffer.class) {
			return (T) ByteBuffer.wrap(frame);
		}
		if (type == ZFrame.class) {
			return (T) new ZFrame(frame);
		}
		GenericMessage<byte[]> message = new GenericMessage<>(frame, FRAME_HEADERS);
		Object converted = (conversionHint != null && this.converter instanceof SmartMessageConverter smart)
				? smart.fromMessage(message, type, conversionHint) : this.converter.fromMessage(message, type);
		if (converted == null) {
			throw new MessageConversionException(unreadable(frame, type));
		}
		return (T) converted;
	}

	// The buffer's array when it is exactly the frame; otherwise its remaining bytes, read through
	// a duplicate so that the caller's buffer keeps its position.
	private static byte[] frameOf(ByteBuffer buffer) {
		if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
				&& buffer.limit() == buffer.array().length) {
			return buffer.array();
		}
		byte[] frame = new byte[buffer.remaining()];
		buffer.duplicate().get(frame);
		return frame;
	}

	// A converter answers null both when it cannot read the type at all and when the frame holds
	// JSON null: only the first is a missing converter.
	private String unreadable(byte[] frame, Class<?> type) {
		if (readsJson() && isJsonNull(frame)) {
			return "The frame holds JSON null, which is no " + type.getName() + "; the sender must send a JSON value"
					+ " of that type (to accept an absent value, take the frame as String or byte[] and check it)";
		}
		if (!readsJson()) {
			return "No converter reads a frame of " + frame.length + " bytes as " + type.getName()
					+ "; add Jackson to the classpath for JSON, or declare a MessageConverter bean";
		}
		return "No converter reads a frame of " + frame.length + " bytes as " + type.getName() + "; declare a"
				+ " MessageConverter bean named '" + MESSAGE_CONVERTER_QUALIFIER + "' that does";
	}

	private static boolean isJsonNull(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8).strip().equals("null");
	}

	// Whether any of the converters takes JSON, as Spring's JSON converters declare by MIME type.
	private boolean readsJson() {
		List<MessageConverter> all = (this.converter instanceof CompositeMessageConverter composite)
				? composite.getConverters() : List.of(this.converter);
		for (MessageConverter candidate : all) {
			if (candidate instanceof AbstractMessageConverter typed && typed.getSupportedMimeTypes()
				.stream()
				.anyMatch((mime) -> mime.getSubtype().equals("json") || mime.getSubtype().endsWith("+json"))) {
				return true;
			}
		}
		return false;
	}

	// spring-messaging's converters take a generic target type only from a MethodParameter hint
	// (AbstractMessageConverter.getResolvedType): this one stands for a parameter of that type.
	private static final class TypeHint extends MethodParameter {

		// Any one-parameter method: every type the converters ask about is overridden below.
		private static final java.lang.reflect.Method CARRIER = ClassUtils.getMethod(Object.class, "equals", Object.class);

		private final Type type;

		private final Class<?> raw;

		TypeHint(Type type, Class<?> raw) {
			super(CARRIER, 0);
			this.type = type;
			this.raw = raw;
		}

		private TypeHint(TypeHint original) {
			super(original);
			this.type = original.type;
			this.raw = original.raw;
		}

		@Override
		public Class<?> getParameterType() {
			return this.raw;
		}

		@Override
		public Type getGenericParameterType() {
			return this.type;
		}

		@Override
		public Type getNestedGenericParameterType() {
			return this.type;
		}

		@Override
		public Class<?> getNestedParameterType() {
			return this.raw;
		}

		@Override
		public MethodParameter nestedIfOptional() {
			return this;
		}

		@Override
		public TypeHint clone() {
			return new TypeHint(this);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

	private static final class FrameHeaders extends MessageHeaders {

		FrameHeaders() {
			super(null, ID_VALUE_NONE, -1L);
		}

	}

}
