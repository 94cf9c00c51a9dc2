package org.zeromq.spring.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.proxy.ZmqProxyRegistry;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.security.CurveSecurityTests.AUTHORIZE_CLIENT;
import static org.zeromq.spring.security.CurveSecurityTests.CLIENT;
import static org.zeromq.spring.security.CurveSecurityTests.SERVER;
import static org.zeromq.spring.security.CurveSecurityTests.STRANGER;
import static org.zeromq.spring.security.CurveSecurityTests.curveServer;
import static org.zeromq.spring.security.CurveSecurityTests.status;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Security is a property of the declared socket, so it holds for whatever uses the socket: a
 * proxy from {@code zeromq.proxies} and a Spring Integration bridge from
 * {@code zeromq.integration.*} let in the authorized CURVE client and pass nothing of a client
 * whose key is unknown.
 */
class SecuredProxyAndBridgeTests {

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	@Test
	void aProxyWithACurveFrontendCarriesOnlyTheAuthorizedClientsRequests() {
		ZmqApplication.runner()
			.withPropertyValues(curveServer("clients", "ROUTER"))
			.withPropertyValues(socket("workers", "type=DEALER", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.proxies.broker.frontend=clients", "zeromq.proxies.broker.backend=workers")
			.withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket worker = peers.connect(SocketType.REP, endpoint(context, "workers"));
					ZMQ.Socket stranger = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "clients"),
							STRANGER, SERVER.publicKey);
					assertThat(stranger.send("from the stranger", ZMQ.DONTWAIT)).as("queued on its side").isTrue();
					await().atMost(WAIT).until(() -> status(context, "clients").denied() >= 1);
					ZMQ.Socket client = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "clients"),
							CLIENT, SERVER.publicKey);
					assertThat(client.send("Hello")).isTrue();
					assertThat(worker.recvStr()).isEqualTo("Hello");
					assertThat(worker.send("World")).isTrue();
					assertThat(client.recvStr()).isEqualTo("World");
					ZmqProxyRegistry proxies = context.getBean(ZmqProxyRegistry.class);
					await().atMost(WAIT).until(() -> proxies.stats("broker").backToFront().messages() == 1);
					assertThat(proxies.stats("broker").frontToBack().messages()).as("requests that crossed the proxy")
						.isEqualTo(1);
					assertThat(worker.recvStr(ZMQ.DONTWAIT)).isNull();
					assertThat(status(context, "clients").authorized()).isEqualTo(1);
				}
			});
	}

	@Test
	void anInboundBridgeOnACurveSocketReceivesOnlyFromTheAuthorizedClient() {
		ZmqApplication.runnerWithIntegration()
			.withUserConfiguration(Received.class)
			.withPropertyValues(curveServer("tasks", "PULL"))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=received",
					"zeromq.integration.inbound.tasks.payload-type=java.lang.String")
			.withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				QueueChannel received = context.getBean("received", QueueChannel.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket stranger = SecuredPeers.curveClient(peers, SocketType.PUSH, endpoint(context, "tasks"),
							STRANGER, SERVER.publicKey);
					for (int i = 0; i < 5; i++) {
						assertThat(stranger.send("from the stranger " + i, ZMQ.DONTWAIT)).as("queued on its side").isTrue();
					}
					await().atMost(WAIT).until(() -> status(context, "tasks").denied() >= 1);
					ZMQ.Socket client = SecuredPeers.curveClient(peers, SocketType.PUSH, endpoint(context, "tasks"),
							CLIENT, SERVER.publicKey);
					assertThat(client.send("from the client")).isTrue();
					Message<?> first = received.receive(WAIT.toMillis());
					assertThat(first).isNotNull();
					assertThat(first.getPayload()).isEqualTo("from the client");
					assertThat(received.getQueueSize()).as("anything else that arrived").isZero();
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Received {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

	}

}
