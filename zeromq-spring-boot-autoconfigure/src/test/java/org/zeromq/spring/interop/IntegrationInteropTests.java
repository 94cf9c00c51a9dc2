package org.zeromq.spring.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Spring Integration adapters and gateways against libzmq peers (pyzmq): a Python PUSH into an
 * inbound adapter, an outbound PUB adapter into a Python SUB, a Python REQ into an inbound gateway,
 * and outbound gateways (REQ, and DEALER with many requests in flight) against a Python REP. The
 * bridges are declared in properties, as the simplest applications would.
 */
class IntegrationInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithIntegration();

	@Test
	void pythonPushFeedsAnInboundAdapter() {
		PythonZmqPeer.assumeAvailable();
		int tasks = 100;
		this.runner.withUserConfiguration(Channels.class)
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=received",
					"zeromq.integration.inbound.tasks.payload-type=java.lang.String")
			.run((context) -> {
				try (PythonZmqPeer ventilator = PythonZmqPeer.start("push_client.py", endpoint(context, "tasks"),
						String.valueOf(tasks))) {
					QueueChannel received = context.getBean("received", QueueChannel.class);
					List<Object> payloads = new ArrayList<>();
					for (int i = 0; i < tasks; i++) {
						Message<?> message = received.receive(WAIT.toMillis());
						assertThat(message).as("task %d", i).isNotNull();
						payloads.add(message.getPayload());
					}
					assertThat(payloads).containsExactlyElementsOf(IntStream.range(0, tasks).mapToObj((i) -> "task-" + i).toList());
					assertThat(ventilator.awaitExit(WAIT)).isZero();
				}
			});
	}

	/**
	 * XPUB rather than PUB so that the test sees the subscription arrive before it publishes (the
	 * slow joiner, solved without sleeping); JeroMQ's PUB is an XPUB that hides subscriptions.
	 */
	@Test
	void anOutboundAdapterPublishesTopicEnvelopesToPythonSub() {
		PythonZmqPeer.assumeAvailable();
		int updates = 5;
		this.runner
			.withPropertyValues(socket("weather", "type=XPUB", "bind=" + ANY_TCP, "receive-timeout=" + WAIT.toMillis() + "ms"))
			.withPropertyValues("zeromq.integration.outbound.weather.channel=weather-out",
					"zeromq.integration.outbound.weather.topic-expression=headers['zip']")
			.run((context) -> {
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				try (PythonZmqPeer sub = PythonZmqPeer.start("sub_client.py", registry.endpoint("weather"), "10001",
						String.valueOf(updates))) {
					byte[] subscription = registry.socket("weather").execute((xpub) -> xpub.recv(0));
					assertThat(subscription).as("subscription from the pyzmq SUB").isNotNull();
					assertThat(new String(subscription, 1, subscription.length - 1, StandardCharsets.UTF_8)).isEqualTo("10001");
					MessageChannel out = context.getBean("weather-out", MessageChannel.class);
					for (int i = 0; i < updates; i++) {
						out.send(MessageBuilder.withPayload("noise " + i).setHeader("zip", "10002").build());
						out.send(MessageBuilder.withPayload("21 " + i).setHeader("zip", "10001").build());
					}
					assertThat(sub.nextLines(updates, WAIT))
						.containsExactlyElementsOf(IntStream.range(0, updates).mapToObj((i) -> "10001|21 " + i).toList());
					assertThat(sub.awaitExit(WAIT)).isZero();
				}
			});
	}

	@Test
	void pythonReqGetsRepliesFromAnInboundGateway() {
		PythonZmqPeer.assumeAvailable();
		this.runner.withUserConfiguration(Greeter.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.hello.channel=greetings",
					"zeromq.integration.inbound.hello.payload-type=java.lang.String")
			.run((context) -> {
				try (PythonZmqPeer client = PythonZmqPeer.start("req_client.py", endpoint(context, "hello"), "5")) {
					assertThat(client.nextLines(5, WAIT))
						.containsExactlyElementsOf(IntStream.range(0, 5).mapToObj((i) -> "World for Hello " + i).toList());
					assertThat(client.awaitExit(WAIT)).isZero();
				}
			});
	}

	@Test
	void anOutboundGatewayGetsRepliesFromPythonRep() {
		int requests = 10;
		try (PythonZmqPeer rep = PythonZmqPeer.start("rep_server.py", String.valueOf(requests))) {
			this.runner.withUserConfiguration(Channels.class)
				.withPropertyValues(socket("client", "type=REQ", "connect=" + rep.readyInfo()))
				.withPropertyValues("zeromq.integration.outbound.client.channel=requests",
						"zeromq.integration.outbound.client.reply-channel=received",
						"zeromq.integration.outbound.client.reply-payload-type=java.lang.String")
				.run((context) -> {
					MessageChannel requestChannel = context.getBean("requests", MessageChannel.class);
					QueueChannel replies = context.getBean("received", QueueChannel.class);
					for (int i = 0; i < requests; i++) {
						requestChannel.send(MessageBuilder.withPayload("hello-" + i).build());
						Message<?> reply = replies.receive(WAIT.toMillis());
						assertThat(reply).isNotNull();
						assertThat(reply.getPayload()).isEqualTo("echo:hello-" + i);
					}
				});
			assertThat(rep.nextLines(requests, WAIT))
				.containsExactlyElementsOf(IntStream.range(0, requests).mapToObj((i) -> "hello-" + i).toList());
			assertThat(rep.awaitExit(WAIT)).isZero();
		}
	}

	@Test
	void anAsyncDealerGatewayKeepsManyRequestsInFlightToPythonRep() {
		int requests = 200;
		try (PythonZmqPeer rep = PythonZmqPeer.start("rep_server.py", String.valueOf(requests))) {
			this.runner.withUserConfiguration(Channels.class)
				.withPropertyValues(socket("client", "type=DEALER", "connect=" + rep.readyInfo()))
				.withPropertyValues("zeromq.integration.outbound.client.channel=requests",
						"zeromq.integration.outbound.client.reply-channel=received",
						"zeromq.integration.outbound.client.reply-payload-type=java.lang.String",
						"zeromq.integration.outbound.client.async=true")
				.run((context) -> {
					MessageChannel requestChannel = context.getBean("requests", MessageChannel.class);
					for (int i = 0; i < requests; i++) {
						requestChannel.send(MessageBuilder.withPayload("job-" + i).setHeader("n", i).build());
					}
					QueueChannel replies = context.getBean("received", QueueChannel.class);
					Set<Integer> answered = new HashSet<>();
					for (int i = 0; i < requests; i++) {
						Message<?> reply = replies.receive(WAIT.toMillis());
						assertThat(reply).isNotNull();
						int n = reply.getHeaders().get("n", Integer.class);
						assertThat(reply.getPayload()).isEqualTo("echo:job-" + n);
						answered.add(n);
					}
					assertThat(answered).hasSize(requests);
				});
			assertThat(rep.awaitExit(WAIT)).isZero();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Channels {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Greeter {

		@Bean
		IntegrationFlow greetingsFlow() {
			return IntegrationFlow.from("greetings").<String, String>transform((request) -> "World for " + request).get();
		}

	}

}
