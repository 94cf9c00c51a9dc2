package org.zeromq.spring.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;
import org.zeromq.spring.actuate.ZmqEndpoint;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.autoconfigure.ZmqProperties;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * The {@code zeromq} Actuator endpoint, when Actuator is there and the endpoint is available
 * ({@code management.endpoint.zeromq.access}, and exposed like any endpoint:
 * {@code management.endpoints.web.exposure.include=health,zeromq}).
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, ZmqSocketRegistry.class })
@ConditionalOnBean(ZmqSocketRegistry.class)
@ConditionalOnAvailableEndpoint(ZmqEndpoint.class)
public final class ZmqEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqEndpoint zmqEndpoint(ZmqSocketRegistry registry, ZContext context, ZmqProperties properties,
			ObjectProvider<ZmqListenerEndpointRegistry> listeners) {
		return new ZmqEndpoint(registry, context, RequiredPeers.of(properties), listeners.getIfUnique());
	}

}
