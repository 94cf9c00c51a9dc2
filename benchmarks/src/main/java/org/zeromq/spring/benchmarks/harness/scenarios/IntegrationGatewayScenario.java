package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.GenericMessage;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.integration.dsl.Zmq;

/**
 * REQ → REP round trips over tcp, one at a time, through Spring Integration gateways at both ends:
 * the caller's {@code MessagingTemplate.sendAndReceive} into a flow whose outbound gateway (REQ)
 * asks another application's inbound gateway (REP), whose flow answers with the request. Raw: the
 * plain REQ → REP row's REQ socket against the guide's hwserver loop.
 */
final class IntegrationGatewayScenario implements Scenario {

	static final String NAME = "SI gateways REQ→REP tcp round trip byte[]: outbound gateway → inbound gateway";

	private final int requests;

	IntegrationGatewayScenario(int requests) {
		this.requests = requests;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Metric> metrics() {
		return new RequestReplyScenario(this.requests).metrics();
	}

	@Override
	public Side open(String side) {
		if (side.equals("raw")) {
			return new RequestReplyScenario(this.requests).open(side);
		}
		StarterApp server = StarterApp.start(Map.of("zeromq.sockets.rep.type", "REP", "zeromq.sockets.rep.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "spring.autoconfigure.exclude", ""), Map.of(), EchoGatewayFlow.class);
		StarterApp client = StarterApp.start(Map.of("zeromq.sockets.req.type", "REQ", "zeromq.sockets.req.connect",
				server.endpoint("rep"), "spring.autoconfigure.exclude", ""), Map.of(), RequestingFlow.class);
		MessageChannel requests = client.bean("requests", MessageChannel.class);
		MessagingTemplate caller = new MessagingTemplate();
		caller.setReceiveTimeout(RequestReplyScenario.TIMEOUT.toMillis());
		GenericMessage<byte[]> request = new GenericMessage<>(Payload.BYTES_100);
		return new LatencySide(this.requests, () -> {
			Message<?> reply = caller.sendAndReceive(requests, request);
			if (reply == null) {
				throw new IllegalStateException("no reply within " + RequestReplyScenario.TIMEOUT);
			}
		}, client, server);
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoGatewayFlow {

		@Bean
		IntegrationFlow echo() {
			return IntegrationFlow.from(Zmq.inboundGateway("rep")).handle(byte[].class, (payload, headers) -> payload).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestingFlow {

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("req").replyTimeout(RequestReplyScenario.TIMEOUT))
				.get();
		}

	}

}
