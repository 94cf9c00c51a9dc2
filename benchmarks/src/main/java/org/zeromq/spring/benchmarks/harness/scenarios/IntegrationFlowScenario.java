package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.support.GenericMessage;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.integration.dsl.Zmq;

/**
 * PUSH → PULL over tcp, {@code byte[]}, as a Spring Integration flow: the starter's outbound
 * channel adapter behind a direct channel in one application, its inbound channel adapter feeding
 * a handler that counts in another. Raw: a PUSH socket and a PULL receive loop, as in the plain
 * PUSH → PULL row. Third side: {@code spring-integration-zeromq}'s adapters on the same flow, as in
 * the row against Spring Integration (shorter rounds: that module is slow).
 */
final class IntegrationFlowScenario implements Scenario {

	static final String NAME = "SI flow PUSH→PULL tcp byte[]: outbound adapter → inbound adapter → handler";

	private final int messages;

	private final int springIntegrationMessages;

	IntegrationFlowScenario(int messages, int springIntegrationMessages) {
		this.messages = messages;
		this.springIntegrationMessages = springIntegrationMessages;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> sides() {
		return List.of("raw", "starter", SpringIntegrationScenario.SPRING_INTEGRATION);
	}

	@Override
	public Side open(String side) throws Exception {
		return switch (side) {
			case "raw" -> new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.TEMPLATE_TO_LISTENER, this.messages)
				.open(side);
			case "starter" -> starter();
			default -> new SpringIntegrationScenario(this.messages, this.springIntegrationMessages).open(side);
		};
	}

	private Side starter() {
		Arrivals arrivals = new Arrivals();
		StarterApp receiver = StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "spring.autoconfigure.exclude", ""), Map.of("arrivals", arrivals),
				ReceivingFlow.class);
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint("in"), "spring.autoconfigure.exclude", ""), Map.of(), SendingFlow.class);
		MessageChannel toZeroMq = sender.bean("toZeroMq", MessageChannel.class);
		GenericMessage<byte[]> message = new GenericMessage<>(Payload.BYTES_100);
		return new ThroughputSide(this.messages, arrivals, () -> toZeroMq.send(message), sender, receiver);
	}

	@Configuration(proxyBeanMethods = false)
	static class ReceivingFlow {

		@Bean
		IntegrationFlow zmqInbound(Arrivals arrivals) {
			MessageHandler count = (message) -> arrivals.arrived(((byte[]) message.getPayload()).length);
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("in")).handle(count).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SendingFlow {

		@Bean
		IntegrationFlow zmqOutbound() {
			return IntegrationFlow.from("toZeroMq").handle(Zmq.outboundChannelAdapter("out")).get();
		}

	}

}
