package org.zeromq.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.converter.MessageConverter;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.receive;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Spring Integration in the same application registers a {@link MessageConverter} bean of its
 * own; ZeroMQ payloads go on converting as before, in both directions.
 */
class SpringIntegrationConverterTests {

	@Test
	void springIntegrationsMessageConverterDoesNotChangeWhatGoesOnTheWire() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.bind(SocketType.PULL);
			ZmqApplication.runnerWithJackson()
				.withUserConfiguration(WithIntegration.class)
				.withPropertyValues(socket("out", "type=PUSH", "connect=" + peer.getLastEndpoint()))
				.run((context) -> {
					assertThat(context.getBeansOfType(MessageConverter.class)).as("Spring Integration's own converter")
						.isNotEmpty();
					assertThat(context.getBean(PayloadConverter.class).messageConverter())
						.isNotIn(context.getBeansOfType(MessageConverter.class).values());
					context.getBean(ZmqOperations.class).send("out", new Order("apple", 3));
					assertThat(new String(receive(peer).get(0), StandardCharsets.UTF_8))
						.isEqualTo("{\"item\":\"apple\",\"quantity\":3}");
				});
		}
	}

	@Test
	void listenersReadJsonPayloadsAsBeforeWithSpringIntegrationPresent() {
		ZmqApplication.runnerWithJackson()
			.withUserConfiguration(WithIntegration.class, OrderListener.class)
			.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "orders"));
					push.send("{\"item\":\"pear\",\"quantity\":2}");
					assertThat(context.getBean(OrderListener.class).received.poll(ZmqApplication.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Order("pear", 2));
				}
			});
	}

	@Test
	void theStartersSpringIntegrationConfigurationLeavesListenerAndTemplateConversionAsBefore() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.bind(SocketType.PULL);
			ZmqApplication.runnerWithIntegration()
				.withUserConfiguration(OrderListener.class)
				.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
				.withPropertyValues(socket("out", "type=PUSH", "connect=" + peer.getLastEndpoint()))
				.run((context) -> {
					assertThat(context.getBeansOfType(MessageConverter.class)).as("Spring Integration's own converter")
						.isNotEmpty();
					assertThat(context.getBean(PayloadConverter.class).messageConverter())
						.isNotIn(context.getBeansOfType(MessageConverter.class).values());
					context.getBean(ZmqOperations.class).send("out", new Order("apple", 3));
					assertThat(new String(receive(peer).get(0), StandardCharsets.UTF_8))
						.isEqualTo("{\"item\":\"apple\",\"quantity\":3}");
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "orders"));
					push.send("{\"item\":\"pear\",\"quantity\":2}");
					assertThat(context.getBean(OrderListener.class).received.poll(ZmqApplication.WAIT.toMillis(),
							TimeUnit.MILLISECONDS)).isEqualTo(new Order("pear", 2));
				});
		}
	}

	record Order(String item, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class WithIntegration {

	}

	static class OrderListener {

		final BlockingQueue<Order> received = new LinkedBlockingQueue<>();

		@ZmqListener("orders")
		void on(Order order) {
			this.received.add(order);
		}

	}

}
