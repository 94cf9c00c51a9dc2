package org.zeromq.spring.autoconfigure.integration;

import java.util.function.Supplier;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.integration.dsl.IntegrationFlow;
import org.zeromq.spring.autoconfigure.ZmqProperties;

/**
 * Registers one {@link IntegrationFlow} bean per bridge declared under {@code zeromq.integration},
 * named after its property ({@code zeromq.integration.inbound.tasks}), so that Spring
 * Integration builds, starts and stops it like any flow of the application. The properties are
 * read here, while bean definitions are registered, so that a bridge that cannot work stops
 * startup before any socket opens.
 */
class IntegrationBridgeRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	// Set by Spring (EnvironmentAware) before it registers bean definitions.
	@SuppressWarnings("NullAway.Init")
	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		IntegrationBridges bridges = new IntegrationBridges(bind(this.environment));
		bridges.flows().forEach((name, flow) -> {
			if (!registry.containsBeanDefinition(name)) {
				registry.registerBeanDefinition(name,
						BeanDefinitionBuilder.genericBeanDefinition(IntegrationFlow.class, flow).getBeanDefinition());
			}
		});
	}

	static ZmqProperties bind(Environment environment) {
		Supplier<ZmqProperties> none = ZmqProperties::new;
		return Binder.get(environment).bind(ZmqProperties.PREFIX, ZmqProperties.class).orElseGet(none);
	}

}
