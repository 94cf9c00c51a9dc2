package org.zeromq.spring.samples.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role started with the actuator profile serves its health, the {@code zeromq} endpoint and the
 * {@code zeromq_*} Prometheus series over HTTP, as the README shows; a connected worker shows in
 * the peers.
 */
class PipelineActuatorTests {

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final String ANY_PORT = "tcp://127.0.0.1:*";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSinkShowsItsHealthItsSocketsAndItsMetersOverHttp() throws Exception {
		try (ConfigurableApplicationContext sink = new SpringApplicationBuilder(PipelineApplication.class)
			.profiles("sink", "actuator")
			.run("--server.port=0", "--zeromq.sockets.results.bind=" + ANY_PORT,
					"--zeromq.sockets.control.bind=" + ANY_PORT);
				ZContext peers = new ZContext(1)) {
			String base = "http://127.0.0.1:" + sink.getEnvironment().getProperty("local.server.port") + "/actuator";
			// A worker's results socket, as a worker would connect it.
			ZMQ.Socket results = peers.createSocket(SocketType.PUSH);
			results.setLinger(0);
			// JeroMQ 0.6.0 now and then never starts the handshake of a new connection (jeromq#1022);
			// only the handshake timer ends it, and its 30 s default outlasts the wait below.
			results.setHandshakeIvl(1000);
			results.connect(sink.getBean(ZmqSocketRegistry.class).endpoint("results"));
			assertThat(sink.getBean(ZmqOperations.class).awaitPeers("results", 1, BOUND)).isTrue();

			HttpResponse<String> health = get(base + "/health");
			assertThat(health.statusCode()).isEqualTo(200);
			JsonNode zeromqHealth = this.json.readTree(health.body()).get("components").get("zeromq");
			assertThat(zeromqHealth.get("status").asString()).isEqualTo("UP");
			assertThat(zeromqHealth.get("details").get("sockets").get("results").get("peers").asInt()).isEqualTo(1);

			HttpResponse<String> zeromq = get(base + "/zeromq/results");
			assertThat(zeromq.statusCode()).isEqualTo(200);
			JsonNode socket = this.json.readTree(zeromq.body());
			assertThat(socket.get("type").asString()).isEqualTo("PULL");
			assertThat(socket.get("peers").asInt()).isEqualTo(1);

			HttpResponse<String> prometheus = get(base + "/prometheus");
			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(prometheus.body()).contains(
					"zeromq_socket_peers{application=\"pipeline\",socket=\"results\",type=\"PULL\"} 1",
					"zeromq_messages_received_total{application=\"pipeline\",socket=\"results\",type=\"PULL\"}",
					"zeromq_messages_sent_total{application=\"pipeline\",socket=\"control\",type=\"PUB\"}",
					"zeromq_socket_events_total{application=\"pipeline\",event=\"handshake-completed\",socket=\"results\",type=\"PULL\"}");
		}
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(BOUND).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
