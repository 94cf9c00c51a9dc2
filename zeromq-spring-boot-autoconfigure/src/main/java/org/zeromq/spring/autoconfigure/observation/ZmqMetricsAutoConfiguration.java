package org.zeromq.spring.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.observation.ListenerTimings;
import org.zeromq.spring.observation.ZmqMetrics;

/**
 * The {@code zeromq.*} meters, when the application has a {@link MeterRegistry}: the sockets'
 * counts as function counters and gauges ({@link ZmqMetrics}, bound by Boot like any
 * {@code MeterBinder}), and the listeners' handler timings ({@link ListenerTimings}). Off with
 * {@code zeromq.metrics.enabled=false}.
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, ZmqMetrics.class })
@ConditionalOnBean({ MeterRegistry.class, ZmqSocketRegistry.class })
@ConditionalOnProperty(prefix = "zeromq.metrics", name = "enabled", matchIfMissing = true)
public final class ZmqMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqMetrics zmqMetrics(ZmqSocketRegistry registry) {
		return new ZmqMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ListenerTimings zmqListenerTimings(MeterRegistry registry) {
		return new ListenerTimings(registry);
	}

}
