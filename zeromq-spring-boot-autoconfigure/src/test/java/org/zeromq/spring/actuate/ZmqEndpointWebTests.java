package org.zeromq.spring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code zeromq} Actuator endpoint over real HTTP, in a web application on a random port: it
 * lists the sockets, listeners and diagnoses, shows one socket or listener, pauses and resumes a
 * listener, and never shows a secret; the health endpoint includes {@code zeromq}.
 */
class ZmqEndpointWebTests {

	// Long enough for a message that should not be handled to have been handled in-process.
	private static final Duration QUIET = Duration.ofMillis(300);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final ZMQ.Curve.KeyPair client = CurveKeyPairs.CLIENT;

	private final ZMQ.Curve.KeyPair server = CurveKeyPairs.SERVER;

	private ConfigurableApplicationContext context;

	private String base;

	@BeforeEach
	void start() {
		this.context = new SpringApplicationBuilder(WebApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"management.endpoints.web.exposure.include=health,zeromq",
					"management.endpoint.health.show-details=always",
					"zeromq.sockets.orders.type=PULL",
					"zeromq.sockets.orders.bind=inproc://web-orders,tcp://127.0.0.1:*",
					"zeromq.sockets.out.type=PUSH", "zeromq.sockets.out.connect=inproc://web-orders",
					"zeromq.sockets.secure.type=DEALER", "zeromq.sockets.secure.connect=tcp://127.0.0.1:1",
					"zeromq.sockets.secure.curve.public-key=" + this.client.publicKey,
					"zeromq.sockets.secure.curve.secret-key=" + this.client.secretKey,
					"zeromq.sockets.secure.curve.server-key=" + this.server.publicKey)
			.run();
		this.base = "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port") + "/actuator";
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void listsSocketsListenersAndDiagnosesWithoutEverShowingASecret() throws Exception {
		HttpResponse<String> response = get("/zeromq");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		JsonNode orders = body.get("sockets").get("orders");
		assertThat(orders.get("type").asString()).isEqualTo("PULL");
		assertThat(orders.get("state").asString()).isEqualTo("owned-by-listener");
		assertThat(orders.get("bind").get(0).asString()).isEqualTo("inproc://web-orders");
		assertThat(orders.get("hwmPolicy").asString()).isEqualTo("BLOCK");
		assertThat(body.get("sockets").get("out").get("state").asString()).isEqualTo("open");
		JsonNode listener = body.get("listeners").get("orders");
		assertThat(listener.get("state").asString()).isEqualTo("running");
		assertThat(listener.get("concurrency").asInt()).isEqualTo(1);
		assertThat(body.get("context").get("usable").asBoolean()).isTrue();
		assertThat(body.has("diagnoses")).isTrue();
		JsonNode options = body.get("sockets").get("secure").get("options");
		assertThat(options.get("curve.secret-key").asString()).isEqualTo("******");
		assertThat(options.get("curve.public-key").asString()).isEqualTo(this.client.publicKey);
		assertThat(response.body()).doesNotContain(this.client.secretKey);
	}

	@Test
	void showsOneSocketOrOneListenerAndAnswers404ForAnUnknownOne() throws Exception {
		HttpResponse<String> socket = get("/zeromq/out");
		assertThat(socket.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(socket.body()).get("connect").get(0).asString()).isEqualTo("inproc://web-orders");
		assertThat(get("/zeromq/nope").statusCode()).isEqualTo(404);
		HttpResponse<String> listener = get("/zeromq/listeners/orders");
		assertThat(listener.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(listener.body()).get("socket").asString()).isEqualTo("orders");
		assertThat(get("/zeromq/listeners/nope").statusCode()).isEqualTo(404);
	}

	@Test
	void pausesAndResumesAListener() throws Exception {
		ZmqTemplate template = this.context.getBean(ZmqTemplate.class);
		HandledMessages<String> orders = this.context.getBean(Orders.class).handled;
		template.send("out", "before");
		orders.awaitCount(1);

		HttpResponse<String> paused = post("/zeromq/listeners/orders", "{\"action\":\"pause\"}");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(paused.body()).get("state").asString()).isEqualTo("paused");
		template.send("out", "while paused");
		orders.assertStaysAt(1, QUIET);

		HttpResponse<String> resumed = post("/zeromq/listeners/orders", "{\"action\":\"resume\"}");
		assertThat(this.json.readTree(resumed.body()).get("state").asString()).isEqualTo("running");
		assertThat(orders.awaitCount(2)).containsExactly("before", "while paused");
		assertThat(this.json.readTree(get("/zeromq/listeners/orders").body()).get("processed").asLong()).isEqualTo(2);
	}

	@Test
	void stopsAndStartsAListener() throws Exception {
		assertThat(this.json.readTree(post("/zeromq/listeners/orders", "{\"action\":\"stop\"}").body()).get("state")
			.asString()).isEqualTo("stopped");
		assertThat(this.json.readTree(post("/zeromq/listeners/orders", "{\"action\":\"start\"}").body()).get("state")
			.asString()).isEqualTo("running");
		// A restart rebinds the ports the first socket resolved, so a tcp peer reconnects by itself (an
		// inproc peer does not: its pipe ended with the stopped socket).
		String tcp = ZmqApplication.registry(this.context).boundEndpoints("orders").get(1);
		try (PeerSockets peers = new PeerSockets()) {
			PeerFrames.send(peers.connect(SocketType.PUSH, tcp), "after restart");
			assertThat(this.context.getBean(Orders.class).handled.awaitCount(1)).containsExactly("after restart");
		}
	}

	@Test
	void refusesAnUnknownAction() throws Exception {
		assertThat(post("/zeromq/listeners/orders", "{\"action\":\"explode\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void theHealthEndpointIncludesZeromq() throws Exception {
		HttpResponse<String> response = get("/health");
		JsonNode zeromq = this.json.readTree(response.body()).get("components").get("zeromq");
		assertThat(zeromq.get("status").asString()).isEqualTo("UP");
		assertThat(zeromq.get("details").get("sockets").get("orders").get("status").asString()).isEqualTo("UP");
		assertThat(response.body()).doesNotContain(this.client.secretKey);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(ZmqApplication.WAIT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(ZmqApplication.WAIT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@org.springframework.context.annotation.Bean
		Orders orders() {
			return new Orders();
		}

	}

	static class Orders {

		final HandledMessages<String> handled = new HandledMessages<>();

		@ZmqListener("orders")
		void order(String order) {
			this.handled.record(order);
		}

	}

}
