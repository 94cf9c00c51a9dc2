package org.zeromq.spring.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * {@link ZmqTemplate} against pyzmq peers built on the reference libzmq, so that the wire
 * format (REQ correlation, DEALER envelopes, topic envelopes, multipart) is checked against
 * another ZMTP implementation rather than against JeroMQ itself. The scripts print every
 * message they receive with its frames joined by {@code |}.
 */
class ZmqTemplateInteropTests {

	/** Every Java-side wait; the scripts give up after 30 s, so a failure here comes first. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void reqGetsEachReplyFromPyzmqRep() {
		int requests = 20;
		try (PythonZmqPeer rep = PythonZmqPeer.start("rep_server.py", String.valueOf(requests))) {
			this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + rep.readyInfo())).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < requests; i++) {
					assertThat(template.request("client", "hello-" + i, WAIT, String.class)).isEqualTo("echo:hello-" + i);
				}
			});
			// The REP strips the REQ's correlation envelope: its application sees the payload only.
			assertThat(rep.nextLines(requests, WAIT)).containsExactlyElementsOf(numbered("hello-", requests));
			assertThat(rep.awaitExit(WAIT)).isZero();
		}
	}

	@Test
	void dealerMatchesManyAsyncRequestsInFlightToTheirOwnRepliesFromPyzmqRep() {
		int inFlight = 200;
		try (PythonZmqPeer rep = PythonZmqPeer.start("rep_server.py", String.valueOf(inFlight + 1))) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + rep.readyInfo())).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				// Submitted from several threads at once, none waiting for a reply before the next.
				List<CompletableFuture<String>> replies = IntStream.range(0, inFlight)
					.parallel()
					.mapToObj((i) -> template.requestAsync("client", "job-" + i, WAIT, String.class))
					.toList();
				for (int i = 0; i < inFlight; i++) {
					assertThat(replies.get(i)).succeedsWithin(WAIT).isEqualTo("echo:job-" + i);
				}
				assertThat(template.request("client", "sync", WAIT, String.class)).isEqualTo("echo:sync");
				assertThat(template.discardedReplies("client")).isZero();
			});
			List<String> expected = new ArrayList<>(numbered("job-", inFlight));
			expected.add("sync");
			// The REP saw the payload only, so the correlation frame and delimiter went into its envelope.
			assertThat(rep.nextLines(inFlight + 1, WAIT)).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(rep.awaitExit(WAIT)).isZero();
		}
	}

	@Test
	void dealerDiscardsTheLateReplyOfATimedOutRequestFromPyzmqRep() {
		try (PythonZmqPeer rep = PythonZmqPeer.start("rep_server.py", "2")) {
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + rep.readyInfo())).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				// The owner sends a request before it looks at deadlines, so this one goes out
				// already expired and its reply is bound to arrive late; a first-in-first-out
				// match would hand that reply to the next request.
				CompletableFuture<String> late = template.requestAsync("client", "late", Duration.ofNanos(1), String.class);
				assertThat(late).failsWithin(WAIT)
					.withThrowableThat()
					.withCauseInstanceOf(ZmqRequestTimeoutException.class);
				assertThat(template.request("client", "next", WAIT, String.class)).isEqualTo("echo:next");
				// The REP answers in order, so the late reply was read before the one just returned.
				assertThat(template.discardedReplies("client")).isOne();
			});
			assertThat(rep.nextLines(2, WAIT)).containsExactly("late", "next");
			assertThat(rep.awaitExit(WAIT)).isZero();
		}
	}

	/**
	 * XPUB rather than PUB so that the test sees the subscription arrive before it publishes
	 * (the slow-joiner race, solved without sleeping); JeroMQ's PUB is an XPUB that hides
	 * subscriptions, so sending and topic filtering run the same code.
	 */
	@Test
	void topicEnvelopesReachPyzmqSubFilteredByItsSubscription() {
		// The peer starts only once the context is up: without pyzmq, skip before opening anything.
		PythonZmqPeer.assumeAvailable();
		String topic = "10001";
		int updates = 5;
		this.runner.withPropertyValues(socket("pub", "type=XPUB", "bind=" + ANY_TCP, "receive-timeout=" + WAIT.toMillis() + "ms"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
				String endpoint = registry.endpoint("pub");
				try (PythonZmqPeer sub = PythonZmqPeer.start("sub_client.py", endpoint, topic, String.valueOf(updates))) {
					byte[] subscription = registry.socket("pub").execute((xpub) -> xpub.recv(0));
					assertThat(subscription).as("subscription message from the pyzmq SUB").isEqualTo(subscribe(topic));
					for (int i = 0; i < updates; i++) {
						// Neither a sibling topic nor a prefix of the subscribed one may get through.
						template.send("pub", "10002", "noise-" + i);
						template.send("pub", "1000", "short-" + i);
						template.send("pub", topic, "update-" + i);
					}
					// Per-pipe order is kept, so a leaked noise message would show up among these lines.
					assertThat(sub.nextLines(updates, WAIT)).containsExactlyElementsOf(numbered(topic + "|update-", updates));
					assertThat(sub.awaitExit(WAIT)).isZero();
				}
			});
	}

	@Test
	void pushDeliversSingleAndMultipartMessagesInOrderToPyzmqPull() {
		int rounds = 25;
		try (PythonZmqPeer pull = PythonZmqPeer.start("pull_client.py", "bind", String.valueOf(2 * rounds))) {
			this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.readyInfo())).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				List<String> expected = new ArrayList<>();
				for (int i = 0; i < rounds; i++) {
					template.send("out", "task-" + i);
					template.sendMultipart("out", List.of("header-" + i, "body".getBytes(StandardCharsets.UTF_8), "end"));
					expected.add("task-" + i);
					expected.add("header-" + i + "|body|end");
				}
				assertThat(pull.nextLines(2 * rounds, WAIT)).containsExactlyElementsOf(expected);
			});
			assertThat(pull.awaitExit(WAIT)).isZero();
		}
	}

	private static List<String> numbered(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + i).toList();
	}

	/** An XPUB reads a subscription as one frame: byte 1 (subscribe), then the prefix. */
	private static byte[] subscribe(String topic) {
		byte[] prefix = topic.getBytes(StandardCharsets.UTF_8);
		byte[] message = new byte[prefix.length + 1];
		message[0] = 1;
		System.arraycopy(prefix, 0, message, 1, prefix.length);
		return message;
	}

}
