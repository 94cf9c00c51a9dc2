package org.zeromq.spring.interop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * {@code @ZmqListener} sockets against libzmq peers (pyzmq): the guide's hwclient, a publisher
 * with topic envelopes, and a pipeline ventilator.
 */
class ListenerInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void pythonReqClientGetsRepliesFromRepListener() {
		PythonZmqPeer.assumeAvailable();
		this.runner.withBean(HelloServer.class).withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "hello");
				try (PythonZmqPeer client = PythonZmqPeer.start("req_client.py", endpoint, "5")) {
					for (int i = 0; i < 5; i++) {
						assertThat(client.nextLine(WAIT)).isEqualTo("World for Hello " + i);
					}
					assertThat(client.awaitExit(WAIT)).isZero();
				}
			});
	}

	@Test
	void pythonPublisherEnvelopesReachSubListenerFilteredByTopic() {
		PythonZmqPeer.assumeAvailable();
		try (PythonZmqPeer publisher = PythonZmqPeer.start("pub_server.py", "weather", "50", "warmup")) {
			this.runner.withBean(UpdateRecorder.class)
				.withPropertyValues(socket("updates", "type=SUB", "connect=" + publisher.readyInfo(),
						"subscribe=weather,warmup"))
				.run((context) -> {
					UpdateRecorder handlers = context.getBean(UpdateRecorder.class);
					// A ping proves the subscription reached the publisher: only then may it start.
					await().atMost(WAIT).until(() -> handlers.updates.stream().anyMatch((update) -> update.startsWith("warmup|")));
					publisher.writeLine("GO");
					await().atMost(WAIT).until(() -> handlers.weather().size() == 50);
					assertThat(handlers.weather()).containsExactlyElementsOf(
							IntStream.range(0, 50).mapToObj((i) -> "weather|msg-" + i).toList());
					assertThat(handlers.updates).noneMatch((update) -> update.startsWith("other"));
					publisher.writeLine("STOP");
					assertThat(publisher.awaitExit(WAIT)).isZero();
				});
		}
	}

	@Test
	void pythonPushFeedsPullListener() {
		PythonZmqPeer.assumeAvailable();
		this.runner.withBean(TaskRecorder.class).withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "tasks");
				TaskRecorder handlers = context.getBean(TaskRecorder.class);
				try (PythonZmqPeer ventilator = PythonZmqPeer.start("push_client.py", endpoint, "100")) {
					await().atMost(WAIT).until(() -> handlers.tasks.size() == 100);
					assertThat(handlers.tasks).containsExactlyElementsOf(
							IntStream.range(0, 100).mapToObj((i) -> "task-" + i).toList());
					assertThat(ventilator.awaitExit(WAIT)).isZero();
				}
			});
	}

	static class HelloServer {

		@ZmqListener("hello")
		String hello(String request) {
			return "World for " + request;
		}

	}

	static class UpdateRecorder {

		final List<String> updates = new CopyOnWriteArrayList<>();

		@ZmqListener("updates")
		void update(@Header(ZmqHeaders.TOPIC) String topic, String payload) {
			this.updates.add(topic + "|" + payload);
		}

		List<String> weather() {
			return this.updates.stream().filter((update) -> update.startsWith("weather|")).toList();
		}

	}

	static class TaskRecorder {

		final List<String> tasks = new CopyOnWriteArrayList<>();

		@ZmqListener("tasks")
		void task(String task) {
			this.tasks.add(task);
		}

	}

}
