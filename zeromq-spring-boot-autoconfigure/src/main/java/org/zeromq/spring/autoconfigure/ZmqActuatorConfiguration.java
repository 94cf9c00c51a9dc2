package org.zeromq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the starter adds to Actuator when it is there: masking of its secrets. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
class ZmqActuatorConfiguration {

	@Bean
	ZmqSecretSanitizer zmqSecretSanitizer() {
		return new ZmqSecretSanitizer();
	}

}
