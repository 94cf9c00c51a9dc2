package org.zeromq.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.observation.ObservedListeners;
import org.zeromq.spring.observation.ObservedTemplate;
import org.zeromq.spring.observation.ZmqListenerObservationConvention;
import org.zeromq.spring.observation.ZmqTemplateObservationConvention;

/**
 * Micrometer observations of listeners ({@code zeromq.listener}) and of the template
 * ({@code zeromq.template}), each turned on by its property, as Spring Kafka's are:
 * {@code zeromq.listener.observation-enabled} and {@code zeromq.template.observation-enabled}.
 * A unique {@link ZmqListenerObservationConvention} or {@link ZmqTemplateObservationConvention}
 * bean replaces the default names and tags.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ObservedListeners.class })
@ConditionalOnBean({ ObservationRegistry.class, ZmqSocketRegistry.class })
public final class ZmqObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "zeromq.listener", name = "observation-enabled", havingValue = "true")
	ObservedListeners zmqObservedListeners(ObservationRegistry observationRegistry, ZmqSocketRegistry sockets,
			ObjectProvider<ZmqListenerObservationConvention> convention) {
		return new ObservedListeners(observationRegistry, sockets, convention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "zeromq.template", name = "observation-enabled", havingValue = "true")
	ObservedTemplate zmqObservedTemplate(ObservationRegistry observationRegistry,
			ObjectProvider<ZmqTemplateObservationConvention> convention) {
		return new ObservedTemplate(observationRegistry, convention.getIfUnique());
	}

}
