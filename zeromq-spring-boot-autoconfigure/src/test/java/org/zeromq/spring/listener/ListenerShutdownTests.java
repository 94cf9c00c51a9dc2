package org.zeromq.spring.listener;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;

/**
 * Closing the application: listeners stop taking messages, the handlers still running finish
 * and their replies go out, and no thread the starter started survives.
 */
class ListenerShutdownTests {

	private static final int CYCLES = 30;

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@ParameterizedTest(name = "concurrency {0}")
	@ValueSource(strings = { "1", "3" })
	void handlerInFlightFinishesAndItsReplyGoesOutBeforeTheContextCloses(String concurrency) {
		this.runner.withUserConfiguration(BlockingService.class)
			.withPropertyValues("app.concurrency=" + concurrency)
			.withPropertyValues(socket("service", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
				BlockingService service = context.getBean(BlockingService.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
					send(client, "last order");
					assertThat(service.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
					Thread closer = new Thread(context::close, "test-context-closer");
					closer.start();
					// Listeners are told to stop at once; the close then waits for the handler it cannot interrupt.
					await().atMost(WAIT).until(() -> !registry.isRunning());
					assertThat(closer.isAlive()).isTrue();
					assertThat(service.finished.count()).isZero();
					service.release.countDown();
					closer.join(2 * WAIT.toMillis());
					assertThat(closer.isAlive()).isFalse();
					assertThat(service.finished.values()).containsExactly("last order");
					assertThat(receiveStrings(client)).containsExactly("done last order");
				}
			});
	}

	@Test
	void noThreadOfTheStarterSurvivesTheContext() {
		LiveThreads census = LiveThreads.now();
		this.runner.withUserConfiguration(EveryKindOfListener.class)
			.withPropertyValues(listenersOfEveryKind())
			.withPropertyValues(socket("client", "type=DEALER", "connect=inproc://shutdown-router"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("client", "ping", WAIT, String.class)).isEqualTo("pong");
				template.send("feed", "job");
				context.getBean(EveryKindOfListener.class).jobs.awaitCount(1);
				assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-service-1", "zmq-listener-service-3",
						"zmq-listener-service-device", "zmq-listener-jobs-2", "zmq-listener-routed-1", "zmq-requester-client");
			});
		census.awaitZmqThreadsEnded();
	}

	@Test
	void startAndCloseCyclesLeaveNoThreadBehind() {
		LiveThreads census = LiveThreads.now();
		try (PeerSockets peers = new PeerSockets()) {
			for (int cycle = 0; cycle < CYCLES; cycle++) {
				String order = "order-" + cycle;
				this.runner.withUserConfiguration(EveryKindOfListener.class)
					.withPropertyValues(listenersOfEveryKind())
					.run((context) -> {
						ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
						assertThat(request(client, order)).containsExactly("served " + order);
						client.close();
					});
			}
		}
		census.awaitZmqThreadsEnded();
	}

	@Test
	void contextThatFailsToBindLeavesNoThreadBehind() {
		LiveThreads census = LiveThreads.now();
		try (PeerSockets peers = new PeerSockets()) {
			String taken = peers.bind(SocketType.PULL).getLastEndpoint();
			this.runner.withUserConfiguration(EveryKindOfListener.class)
				.withPropertyValues(listenersOfEveryKind())
				.withPropertyValues(socket("clash", "type=PUSH", "bind=" + taken))
				.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("Socket 'clash' could not bind " + taken));
		}
		census.awaitZmqThreadsEnded();
	}

	// A binding REP with a device, connecting sockets served by two threads, a ROUTER and a PAIR.
	private static String[] listenersOfEveryKind() {
		return List.of(socket("service", "type=REP", "bind=" + ANY_TCP),
				socket("feed", "type=PUSH", "bind=inproc://shutdown-jobs"),
				socket("jobs", "type=PULL", "connect=inproc://shutdown-jobs"),
				socket("routed", "type=ROUTER", "bind=inproc://shutdown-router"),
				socket("pair", "type=PAIR", "bind=inproc://shutdown-pair"))
			.stream()
			.flatMap(Arrays::stream)
			.toArray(String[]::new);
	}

	static class BlockingService {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final HandledMessages<String> finished = new HandledMessages<>();

		@ZmqListener(value = "service", concurrency = "${app.concurrency}")
		String serve(String request) throws InterruptedException {
			this.entered.countDown();
			if (this.release.await(2 * WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.finished.record(request);
			}
			return "done " + request;
		}

	}

	static class EveryKindOfListener {

		final HandledMessages<String> jobs = new HandledMessages<>();

		@ZmqListener(value = "service", concurrency = "3")
		String serve(String order) {
			return "served " + order;
		}

		@ZmqListener(value = "jobs", concurrency = "2")
		void work(String job) {
			this.jobs.record(job);
		}

		@ZmqListener("routed")
		String route(String ping) {
			return "pong";
		}

		@ZmqListener("pair")
		String pair(String message) {
			return message;
		}

	}

}
