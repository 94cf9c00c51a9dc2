package org.zeromq.spring.listener.adapter;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.validation.Validator;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.MalformedMessageException;

/**
 * spring-messaging's payload resolution (conversion with the parameter as hint, {@code @Valid}
 * and {@code @Validated} validation, {@code @Payload} attributes) for ZeroMQ frames, with two
 * differences: an empty frame is a payload like any other (ZeroMQ messages may be empty; Spring
 * would refuse it as missing), and a multipart message cannot fill a single payload parameter.
 * <p>
 * A parameter without annotations asks nothing of Spring's resolution but the conversion, so it
 * is bound to just that: the frame converted to the parameter's type, with the parameter as
 * hint when its type is generic. The same result, without looking for annotations, validation
 * hints and assignability on every message.
 */
public final class ZmqPayloadArgumentResolver extends PayloadMethodArgumentResolver implements BindableArgumentResolver {

	private final PayloadConverter frames;

	/**
	 * @param frames converts payload frames
	 * @param converter the same, as the {@link MessageConverter} Spring's resolution calls
	 * @param validator validates {@code @Valid} and {@code @Validated} payloads, or {@code null}
	 */
	public ZmqPayloadArgumentResolver(PayloadConverter frames, MessageConverter converter, @Nullable Validator validator) {
		super(converter, validator, true);
		this.frames = frames;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		if (message instanceof InboundMessage inbound && !inbound.hasSinglePayloadFrame()) {
			throw notSinglePayloadFrame(inbound);
		}
		return super.resolveArgument(parameter, message);
	}

	@Override
	public HandlerMethodArgumentResolver bind(MethodParameter parameter) {
		if (parameter.getParameterAnnotations().length > 0) {
			return this;
		}
		Class<?> type = parameter.getParameterType();
		boolean generic = !(parameter.getGenericParameterType() instanceof Class);
		return new PlainPayload(this, this.frames, type, type.isAssignableFrom(byte[].class), generic ? parameter : null);
	}

	@Override
	protected boolean isEmptyPayload(@Nullable Object payload) {
		return payload == null;
	}

	static MalformedMessageException notSinglePayloadFrame(InboundMessage message) {
		return new MalformedMessageException("expected one payload frame, got " + message.payload().size()
				+ "; declare a List<byte[]> or ZMsg parameter to receive multipart messages");
	}

	/** An unannotated payload parameter: the frame as is when it fits, else converted. */
	private record PlainPayload(ZmqPayloadArgumentResolver full, PayloadConverter frames, Class<?> type,
			boolean takesFrame, @Nullable MethodParameter hint) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return true;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
			if (!(message instanceof InboundMessage inbound)) {
				return this.full.resolveArgument(parameter, message);
			}
			if (!inbound.hasSinglePayloadFrame()) {
				throw notSinglePayloadFrame(inbound);
			}
			byte[] frame = inbound.payload().get(0);
			return this.takesFrame ? frame : this.frames.fromFrame(frame, this.type, this.hint);
		}

	}

}
