package org.zeromq.spring.test;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.template.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * The readiness waits against real tcp sockets: once each returns, the first message sent is
 * the first one received, with no warm-up traffic and no retry loop in the test.
 */
class ZmqReadinessTests {

	@Test
	void aSubListenerReceivesTheFirstMessageARawPublisherSendsOnceItHasTheSubscription() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.bind(SocketType.XPUB);
			String endpoint = publisher.getLastEndpoint();
			try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(
					List.of(SocketSpec.connect("news", ZmqSocketType.SUB, endpoint).withSubscriptions(List.of("news."))),
					News.class)) {
				ZmqReadiness.awaitSubscribed(publisher, "news.");
				send(publisher, "news.first", "hello");
				assertThat(context.getBean(News.class).received.awaitCount(1)).containsExactly("hello");
			}
		}
	}

	@Test
	void aRawSubscriberGetsTheFirstMessageOnceTheApplicationsPublisherCountsItsSubscription() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication
			.run(List.of(SocketSpec.bind("ticks", ZmqSocketType.PUB, ANY_TCP))); PeerSockets peers = new PeerSockets()) {
			ZmqTemplate template = new ZmqTemplate(context.getBean(ZmqSocketRegistry.class),
					PayloadConverter.withDefaults());
			ZMQ.Socket subscriber = peers.connect(SocketType.SUB, endpoint(context, "ticks"));
			subscriber.subscribe("tick.".getBytes(ZMQ.CHARSET));
			ZmqReadiness.awaitSubscribed(template, "ticks", 1, subscriber);
			template.send("ticks", "tick.eur", "1.08");
			assertThatNextMessage(subscriber).containsExactlyText("tick.eur", "1.08");
		}
	}

	@Test
	void aPushSendsToEveryWorkerOnceItHasThemAllAsPeers() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication
			.run(List.of(SocketSpec.bind("tasks", ZmqSocketType.PUSH, ANY_TCP))); PeerSockets peers = new PeerSockets()) {
			ZmqTemplate template = new ZmqTemplate(context.getBean(ZmqSocketRegistry.class),
					PayloadConverter.withDefaults());
			ZMQ.Socket first = peers.connect(SocketType.PULL, endpoint(context, "tasks"));
			ZMQ.Socket second = peers.connect(SocketType.PULL, endpoint(context, "tasks"));
			ZmqReadiness.awaitPeers(template, "tasks", 2);
			// PUSH deals round-robin among the peers it has: with both there, each gets one.
			template.send("tasks", "task-1");
			template.send("tasks", "task-2");
			assertThatNextMessage(first).hasFrameCount(1).lastFrameText().startsWith("task-");
			assertThatNextMessage(second).hasFrameCount(1).lastFrameText().startsWith("task-");
		}
	}

	@Test
	void awaitingASubscriptionThatNeverComesFailsWithinTheReceiveTimeout() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.bind(SocketType.XPUB);
			publisher.setReceiveTimeOut(50);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> ZmqReadiness.awaitSubscribed(publisher, "never."))
				.withMessageContaining("no subscription to 'never.'");
		}
	}

	@Test
	void awaitingASubscriptionOnAPlainPubSaysToUseAnXpub() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.bind(SocketType.PUB);
			assertThatIllegalArgumentException().isThrownBy(() -> ZmqReadiness.awaitSubscribed(publisher, "x"))
				.withMessageContaining("SocketType.XPUB");
		}
	}

	static class News {

		final HandledMessages<String> received = new HandledMessages<>();

		@ZmqListener("news")
		void onNews(String text) {
			this.received.record(text);
		}

	}

}
