package org.zeromq.spring.listener.adapter;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.validation.Validator;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.MalformedMessageException;

/**
 * spring-messaging's payload resolution (conversion with the parameter as hint, {@code @Valid}
 * and {@code @Validated} validation) for ZeroMQ frames, with two differences: an empty frame is
 * a payload like any other (ZeroMQ messages may be empty; Spring would refuse it as missing),
 * and a multipart message cannot fill a single payload parameter.
 */
public final class ZmqPayloadArgumentResolver extends PayloadMethodArgumentResolver {

	public ZmqPayloadArgumentResolver(MessageConverter converter, Validator validator) {
		super(converter, validator, true);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
		if (message instanceof InboundMessage inbound && !inbound.hasSinglePayloadFrame()) {
			throw notSinglePayloadFrame(inbound);
		}
		return super.resolveArgument(parameter, message);
	}

	@Override
	protected boolean isEmptyPayload(Object payload) {
		return payload == null;
	}

	static MalformedMessageException notSinglePayloadFrame(InboundMessage message) {
		return new MalformedMessageException("expected one payload frame, got " + message.payload().size()
				+ "; declare a List<byte[]> or ZMsg parameter to receive multipart messages");
	}

}
