package org.zeromq.spring.template;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.MessageBuilder;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.socket;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * Publishing through {@link ZmqTemplate} to a raw SUB: single frames, and {@code [topic][payload]}
 * envelopes that SUB filters on.
 * <p>
 * A SUB only gets what is published after its subscription reached the PUB (the guide's slow
 * joiner), so each test first waits until the PUB counts the subscriber
 * ({@link ZmqReadiness#awaitSubscribed}); the first message the SUB then receives is the first
 * one published that matches its subscription.
 */
class ZmqTemplatePublishTests {

	private static final String END = "end";

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void pubSendsOneFrameToEverySubscriber() {
		withSubscriberTo("", (template, sub) -> {
			assertThat(template.send("weather", "headline")).isTrue();
			assertThatNextMessage(sub).containsExactlyText("headline");
		});
	}

	@Test
	void topicEnvelopeReachesOnlySubscribersOfThatTopicAsTwoFrames() {
		withSubscriberTo("10001", (template, sub) -> {
			for (int i = 0; i < 10; i++) {
				template.send("weather", "10001", "new york " + i);
				template.send("weather", "10002", "elsewhere " + i);
			}
			// PUB/SUB keeps order per publisher: once END is in, nothing sent before it can follow.
			template.send("weather", "10001", END);
			List<List<String>> received = new ArrayList<>();
			for (List<String> message = PeerFrames.receiveStrings(sub); !message.get(1).equals(END)
					&& received.size() <= 20; message = PeerFrames.receiveStrings(sub)) {
				received.add(message);
			}
			assertThat(received).hasSize(10)
				.allSatisfy((message) -> assertThat(message).hasSize(2).first().isEqualTo("10001"));
			assertThat(received).extracting((message) -> message.get(1))
				.containsExactly("new york 0", "new york 1", "new york 2", "new york 3", "new york 4", "new york 5",
						"new york 6", "new york 7", "new york 8", "new york 9");
		});
	}

	@Test
	void messageWithTopicHeaderIsFilteredLikeAnEnvelope() {
		withSubscriberTo("10001", (template, sub) -> {
			template.send("weather", MessageBuilder.withPayload("hidden").setHeader(ZmqHeaders.TOPIC, "10002").build());
			template.send("weather", MessageBuilder.withPayload("shown").setHeader(ZmqHeaders.TOPIC, "10001").build());
			assertThatNextMessage(sub).containsExactlyText("10001", "shown");
		});
	}

	/**
	 * Runs {@code check} with a PUB socket "weather" and a raw SUB subscribed to {@code topic}
	 * whose subscription the PUB has received.
	 */
	private void withSubscriberTo(String topic, PublishCheck check) {
		this.runner.withPropertyValues(socket("weather", "type=PUB", "bind=tcp://127.0.0.1:*")).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			ZMQ.Socket sub = this.peers.connect(SocketType.SUB,
					context.getBean(ZmqSocketRegistry.class).endpoint("weather"));
			sub.subscribe(PeerFrames.utf8(topic));
			ZmqReadiness.awaitSubscribed(template, "weather", 1, sub);
			check.accept(template, sub);
		});
	}

	@FunctionalInterface
	private interface PublishCheck {

		void accept(ZmqTemplate template, ZMQ.Socket sub);

	}

}
