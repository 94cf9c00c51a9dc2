package org.zeromq.spring.integration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.zeromq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * Finds the starter's beans that an endpoint created without them (the DSL's
 * {@code Zmq.inboundChannelAdapter("tasks")}) runs on, the way {@code @ZmqListener} methods find
 * theirs, so that adapters and listeners share one container factory and one template.
 */
final class StarterBeans {

	private StarterBeans() {
	}

	/**
	 * The container factory {@code @ZmqListener} methods use by default: the bean named
	 * {@value ZmqListenerAnnotationBeanPostProcessor#DEFAULT_CONTAINER_FACTORY_BEAN_NAME}, else the
	 * only {@link DefaultZmqListenerContainerFactory}.
	 */
	static DefaultZmqListenerContainerFactory containerFactory(@Nullable BeanFactory beanFactory, String endpoint, String socket) {
		String name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME;
		if (beanFactory != null && beanFactory.containsBean(name)
				&& beanFactory.isTypeMatch(name, DefaultZmqListenerContainerFactory.class)) {
			return beanFactory.getBean(name, DefaultZmqListenerContainerFactory.class);
		}
		DefaultZmqListenerContainerFactory only = (beanFactory != null)
				? beanFactory.getBeanProvider(DefaultZmqListenerContainerFactory.class).getIfUnique() : null;
		if (only == null) {
			throw new EndpointConfigurationException(endpoint, socket,
					"it receives on the listener containers, but there is no DefaultZmqListenerContainerFactory bean"
							+ available(beanFactory, DefaultZmqListenerContainerFactory.class),
					"add the ZeroMQ starter (Spring Boot), declare a DefaultZmqListenerContainerFactory bean named '" + name
							+ "', or give the endpoint a container factory",
					null);
		}
		return only;
	}

	/** The only {@link ZmqTemplate}. */
	static ZmqTemplate template(@Nullable BeanFactory beanFactory, String endpoint, String socket) {
		ZmqTemplate only = (beanFactory != null) ? beanFactory.getBeanProvider(ZmqTemplate.class).getIfUnique() : null;
		if (only == null) {
			throw new EndpointConfigurationException(endpoint, socket,
					"it sends through ZmqTemplate, but there is no single ZmqTemplate bean"
							+ available(beanFactory, ZmqTemplate.class),
					"add the ZeroMQ starter (Spring Boot), declare one ZmqTemplate bean, or give the endpoint its template",
					null);
		}
		return only;
	}

	private static String available(@Nullable BeanFactory beanFactory, Class<?> type) {
		if (beanFactory instanceof ListableBeanFactory listable) {
			String[] names = listable.getBeanNamesForType(type);
			if (names.length > 1) {
				return " (there are " + names.length + ": " + String.join(", ", names) + ")";
			}
		}
		return "";
	}

}
