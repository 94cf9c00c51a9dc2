package org.zeromq.spring.config;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * Creates the container that runs a listener. The registry asks the factory a listener names
 * ({@code @ZmqListener(containerFactory = …)}), else the bean named
 * {@value org.zeromq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor#DEFAULT_CONTAINER_FACTORY_BEAN_NAME}.
 *
 * @param <C> the containers it creates
 */
@FunctionalInterface
public interface ZmqListenerContainerFactory<C extends ZmqListenerContainer> {

	/**
	 * Creates, and checks, the container of one listener; it does not start it.
	 * @param endpoint the listener
	 * @param handlerMethods builds the method invocation with its argument resolvers
	 * @return the container, not started
	 * @throws org.zeromq.spring.listener.ListenerConfigurationException when the listener cannot
	 * run as declared
	 */
	C createListenerContainer(ListenerEndpoint endpoint, MessageHandlerMethodFactory handlerMethods);

}
