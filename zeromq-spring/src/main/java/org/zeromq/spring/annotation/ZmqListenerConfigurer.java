package org.zeromq.spring.annotation;

import org.zeromq.spring.config.ZmqListenerEndpointRegistrar;

/**
 * Implemented by beans that shape how listeners are created: argument resolvers for the
 * application's own parameter types, a {@code Validator} for {@code @Valid} payloads, the
 * default container factory, or a whole {@code MessageHandlerMethodFactory}. Called once,
 * before the first listener registers.
 */
@FunctionalInterface
public interface ZmqListenerConfigurer {

	void configureZmqListeners(ZmqListenerEndpointRegistrar registrar);

}
