package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A peer that the application connects to goes away and comes back on the same endpoint: traffic
 * resumes on its own, and what is lost on the way is counted (docs/reliability.md has the
 * figures and what ZeroMQ promises: PUSH keeps what it queued while the peer was away, PUB drops
 * until the subscription is back, and a request that timed out meanwhile is still delivered).
 */
class PeerRestartTests {

	private static final int MESSAGES = 100;

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	@Test
	void pushToARestartedPullDeliversWhatWasQueuedWhileItWasAway() throws Exception {
		try (RestartablePeer pull = RestartablePeer.start(SocketType.PULL, null)) {
			ZmqApplication.runner()
				.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.endpoint()))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					sendAll(template, "out", "before");
					await().atMost(WAIT).until(() -> pull.received().containsAll(numbered("before")));
					pull.stop();
					sendAll(template, "out", "away");
					pull.start();
					sendAll(template, "out", "after");
					await().atMost(WAIT).until(() -> pull.received().containsAll(numbered("after")));
					long lost = numbered("away").stream().filter((message) -> !pull.received().contains(message)).count();
					report("PUSH->PULL restart: messages sent while the peer was away and lost", lost + " of " + MESSAGES);
					assertThat(lost).as("queued in the PUSH while the PULL was away, delivered when it came back").isZero();
				});
		}
	}

	@Test
	void aSubscriberOfARestartedPublisherResumesAndLosesWhatWasPublishedBeforeItResubscribed() throws Exception {
		try (RestartablePeer pub = RestartablePeer.start(SocketType.PUB, null)) {
			ZmqApplication.runner()
				.withUserConfiguration(Subscriber.class)
				.withPropertyValues(socket("news", "type=SUB", "connect=" + pub.endpoint(), "subscribe[0]="))
				.run((context) -> {
					HandledMessages<String> news = context.getBean(Subscriber.class).news;
					awaitSubscribed(pub, news, "warm-up");
					numbered("before").forEach(pub::publish);
					await().atMost(WAIT).until(() -> news.values().containsAll(numbered("before")));
					pub.stop();
					pub.start();
					// At once: the subscriber has not reconnected and sent its subscription yet.
					numbered("unsubscribed").forEach(pub::publish);
					awaitSubscribed(pub, news, "after");
					long lost = numbered("unsubscribed").stream().filter((message) -> !news.values().contains(message)).count();
					report("PUB->SUB restart: messages published before the subscription was back and lost", lost + " of "
							+ MESSAGES);
				});
		}
	}

	@Test
	void aRequestThatTimedOutWhileTheServiceWasAwayIsStillDeliveredWhenItReturns() throws Exception {
		try (RestartablePeer rep = RestartablePeer.start(SocketType.REP, (request) -> List.of("re:" + request.get(0)))) {
			ZmqApplication.runner()
				.withPropertyValues(socket("client", "type=REQ", "connect=" + rep.endpoint()))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					assertThat(template.request("client", "first", WAIT, String.class)).isEqualTo("re:first");
					rep.stop();
					assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> template.request("client", "while away", Duration.ofMillis(300), String.class));
					rep.start();
					// The late reply to "while away" is dropped (req-correlate): this one gets its own.
					assertThat(template.request("client", "after", WAIT, String.class)).isEqualTo("re:after");
					report("REQ->REP restart: the service received the request that had timed out while it was away",
							rep.received().contains("while away"));
					assertThat(rep.received()).containsSubsequence("first", "while away", "after");
				});
		}
	}

	// PUB drops until a subscription has travelled: publish until the subscriber sees one.
	private static void awaitSubscribed(RestartablePeer pub, HandledMessages<String> news, String prefix) {
		int[] sent = new int[1];
		await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
			pub.publish(prefix + "-" + sent[0]++);
			return news.values().stream().anyMatch((message) -> message.startsWith(prefix + "-"));
		});
	}

	private static void sendAll(ZmqOperations template, String socket, String prefix) {
		numbered(prefix).forEach((message) -> assertThat(template.send(socket, message)).isTrue());
	}

	private static List<String> numbered(String prefix) {
		return IntStream.range(0, MESSAGES).mapToObj((i) -> prefix + "-" + i).toList();
	}

	static class Subscriber {

		final HandledMessages<String> news = new HandledMessages<>();

		@ZmqListener("news")
		void onNews(String message) {
			this.news.record(message);
		}

	}

}
