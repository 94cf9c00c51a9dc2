package org.zeromq.spring.integration;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegrationManagement;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.graph.IntegrationGraphServer;
import org.springframework.integration.graph.IntegrationNode;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.integration.test.IntegrationApplication.ANY_TCP;
import static org.zeromq.spring.integration.test.IntegrationApplication.endpoint;
import static org.zeromq.spring.integration.test.IntegrationApplication.receive;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;

/**
 * Whole flows written with the {@code Zmq} DSL, as the issue asks them to read; the ZeroMQ
 * components in Spring Integration's graph; and Spring Integration's own observation on them.
 */
class IntegrationFlowTests {

	@Test
	void aFlowFromOneSocketToAnotherReadsAsWritten() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket results = peers.bind(SocketType.PULL);
			List<SocketSpec> sockets = List.of(SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP),
					SocketSpec.connect("results", ZmqSocketType.PUSH, results.getLastEndpoint()));
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(sockets, UpperCasePipeline.class)) {
				ZMQ.Socket tasks = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
				send(tasks, "first task");
				send(tasks, "second task");
				assertThat(receiveStrings(results)).containsExactly("FIRST TASK");
				assertThat(receiveStrings(results)).containsExactly("SECOND TASK");
			}
		}
	}

	@Test
	void anOutboundGatewayOfOneApplicationGetsItsRepliesFromTheInboundGatewayOfAnother() {
		try (AnnotationConfigApplicationContext server = IntegrationApplication
			.run(List.of(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP)), HelloServer.class);
				AnnotationConfigApplicationContext client = IntegrationApplication.run(
						List.of(SocketSpec.connect("hello", ZmqSocketType.REQ, endpoint(server, "hello"))), HelloClient.class)) {
			MessageChannel requests = client.getBean("requests", MessageChannel.class);
			for (String name : List.of("Ada", "Grace")) {
				requests.send(MessageBuilder.withPayload(name).build());
				assertThat(receive(client, "replies").getPayload()).isEqualTo("Hello, " + name);
			}
		}
	}

	@Test
	void theIntegrationGraphShowsEachZeroMqComponentByItsType() {
		List<SocketSpec> sockets = List.of(SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP),
				SocketSpec.connect("results", ZmqSocketType.PUSH, "tcp://127.0.0.1:5999"),
				SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP),
				SocketSpec.connect("client", ZmqSocketType.DEALER, "tcp://127.0.0.1:5998"),
				SocketSpec.bind("orders-in", ZmqSocketType.PULL, "inproc://orders"),
				SocketSpec.connect("orders-out", ZmqSocketType.PUSH, "inproc://orders"));
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(sockets, EveryComponent.class)) {
			Set<String> types = context.getBean(IntegrationGraphServer.class).getGraph().nodes().stream()
				.map(IntegrationNode::getComponentType)
				.collect(Collectors.toSet());
			assertThat(types).contains("zeromq:inbound-channel-adapter", "zeromq:outbound-channel-adapter",
					"zeromq:inbound-gateway", "zeromq:outbound-gateway", "zeromq:channel");
		}
	}

	@Test
	void springIntegrationObservesTheAdaptersAndTheGateway() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket results = peers.bind(SocketType.PULL);
			List<SocketSpec> sockets = List.of(SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP),
					SocketSpec.connect("results", ZmqSocketType.PUSH, results.getLastEndpoint()),
					SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP));
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(sockets, UpperCasePipeline.class,
					HelloServer.class, Observed.class)) {
				send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "observe me");
				assertThat(receiveStrings(results)).containsExactly("OBSERVE ME");
				assertThat(request(peers.connect(SocketType.REQ, endpoint(context, "hello")), "Ada"))
					.containsExactly("Hello, Ada");
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
					.extracting((observed) -> observed.getName() + " " + nameOf(observed))
					.contains("spring.integration.handler tasksIn", "spring.integration.gateway helloIn",
							"spring.integration.handler resultsOut"));
			}
		}
	}

	private static String nameOf(Observation.Context observed) {
		KeyValue name = observed.getLowCardinalityKeyValue("spring.integration.name");
		return (name != null) ? name.getValue() : "-";
	}

	@Configuration(proxyBeanMethods = false)
	static class UpperCasePipeline {

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class).id("tasksIn"))
				.<String, String>transform((task) -> task.toUpperCase(Locale.ROOT))
				.handle(Zmq.outboundChannelAdapter("results"), (endpoint) -> endpoint.id("resultsOut"))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HelloServer {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class).id("helloIn"))
				.<String, String>transform((name) -> "Hello, " + name)
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HelloClient {

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("hello").replyPayloadType(String.class))
				.channel("replies")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EveryComponent {

		@Bean
		IntegrationGraphServer integrationGraphServer() {
			return new IntegrationGraphServer();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks"))
				.channel(Zmq.channel("orders", "orders-out", "orders-in"))
				.handle(Zmq.outboundChannelAdapter("results"))
				.get();
		}

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello")).handle(Zmq.outboundGateway("client").async(true)).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegrationManagement(observationPatterns = "*")
	static class Observed {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
