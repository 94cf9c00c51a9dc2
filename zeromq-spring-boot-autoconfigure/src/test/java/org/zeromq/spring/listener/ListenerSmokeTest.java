package org.zeromq.spring.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.template.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerSmokeTest {

	@Test
	void repListenerReplies() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class))
			.withUserConfiguration(Hello.class)
			.withPropertyValues("zeromq.sockets.hello.type=REP", "zeromq.sockets.hello.bind=inproc://hello",
					"zeromq.sockets.client.type=REQ", "zeromq.sockets.client.connect=inproc://hello")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 10; i++) {
					assertThat(template.request("client", "Hello " + i, Duration.ofSeconds(5), String.class)).isEqualTo("World " + i);
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Hello {

		@Bean
		HelloHandler helloHandler() {
			return new HelloHandler();
		}

	}

	static class HelloHandler {

		@ZmqListener("hello")
		String hello(String request) {
			return request.replace("Hello", "World");
		}

	}

}
