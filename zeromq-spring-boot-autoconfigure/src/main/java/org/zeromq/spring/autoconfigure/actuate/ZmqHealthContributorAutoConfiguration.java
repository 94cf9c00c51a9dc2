package org.zeromq.spring.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;
import org.zeromq.spring.actuate.ZmqHealthIndicator;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.autoconfigure.ZmqProperties;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * The {@code zeromq} health indicator, when Boot's health support is there; off with
 * {@code management.health.zeromq.enabled=false}.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, ZmqSocketRegistry.class })
@ConditionalOnBean(ZmqSocketRegistry.class)
@ConditionalOnEnabledHealthIndicator("zeromq")
public final class ZmqHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "zeromqHealthIndicator", "zeromqHealthContributor" })
	ZmqHealthIndicator zeromqHealthIndicator(ZmqSocketRegistry registry, ZContext context, ZmqProperties properties,
			ObjectProvider<ZmqListenerEndpointRegistry> listeners) {
		return new ZmqHealthIndicator(registry, context, RequiredPeers.of(properties), listeners.getIfUnique());
	}

}
