package org.zeromq.spring.autoconfigure.integration;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.integration.ZmqInboundChannelAdapter;
import org.zeromq.spring.integration.ZmqInboundGateway;
import org.zeromq.spring.integration.ZmqOutboundEndpoint;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Bridges written in properties alone, {@code zeromq.integration.inbound.<socket>} and
 * {@code zeromq.integration.outbound.<socket>}: each becomes the flow the DSL would build, an
 * adapter or, on a socket that answers or asks, a gateway.
 */
class IntegrationBridgeTests {

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithIntegration();

	@Test
	void anInboundBridgeSendsEachMessageTheSocketReceivesToItsChannel() {
		this.runner.withUserConfiguration(Received.class)
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=received",
					"zeromq.integration.inbound.tasks.payload-type=java.lang.String")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZmqInboundChannelAdapter.class);
				try (PeerSockets peers = new PeerSockets()) {
					send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "a task");
					Message<?> received = context.getBean("received", QueueChannel.class).receive(WAIT.toMillis());
					assertThat(received).isNotNull();
					assertThat(received.getPayload()).isEqualTo("a task");
					assertThat(received.getHeaders()).containsEntry(ZmqHeaders.SOCKET, "tasks");
				}
			});
	}

	@Test
	void anInboundBridgeOnARepSocketAnswersEachRequestWithTheFlowsReply() {
		this.runner.withUserConfiguration(Greeter.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.hello.channel=greetings",
					"zeromq.integration.inbound.hello.payload-type=java.lang.String")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZmqInboundGateway.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
					assertThat(request(client, "Ada")).containsExactly("Hello, Ada");
				}
			});
	}

	@Test
	void aRouterBridgeWithoutRepliesIsAnAdapter() {
		this.runner.withUserConfiguration(Received.class)
			.withPropertyValues(socket("tasks", "type=ROUTER", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=received",
					"zeromq.integration.inbound.tasks.expect-reply=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZmqInboundChannelAdapter.class).doesNotHaveBean(ZmqInboundGateway.class);
				try (PeerSockets peers = new PeerSockets()) {
					send(peers.connect(SocketType.DEALER, endpoint(context, "tasks"), "worker-7"), "done");
					Message<?> received = context.getBean("received", QueueChannel.class).receive(WAIT.toMillis());
					assertThat(received).isNotNull();
					assertThat((byte[]) received.getHeaders().get(ZmqHeaders.IDENTITY)).isEqualTo(PeerFrames.utf8("worker-7"));
				}
			});
	}

	@Test
	void anOutboundBridgeSendsWhatItsChannelGetsCreatingTheChannelWhenMissing() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pull = peers.bind(SocketType.PULL);
			this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.getLastEndpoint()))
				.withPropertyValues("zeromq.integration.outbound.out.channel=toZmq")
				.run((context) -> {
					assertThat(context).hasSingleBean(ZmqOutboundEndpoint.class);
					context.getBean("toZmq", MessageChannel.class).send(MessageBuilder.withPayload("sent").build());
					assertThat(receiveStrings(pull)).containsExactly("sent");
				});
		}
	}

	@Test
	void anOutboundBridgeWithATopicSendsEnvelopes() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("weather"));
			this.runner.withPropertyValues(socket("out", "type=PUB", "connect=" + sub.getLastEndpoint()))
				.withPropertyValues("zeromq.integration.outbound.out.channel=toZmq",
						"zeromq.integration.outbound.out.topic=weather")
				.run((context) -> {
					MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
					// A PUB drops what it sends before the subscription reached it: send until one arrives.
					List<byte[]> frames = await().pollInSameThread().atMost(WAIT).until(() -> {
						toZmq.send(MessageBuilder.withPayload("sunny").build());
						return PeerFrames.receiveNow(sub);
					}, (received) -> received != null);
					assertThat(PeerFrames.text(frames)).containsExactly("weather", "sunny");
				});
		}
	}

	@Test
	void anOutboundBridgeWithAReplyChannelIsAGatewayWhoseRepliesGoThere() throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket rep = peers.bind(SocketType.REP);
			Thread server = new Thread(() -> {
				String question = PeerFrames.text(PeerFrames.receive(rep)).get(0);
				PeerFrames.send(rep, List.of(PeerFrames.utf8("re: " + question)));
			}, "test-rep-peer");
			server.start();
			this.runner.withUserConfiguration(Replies.class)
				.withPropertyValues(socket("client", "type=REQ", "connect=" + rep.getLastEndpoint()))
				.withPropertyValues("zeromq.integration.outbound.client.channel=requests",
						"zeromq.integration.outbound.client.reply-channel=replies",
						"zeromq.integration.outbound.client.reply-payload-type=java.lang.String")
				.run((context) -> {
					context.getBean("requests", MessageChannel.class).send(MessageBuilder.withPayload("question").build());
					Message<?> reply = context.getBean("replies", QueueChannel.class).receive(WAIT.toMillis());
					assertThat(reply).isNotNull();
					assertThat(reply.getPayload()).isEqualTo("re: question");
				});
			server.join(WAIT.toMillis());
		}
	}

	@Test
	void bridgesLeaveNoThreadBehind() {
		LiveThreads census = LiveThreads.now();
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			this.runner.withUserConfiguration(Received.class)
				.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
				.withPropertyValues(socket("client", "type=DEALER", "connect=" + router.getLastEndpoint()))
				.withPropertyValues("zeromq.integration.inbound.tasks.channel=received",
						"zeromq.integration.inbound.tasks.concurrency=2",
						"zeromq.integration.outbound.client.channel=requests",
						"zeromq.integration.outbound.client.reply-channel=received",
						"zeromq.integration.outbound.client.async=true")
				.run((context) -> {
					context.getBean("requests", MessageChannel.class).send(MessageBuilder.withPayload("ping").build());
					List<byte[]> request = PeerFrames.receive(router);
					List<byte[]> reply = new ArrayList<>(request.subList(0, request.size() - 1));
					reply.add(PeerFrames.utf8("pong"));
					PeerFrames.send(router, reply);
					Message<?> received = context.getBean("received", QueueChannel.class).receive(WAIT.toMillis());
					assertThat(received).isNotNull();
					assertThat(received.getPayload()).isEqualTo(PeerFrames.utf8("pong"));
					assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-tasks-1", "zmq-listener-tasks-2",
							"zmq-requester-client");
				});
		}
		census.awaitZmqThreadsEnded();
	}

	@Configuration(proxyBeanMethods = false)
	static class Received {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Replies {

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Greeter {

		@Bean
		IntegrationFlow greetingsFlow() {
			return IntegrationFlow.from("greetings").<String, String>transform((name) -> "Hello, " + name).get();
		}

	}

}
