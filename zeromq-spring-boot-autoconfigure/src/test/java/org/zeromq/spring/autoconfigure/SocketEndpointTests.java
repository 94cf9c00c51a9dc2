package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endpoints as declared in properties: connect-only sockets may come first, ephemeral ports
 * resolve to the real one, and a socket may bind and connect several endpoints.
 */
class SocketEndpointTests {

	@Test
	void connectOnlySocketDeclaredFirstStartsAndCarriesAMessage() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("sender", "type=PUSH", "connect=inproc://jobs"))
			.withPropertyValues(ZmqApplication.socket("receiver", "type=PULL", "bind=inproc://jobs", ZmqApplication.RECEIVE_TIMEOUT))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ZmqProperties.class).getSockets()).containsOnlyKeys("sender", "receiver");
				assertThat(context.getBean(ZmqProperties.class).getSockets().keySet()).as("declaration order")
					.first()
					.isEqualTo("sender");
				context.getBean(ZmqOperations.class).send("sender", "job 1");
				assertThat(ZmqApplication.receive(context, "receiver")).isEqualTo("job 1");
			});
	}

	@ParameterizedTest(name = "bind={0}")
	@ValueSource(strings = { "tcp://127.0.0.1:*", "tcp://127.0.0.1:0" })
	void ephemeralPortResolvesToTheRealEndpoint(String bind) {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("in", "type=PULL", "bind=" + bind, ZmqApplication.RECEIVE_TIMEOUT))
			.run((context) -> {
				String endpoint = ZmqApplication.registry(context).endpoint("in");
				assertThat(endpoint).matches("tcp://127\\.0\\.0\\.1:\\d+");
				assertThat(Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1))).isPositive();
				try (PeerSockets peers = new PeerSockets()) {
					peers.connect(SocketType.PUSH, endpoint).send("found it");
					assertThat(ZmqApplication.receive(context, "in")).isEqualTo("found it");
				}
			});
	}

	@Test
	void aSocketBindsSeveralEndpoints() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("in", "type=PULL", "bind[0]=tcp://127.0.0.1:*",
					"bind[1]=inproc://second-door", ZmqApplication.RECEIVE_TIMEOUT))
			.run((context) -> {
				List<String> bound = ZmqApplication.registry(context).socket("in").boundEndpoints();
				assertThat(bound).hasSize(2);
				assertThat(bound.get(0)).matches("tcp://127\\.0\\.0\\.1:\\d+");
				assertThat(bound.get(1)).isEqualTo("inproc://second-door");
				try (PeerSockets remote = new PeerSockets();
						PeerSockets local = PeerSockets.on(context.getBean(ZContext.class))) {
					remote.connect(SocketType.PUSH, bound.get(0)).send("over tcp");
					local.connect(SocketType.PUSH, bound.get(1)).send("over inproc");
					List<String> received = List.of(ZmqApplication.receive(context, "in"), ZmqApplication.receive(context, "in"));
					assertThat(received).containsExactlyInAnyOrder("over tcp", "over inproc");
				}
			});
	}

	@Test
	void aSocketConnectsSeveralEndpoints() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket first = peers.bind(SocketType.PULL);
			ZMQ.Socket second = peers.bind(SocketType.PULL);
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("out", "type=PUSH",
						"connect=" + first.getLastEndpoint() + "," + second.getLastEndpoint()))
				.run((context) -> {
					for (int i = 0; i < 10; i++) {
						context.getBean(ZmqOperations.class).send("out", "task " + i);
					}
					// PUSH deals round-robin, so both peers get a share of the ten
					List<String> atFirst = new ArrayList<>();
					List<String> atSecond = new ArrayList<>();
					await().atMost(Duration.ofSeconds(10)).until(() -> {
						drain(first, atFirst);
						drain(second, atSecond);
						return atFirst.size() + atSecond.size() == 10;
					});
					assertThat(atFirst).isNotEmpty();
					assertThat(atSecond).isNotEmpty();
				});
		}
	}

	private static void drain(ZMQ.Socket socket, List<String> into) {
		for (int i = 0; i < 10; i++) {
			String message = socket.recvStr(ZMQ.DONTWAIT);
			if (message == null) {
				return;
			}
			into.add(message);
		}
	}

}
