package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.zeromq.dsl.ZeroMq;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.support.GenericMessage;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;

/**
 * The PUSH → PULL tcp byte[] scenario once more, with a third side: Spring Integration's own
 * {@code spring-integration-zeromq}, as its documentation wires it, with default settings: the
 * outbound channel adapter (a {@code ZeroMqMessageHandler}, PUSH) behind a channel, the inbound
 * one (a {@code ZeroMqMessageProducer}, PULL) feeding a flow. Its rounds are shorter (fewer
 * messages) because that module is slow; rates compare all the same.
 */
final class SpringIntegrationScenario implements Scenario {

	static final String SPRING_INTEGRATION = "spring-integration-zeromq";

	private final int messages;

	private final int springIntegrationMessages;

	SpringIntegrationScenario(int messages, int springIntegrationMessages) {
		this.messages = messages;
		this.springIntegrationMessages = springIntegrationMessages;
	}

	@Override
	public String name() {
		return "PUSH→PULL tcp byte[] vs Spring Integration";
	}

	@Override
	public List<String> sides() {
		return List.of("raw", "starter", SPRING_INTEGRATION);
	}

	@Override
	public Side open(String side) throws Exception {
		return switch (side) {
			case "raw", "starter" -> new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.TEMPLATE_TO_LISTENER,
					this.messages).open(side);
			default -> springIntegration();
		};
	}

	private Side springIntegration() throws Exception {
		Arrivals arrivals = new Arrivals();
		LoopbackBind bind = new LoopbackBind();
		AnnotationConfigApplicationContext receiver = new AnnotationConfigApplicationContext();
		receiver.getBeanFactory().registerSingleton("arrivals", arrivals);
		receiver.getBeanFactory().registerSingleton("loopbackBind", bind);
		receiver.register(Receiver.class);
		receiver.refresh();
		String endpoint = bind.endpoint.get(10, TimeUnit.SECONDS);
		AnnotationConfigApplicationContext sender = new AnnotationConfigApplicationContext();
		sender.getBeanFactory().registerSingleton("endpoint", new Endpoint(endpoint));
		sender.register(Sender.class);
		sender.refresh();
		MessageChannel toZeroMq = sender.getBean("toZeroMq", MessageChannel.class);
		GenericMessage<byte[]> message = new GenericMessage<>(Payload.BYTES_100);
		return new ThroughputSide(this.springIntegrationMessages, arrivals, () -> toZeroMq.send(message), sender, receiver);
	}

	/**
	 * Binds the PULL socket on loopback only. The module binds {@code tcp://*} when given a port,
	 * so the socket configurer binds {@code tcp://127.0.0.1:*} itself and the producer's own
	 * connect goes to an inproc endpoint nobody binds (a pending connect that carries nothing).
	 */
	static final class LoopbackBind {

		final CompletableFuture<String> endpoint = new CompletableFuture<>();

		void bind(ZMQ.Socket socket) {
			socket.bind(RawJeromq.LOOPBACK_ANY_PORT);
			this.endpoint.complete(socket.getLastEndpoint());
		}

	}

	record Endpoint(String url) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Receiver {

		@Bean(destroyMethod = "close")
		ZContext receiverZContext() {
			return new ZContext();
		}

		@Bean
		IntegrationFlow zeroMqInbound(ZContext receiverZContext, LoopbackBind loopbackBind, Arrivals arrivals) {
			MessageHandler count = (message) -> arrivals.arrived(((byte[]) message.getPayload()).length);
			return IntegrationFlow
				.from(ZeroMq.inboundChannelAdapter(receiverZContext, SocketType.PULL)
					.socketConfigurer(loopbackBind::bind)
					.connectUrl("inproc://bench-unused"))
				.handle(count)
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Sender {

		@Bean(destroyMethod = "close")
		ZContext senderZContext() {
			return new ZContext();
		}

		@Bean
		IntegrationFlow toZeroMqFlow(ZContext senderZContext, Endpoint endpoint) {
			return IntegrationFlow.from("toZeroMq")
				.handle(ZeroMq.outboundChannelAdapter(senderZContext, endpoint.url(), SocketType.PUSH))
				.get();
		}

	}

}
