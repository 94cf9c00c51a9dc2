package org.zeromq.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ListenerSocketSettings;
import org.zeromq.spring.listener.LoggingErrorHandler;
import org.zeromq.spring.listener.ZmqListenerAnnotationBeanPostProcessor;
import org.zeromq.spring.listener.ZmqListenerEndpointRegistry;
import org.zeromq.spring.listener.ZmqListenerErrorHandler;

/** {@code @ZmqListener} support: the annotation processor and the registry of listener containers. */
@Configuration(proxyBeanMethods = false)
class ZmqListenerConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static ZmqListenerAnnotationBeanPostProcessor zmqListenerAnnotationBeanPostProcessor() {
		return new ZmqListenerAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqListenerEndpointRegistry zmqListenerEndpointRegistry(ZmqSocketRegistry sockets, ZmqSocketFactory factory,
			OutboundFrames outbound, ZmqProperties properties, BeanFactory beanFactory) {
		return new ZmqListenerEndpointRegistry(sockets, factory, outbound,
				(name) -> beanFactory.getBean(name, ZmqListenerErrorHandler.class), new LoggingErrorHandler(),
				(socket) -> settings(properties, socket), properties.getListener().getShutdownTimeout());
	}

	private static ListenerSocketSettings settings(ZmqProperties properties, String socket) {
		ZmqProperties.Socket declared = properties.getSockets().get(socket);
		if (declared == null) {
			return ListenerSocketSettings.DEFAULTS;
		}
		return new ListenerSocketSettings(declared.getErrorReply(), declared.getDeadLetter());
	}

}
