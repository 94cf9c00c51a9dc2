package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ZmqContainerProperties;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The listener container factory the auto-configuration declares: configured from
 * {@code zeromq.listener.*} and a {@link ListenerObservation} bean, replaced by the application's
 * own, and keeping listeners on platform threads of their own when
 * {@code spring.threads.virtual.enabled} is set.
 */
class ZmqListenerConfigurationTests {

	@Test
	void defaultContainerFactoryTakesTheListenerProperties() {
		ZmqApplication.runner()
			.withPropertyValues("zeromq.listener.shutdown-timeout=3s", "zeromq.listener.concurrency=2",
					"zeromq.listener.auto-startup=false")
			.run((context) -> {
				ZmqContainerProperties properties = context.getBean(DefaultZmqListenerContainerFactory.class)
					.getContainerProperties();
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getConcurrency()).isEqualTo(2);
				assertThat(properties.isAutoStartup()).isFalse();
				assertThat(properties.getObservation()).isSameAs(ListenerObservation.NONE);
				assertThat(properties.getTaskExecutor()).isNull();
			});
	}

	@Test
	void listenerObservationBeanWrapsHandlerCalls() {
		ListenerObservation observation = (listenerId, message, call) -> call.proceed();
		ZmqApplication.runner()
			.withBean(ListenerObservation.class, () -> observation)
			.run((context) -> assertThat(context.getBean(DefaultZmqListenerContainerFactory.class)
				.getContainerProperties()
				.getObservation()).isSameAs(observation));
	}

	@Test
	void containerFactoryOfTheApplicationReplacesTheDefault() {
		ZmqApplication.runner()
			.withUserConfiguration(OwnFactory.class)
			.withPropertyValues("zeromq.listener.concurrency=2")
			.run((context) -> {
				assertThat(context).hasSingleBean(DefaultZmqListenerContainerFactory.class);
				assertThat(context.getBean(DefaultZmqListenerContainerFactory.class).getContainerProperties().getConcurrency())
					.isEqualTo(5);
			});
	}

	@Test
	void concurrencyBelowOneFailsStartupNamingTheProperty() {
		ZmqApplication.runner()
			.withPropertyValues("zeromq.listener.concurrency=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zeromq.listener.concurrency")
				.hasMessageContaining("'0'")
				.hasMessageContaining("it must be at least 1"));
	}

	@Test
	void listenersKeepTheirOwnPlatformThreadsWhenVirtualThreadsAreEnabled() {
		ZmqApplication.runner()
			.withUserConfiguration(Echo.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.withPropertyValues(socket("echo", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "echo"));
					assertThat(request(client, "ping")).containsExactly("ping");
				}
				Thread handler = context.getBean(Echo.class).threads.poll(ZmqApplication.WAIT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(handler).isNotNull();
				assertThat(handler.getClass().getName()).doesNotContain("VirtualThread");
				assertThat(handler.getName()).isEqualTo("zmq-listener-echo-1");
				assertThat(context.getBean(DefaultZmqListenerContainerFactory.class).getContainerProperties()
					.getTaskExecutor()).isNull();
			});
	}

	static class Echo {

		final BlockingQueue<Thread> threads = new ArrayBlockingQueue<>(16);

		@ZmqListener("echo")
		String echo(String request) {
			this.threads.offer(Thread.currentThread());
			return request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFactory {

		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			factory.getContainerProperties().setConcurrency(5);
			return factory;
		}

	}

}
