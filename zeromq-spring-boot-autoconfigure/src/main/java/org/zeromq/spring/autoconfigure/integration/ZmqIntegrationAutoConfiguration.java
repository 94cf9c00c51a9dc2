package org.zeromq.spring.autoconfigure.integration;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.autoconfigure.ZmqProperties;
import org.zeromq.spring.integration.ZmqInboundChannelAdapter;

/**
 * Spring Integration on the declared sockets, when the application has zeromq-spring-integration
 * (and so spring-integration-core): Spring Integration enabled (as Boot's own integration
 * auto-configuration does, if it is not there), and the bridges declared under
 * {@code zeromq.integration.inbound.*} and {@code zeromq.integration.outbound.*} created as flows.
 * The adapters and gateways of the application's own flows find the starter's template and
 * listener container factory by themselves. Without the module, declaring a bridge fails startup
 * saying what to add.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class,
		afterName = "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration")
public final class ZmqIntegrationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ IntegrationFlow.class, ZmqInboundChannelAdapter.class })
	@EnableIntegration
	@Import(IntegrationBridgeRegistrar.class)
	static class IntegrationBridgeConfiguration {

		@Bean
		static InboundBridgeChannels zmqInboundBridgeChannels(BeanFactory beanFactory, Environment environment) {
			return new InboundBridgeChannels(beanFactory,
					new IntegrationBridges(IntegrationBridgeRegistrar.bind(environment)).inboundChannels());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.zeromq.spring.integration.ZmqInboundChannelAdapter")
	static class WithoutIntegrationModuleConfiguration {

		@Bean
		static BridgesNeedTheModule zmqBridgesNeedTheModule(Environment environment) {
			return new BridgesNeedTheModule(environment);
		}

	}

	/**
	 * Refuses bridges declared in properties when nothing could create them. It reads the
	 * properties alone: the classes that build bridges are not on the class path here.
	 */
	static final class BridgesNeedTheModule {

		BridgesNeedTheModule(Environment environment) {
			ZmqProperties.Integration bridges = Binder.get(environment)
				.bind(ZmqProperties.PREFIX, ZmqProperties.class)
				.orElseGet(ZmqProperties::new)
				.getIntegration();
			String declared = !bridges.getInbound().isEmpty() ? IntegrationBridges.INBOUND + "." + bridges.getInbound().keySet().iterator().next()
					: !bridges.getOutbound().isEmpty() ? IntegrationBridges.OUTBOUND + "." + bridges.getOutbound().keySet().iterator().next()
					: null;
			if (declared != null) {
				throw new IntegrationBridgeException(declared,
						"a Spring Integration bridge is declared, but zeromq-spring-integration is not on the class path",
						"add the dependency org.zeromq.spring:zeromq-spring-integration, or remove the bridge");
			}
		}

	}

}
