package org.zeromq.spring.listener.adapter;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * A resolver that reads what it needs from the parameter (annotation attributes, generic type)
 * once, when the listener registers: reading a synthesized annotation's attribute allocates, and
 * would do so for every message.
 */
interface BindableArgumentResolver extends HandlerMethodArgumentResolver {

	/** A resolver for this one parameter, with what it needs from the parameter already read. */
	HandlerMethodArgumentResolver bind(MethodParameter parameter);

}
