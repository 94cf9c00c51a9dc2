package org.zeromq.spring.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.spring.autoconfigure.actuate.ZmqEndpointAutoConfiguration;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The {@code zeromq} endpoint is there when Actuator is and the endpoint is exposed, and backs
 * off when it is not exposed, when its access is none, or without Actuator.
 */
class ZmqEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withConfiguration(AutoConfigurations.of(ZmqEndpointAutoConfiguration.class))
		.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://endpoint-config"));

	@Test
	void isThereWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=zeromq")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ZmqEndpoint.class));
	}

	@Test
	void backsOffWhenNotExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqEndpoint.class));
	}

	@Test
	void backsOffWhenItsAccessIsNone() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=zeromq", "management.endpoint.zeromq.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=zeromq")
			.withClassLoader(new FilteredClassLoader(Endpoint.class, ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("zmqEndpoint"));
	}

}
