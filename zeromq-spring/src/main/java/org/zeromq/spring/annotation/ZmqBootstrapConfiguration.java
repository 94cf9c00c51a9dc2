package org.zeromq.spring.annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.config.ZmqSocketRegistryLifecycle;

/**
 * What {@link EnableZmq @EnableZmq} registers: the {@link ZmqListenerAnnotationBeanPostProcessor},
 * the {@link ZmqListenerEndpointRegistry} and the {@link ZmqSocketRegistryLifecycle} that opens
 * the declared sockets when the application starts, each unless the context itself already has it.
 * A child context registers its own pair, so that its listeners start and stop with it.
 */
public class ZmqBootstrapConfiguration implements ImportBeanDefinitionRegistrar {

	/** Bean name of the annotation processor. */
	public static final String LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME = "org.zeromq.spring.annotation.internalZmqListenerAnnotationProcessor";

	/** Bean name of the listener registry. */
	public static final String LISTENER_ENDPOINT_REGISTRY_BEAN_NAME = "org.zeromq.spring.config.internalZmqListenerEndpointRegistry";

	/** Bean name of the lifecycle that opens the declared sockets at start. */
	public static final String SOCKET_REGISTRY_LIFECYCLE_BEAN_NAME = "org.zeromq.spring.config.internalZmqSocketRegistryLifecycle";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)) {
			RootBeanDefinition processor = new RootBeanDefinition(ZmqListenerAnnotationBeanPostProcessor.class);
			processor.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME, processor);
		}
		if (!registry.containsBeanDefinition(LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)) {
			RootBeanDefinition endpoints = new RootBeanDefinition(ZmqListenerEndpointRegistry.class);
			endpoints.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(LISTENER_ENDPOINT_REGISTRY_BEAN_NAME, endpoints);
		}
		if (!registry.containsBeanDefinition(SOCKET_REGISTRY_LIFECYCLE_BEAN_NAME)) {
			RootBeanDefinition opener = new RootBeanDefinition(ZmqSocketRegistryLifecycle.class);
			opener.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(SOCKET_REGISTRY_LIFECYCLE_BEAN_NAME, opener);
		}
	}

}
