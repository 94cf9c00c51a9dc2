package org.zeromq.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code subscribe: [""]}, the way to say "everything", survives property binding both from
 * YAML and from a properties-style empty value, and then really receives every topic.
 */
class SubscriptionBindingTests {

	private static final String PROBE = "probe";

	@Test
	void yamlEmptyStringSubscriptionReceivesEverything() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.bind(SocketType.PUB);
			String yaml = """
					zeromq:
					  sockets:
					    s:
					      type: SUB
					      connect: %s
					      subscribe: [""]
					""".formatted(publisher.getLastEndpoint());
			withYaml(ZmqApplication.runner(), yaml).run((context) -> assertReceivesEveryTopic(context, publisher));
		}
	}

	@Test
	void emptyIndexedPropertySubscriptionReceivesEverything() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.bind(SocketType.PUB);
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("s", "type=SUB", "connect=" + publisher.getLastEndpoint(),
						"subscribe[0]="))
				.run((context) -> assertReceivesEveryTopic(context, publisher));
		}
	}

	@Test
	void yamlEmptyScalarSubscriptionIsAnEmptyListAndFailsWithTheListHint() {
		// Boot reads a scalar "" as an empty list, so only the list form says "everything"
		String yaml = """
				zeromq:
				  sockets:
				    s:
				      type: SUB
				      connect: tcp://127.0.0.1:5556
				      subscribe: ""
				""";
		withYaml(ZmqApplication.runner(), yaml)
			.run((context) -> assertThat(SocketValidationTests.violationLine(context, ZmqApplication.property("s", "subscribe")))
				.contains("add subscribe: [\"\"] to receive everything"));
	}

	private static void assertReceivesEveryTopic(AssertableApplicationContext context, ZMQ.Socket publisher) {
		assertThat(context).hasNotFailed();
		assertThat(ZmqApplication.registry(context).socket("s").spec().subscriptions()).containsExactly("");
		// The subscription reaches the publisher some time after the connect (slow joiner):
		// publish probes until one gets through; probes still in flight are skipped below.
		await().atMost(Duration.ofSeconds(10)).until(() -> publisher.send(PROBE) && receiveNow(context, true) != null);
		for (String topic : List.of("10001", "weather", "", "\u00ff not ascii")) {
			publisher.send(topic);
			assertThat(await().atMost(Duration.ofSeconds(5))
				.until(() -> receiveNow(context, false), (received) -> received != null)).isEqualTo(topic);
		}
	}

	private static String receiveNow(AssertableApplicationContext context, boolean probeWanted) {
		return ZmqApplication.registry(context).socket("s").execute((sub) -> {
			// bounded: a few probes at most can still be queued
			for (int i = 0; i < 1000; i++) {
				byte[] frame = sub.recv(ZMQ.DONTWAIT);
				if (frame == null) {
					return null;
				}
				String text = new String(frame, StandardCharsets.UTF_8);
				if (probeWanted || !text.equals(PROBE)) {
					return text;
				}
			}
			throw new AssertionError("the subscriber kept receiving probes");
		});
	}

	private static ApplicationContextRunner withYaml(ApplicationContextRunner runner, String yaml) {
		return runner.withInitializer((context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
						new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
