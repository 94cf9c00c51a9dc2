package org.zeromq.spring.autoconfigure.integration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Spring Integration in a Boot application with the starter: enabled without
 * {@code @EnableIntegration}, the application's own flows run on the starter's template,
 * listener container factory ({@code zeromq.listener.*}) and payload converter (Boot's Jackson),
 * and nothing of it is there without the module.
 */
class ZmqIntegrationAutoConfigurationTests {

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithIntegration();

	@Test
	void theApplicationsFlowRunsOnTheStartersSocketsWithoutEnableIntegration() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket results = peers.bind(SocketType.PULL);
			// Boot's JsonMapper, as spring.jackson.* configures it, reads and writes the payloads.
			this.runner.withUserConfiguration(Pipeline.class)
				.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
				.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
				.withPropertyValues(socket("results", "type=PUSH", "connect=" + results.getLastEndpoint()))
				.run((context) -> {
					assertThat(context).hasBean(IntegrationContextUtils.INTEGRATION_GLOBAL_PROPERTIES_BEAN_NAME);
					send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "{\"item_name\":\"pear\",\"unit_count\":2}");
					assertThat(receiveStrings(results)).containsExactly("{\"item_name\":\"pear\",\"unit_count\":4}");
				});
		}
	}

	@Test
	void adaptersTakeTheListenerSettingsOfTheApplication() {
		LiveThreads census = LiveThreads.now();
		this.runner.withUserConfiguration(Counting.class)
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.listener.concurrency=3")
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "one");
					Message<?> received = context.getBean("received", QueueChannel.class).receive(WAIT.toMillis());
					assertThat(received).isNotNull();
					assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-tasks-1", "zmq-listener-tasks-2",
							"zmq-listener-tasks-3", "zmq-listener-tasks-device");
				}
			});
		census.awaitZmqThreadsEnded();
	}

	@Test
	void withoutTheModuleNothingOfSpringIntegrationIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(IntegrationFlow.class))
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(IntegrationContextUtils.INTEGRATION_GLOBAL_PROPERTIES_BEAN_NAME)
				.doesNotHaveBean(InboundBridgeChannels.class));
	}

	record Order(String itemName, int unitCount) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Pipeline {

		@Bean
		IntegrationFlow doubling() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(Order.class))
				.<Order, Order>transform((order) -> new Order(order.itemName(), order.unitCount() * 2))
				.handle(Zmq.outboundChannelAdapter("results"))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow counting() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks")).channel("received").get();
		}

	}

}
