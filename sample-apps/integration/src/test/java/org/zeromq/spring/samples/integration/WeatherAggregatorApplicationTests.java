package org.zeromq.spring.samples.integration;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSocketRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The aggregator against raw JeroMQ peers standing in for the guide's programs, over tcp on
 * 127.0.0.1 with ports the system picks: a weather server publishing updates (and some garbage),
 * a subscriber to the averages, and a REQ client asking for them.
 */
class WeatherAggregatorApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void theAggregatorPublishesTheAverageOfEachFollowedZipCodeAndAnswersQueries() {
		try (ZContext peers = new ZContext(1)) {
			ZMQ.Socket weatherServer = socket(peers, SocketType.PUB);
			weatherServer.bind("tcp://127.0.0.1:*");
			try (ConfigurableApplicationContext aggregator = new SpringApplicationBuilder(WeatherAggregatorApplication.class)
				.run("--zeromq.sockets.updates.connect=" + weatherServer.getLastEndpoint(),
						"--zeromq.sockets.averages.bind=tcp://127.0.0.1:*", "--zeromq.sockets.queries.bind=tcp://127.0.0.1:*",
						"--aggregator.zip-codes=10001,10002", "--aggregator.samples=10")) {
				ZmqSocketRegistry sockets = aggregator.getBean(ZmqSocketRegistry.class);
				ZMQ.Socket averages = socket(peers, SocketType.SUB);
				averages.subscribe("10001".getBytes(ZMQ.CHARSET));
				averages.connect(sockets.endpoint("averages"));
				ZMQ.Socket client = socket(peers, SocketType.REQ);
				client.connect(sockets.endpoint("queries"));

				assertThat(ask(client, "avg 10001")).isEqualTo("10001 no average yet");

				// Temperatures and humidities alternate, so that any ten updates in a row average
				// 20 and 45; the aggregator's subscription and ours take a moment, so publish
				// until an average comes (the guide's slow joiner, in both directions).
				AtomicInteger round = new AtomicInteger();
				String average = await().pollInSameThread().atMost(WAIT).until(() -> {
					boolean even = round.getAndIncrement() % 2 == 0;
					weatherServer.send(even ? "10001 10 40" : "10001 30 50");
					weatherServer.send("10002 70 20");
					weatherServer.send("10003 99 99");
					weatherServer.send("not an update");
					weatherServer.send("10001 hot humid");
					return averages.recvStr(ZMQ.DONTWAIT);
				}, (received) -> received != null);

				assertThat(average).isEqualTo("10001 20.0 45.0");
				assertThat(ask(client, "avg 10001")).isEqualTo("10001 20.0 45.0");
				await().atMost(WAIT).until(() -> ask(client, "avg 10002").equals("10002 70.0 20.0"));
				assertThat(ask(client, "avg 10003")).as("not followed").isEqualTo("10003 no average yet");
				assertThat(ask(client, "hello")).isEqualTo("usage: avg <zip>");
			}
		}
	}

	private static String ask(ZMQ.Socket client, String query) {
		assertThat(client.send(query)).isTrue();
		String reply = client.recvStr();
		assertThat(reply).as("reply to '%s'", query).isNotNull();
		return reply;
	}

	private static ZMQ.Socket socket(ZContext context, SocketType type) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setLinger(0);
		socket.setReceiveTimeOut((int) WAIT.toMillis());
		socket.setSendTimeOut((int) WAIT.toMillis());
		socket.setHandshakeIvl(1000);
		return socket;
	}

}
