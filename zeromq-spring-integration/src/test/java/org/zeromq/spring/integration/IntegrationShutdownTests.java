package org.zeromq.spring.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.integration.test.IntegrationApplication.ANY_TCP;
import static org.zeromq.spring.integration.test.IntegrationApplication.WAIT;
import static org.zeromq.spring.integration.test.IntegrationApplication.endpoint;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;

/**
 * Closing an application with messages in flight: adapters and gateways stop taking messages
 * first, what they took is handled and answered, what was accepted for sending reaches the peer,
 * requests in flight get their replies, and no thread the starter started outlives the context.
 */
class IntegrationShutdownTests {

	@Test
	void aRequestBeingHandledWhenTheApplicationClosesIsStillAnsweredBeforeAnyLaterPhaseStops() throws Exception {
		AnnotationConfigApplicationContext context = IntegrationApplication
			.run(List.of(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP)), SlowServer.class, LaterPhase.class);
		ZmqInboundGateway gateway = context.getBean(ZmqInboundGateway.class);
		LaterPhase laterPhase = context.getBean(LaterPhase.class);
		SlowServer server = context.getBean(SlowServer.class);
		Thread closing = new Thread(context::close, "closing");
		try (PeerSockets peers = new PeerSockets(); CapturedLog log = CapturedLog.start()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			send(client, "late request");
			assertThat(server.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			closing.start();
			// The handler goes on only once the close either waits for the gateway (as it must) or
			// has gone past it to a later phase (the race): so a close that does not wait is caught
			// every time, not only when the handler happens to be slow.
			Awaitility.await()
				.atMost(WAIT)
				.until(() -> laterPhase.stopped.getCount() == 0
						|| (!gateway.isRunning() && closing.getState() == Thread.State.TIMED_WAITING));
			server.release.countDown();
			assertThat(receiveStrings(client)).containsExactly("answered late request");
			closing.join(WAIT.toMillis());
			assertThat(closing.isAlive()).as("the application closed").isFalse();
			assertThat(laterPhase.sawTheRequestAnswered).as("the request was answered before a later phase stopped").isTrue();
			assertThat(log.severe()).as("errors logged while closing").isEmpty();
		}
		finally {
			server.release.countDown();
			closing.join(WAIT.toMillis());
			context.close();
		}
	}

	@Test
	void aMessageTakenByAnInboundAdapterIsHandledAndSentOnBeforeTheSocketsClose() throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket results = peers.bind(SocketType.PULL);
			AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(
					SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP),
					SocketSpec.connect("results", ZmqSocketType.PUSH, results.getLastEndpoint())), SlowPipeline.class);
			try {
				SlowPipeline pipeline = context.getBean(SlowPipeline.class);
				send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "in hand");
				assertThat(pipeline.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
				CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
				pipeline.awaitClosing();
				pipeline.release.countDown();
				closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(receiveStrings(results)).containsExactly("done: in hand");
			}
			finally {
				context.close();
			}
		}
	}

	@Test
	void everyMessageAnOutboundAdapterAcceptedReachesThePeerThoughTheApplicationClosesRightAfter() {
		int messages = 2000;
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pull = peers.bind(SocketType.PULL);
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUSH, pull.getLastEndpoint())), Sending.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				for (int i = 0; i < messages; i++) {
					assertThat(toZmq.send(MessageBuilder.withPayload("message " + i).build())).isTrue();
				}
			}
			for (int i = 0; i < messages; i++) {
				assertThat(receiveStrings(pull)).containsExactly("message " + i);
			}
		}
	}

	@Test
	void asyncRequestsInFlightWhenTheApplicationClosesGetTheirReplies() throws Exception {
		int requests = 50;
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			AnnotationConfigApplicationContext context = IntegrationApplication.run(
					List.of(SocketSpec.connect("client", ZmqSocketType.DEALER, router.getLastEndpoint())), AsyncRequesting.class);
			try {
				AsyncRequesting flow = context.getBean(AsyncRequesting.class);
				MessageChannel requestChannel = context.getBean("requests", MessageChannel.class);
				for (int i = 0; i < requests; i++) {
					requestChannel.send(MessageBuilder.withPayload("request " + i).build());
				}
				List<List<byte[]>> held = new ArrayList<>();
				for (int i = 0; i < requests; i++) {
					held.add(PeerFrames.receive(router));
				}
				CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
				flow.awaitClosing();
				// The replies come only once the application is closing: its stop waits for them.
				for (List<byte[]> request : held) {
					List<byte[]> reply = new ArrayList<>(request.subList(0, request.size() - 1));
					reply.add(PeerFrames.utf8("reply"));
					PeerFrames.send(router, reply);
				}
				closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(flow.replies.getQueueSize()).isEqualTo(requests);
			}
			finally {
				context.close();
			}
		}
	}

	@Test
	void anAsyncReplyThatArrivesWhileTheApplicationClosesIsSentOnBeforeAnyLaterPhaseStops() throws Exception {
		try (PeerSockets peers = new PeerSockets(); CapturedLog log = CapturedLog.start()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			AnnotationConfigApplicationContext context = IntegrationApplication.run(
					List.of(SocketSpec.connect("client", ZmqSocketType.DEALER, router.getLastEndpoint())), SlowAsyncReplies.class,
					LaterPhase.class);
			ZmqOutboundEndpoint gateway = context.getBean(ZmqOutboundEndpoint.class);
			LaterPhase laterPhase = context.getBean(LaterPhase.class);
			SlowAsyncReplies flow = context.getBean(SlowAsyncReplies.class);
			Thread closing = new Thread(context::close, "closing");
			try {
				context.getBean("requests", MessageChannel.class).send(MessageBuilder.withPayload("request").build());
				List<byte[]> request = PeerFrames.receive(router);
				closing.start();
				Awaitility.await().atMost(WAIT).until(() -> !gateway.isRunning());
				// The reply comes while the gateway's stop waits for it; the flow then holds it until
				// the close either still waits (as it must) or has reached a later phase (the race).
				List<byte[]> reply = new ArrayList<>(request.subList(0, request.size() - 1));
				reply.add(PeerFrames.utf8("reply"));
				PeerFrames.send(router, reply);
				assertThat(flow.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
				Awaitility.await()
					.atMost(WAIT)
					.until(() -> laterPhase.stopped.getCount() == 0 || closing.getState() == Thread.State.TIMED_WAITING);
				flow.release.countDown();
				closing.join(WAIT.toMillis());
				assertThat(closing.isAlive()).as("the application closed").isFalse();
				assertThat(laterPhase.sawTheRequestAnswered).as("the reply was sent on before a later phase stopped").isTrue();
				assertThat(log.severe()).as("errors logged while closing").isEmpty();
			}
			finally {
				flow.release.countDown();
				closing.join(WAIT.toMillis());
				context.close();
			}
		}
	}

	@Test
	void noThreadTheAdaptersStartedOutlivesTheApplication() {
		LiveThreads census = LiveThreads.now();
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket rep = peers.bind(SocketType.REP);
			List<SocketSpec> sockets = List.of(SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP),
					SocketSpec.connect("results", ZmqSocketType.DEALER, rep.getLastEndpoint()),
					SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP),
					SocketSpec.bind("orders-in", ZmqSocketType.PULL, "inproc://orders"),
					SocketSpec.connect("orders-out", ZmqSocketType.PUSH, "inproc://orders"));
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(sockets, Everything.class)) {
				assertThat(request(peers.connect(SocketType.REQ, endpoint(context, "hello")), "ping")).containsExactly("ping");
				send(peers.connect(SocketType.PUSH, endpoint(context, "tasks")), "task");
				List<byte[]> forwarded = PeerFrames.receive(rep);
				PeerFrames.send(rep, List.of(PeerFrames.utf8("ok")));
				assertThat(PeerFrames.text(forwarded)).contains("task");
				assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-tasks-1", "zmq-listener-tasks-2",
						"zmq-listener-hello-1", "zmq-listener-orders-in-1", "zmq-requester-results");
			}
		}
		census.awaitZmqThreadsEnded();
	}

	/** Something that waits for the application to start closing. */
	abstract static class ClosingAware implements ApplicationListener<ContextClosedEvent> {

		private final CountDownLatch closing = new CountDownLatch(1);

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.closing.countDown();
		}

		void awaitClosing() throws InterruptedException {
			assertThat(this.closing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the application started closing").isTrue();
		}

	}

	/** A flow whose last step waits for the test, and says whether it has finished. */
	abstract static class HeldFlow extends ClosingAware {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile boolean answered;

		void hold() {
			this.entered.countDown();
			await(this.release);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowServer extends HeldFlow {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class))
				.<String, String>transform((request) -> {
					hold();
					this.answered = true;
					return "answered " + request;
				})
				.get();
		}

	}

	/** Stops in a phase after the flows' and the gateways': whatever it sees, every later close sees too. */
	static class LaterPhase implements SmartLifecycle {

		final CountDownLatch stopped = new CountDownLatch(1);

		private final HeldFlow server;

		volatile boolean sawTheRequestAnswered;

		private volatile boolean running;

		LaterPhase(HeldFlow server) {
			this.server = server;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.sawTheRequestAnswered = this.server.answered;
			this.running = false;
			this.stopped.countDown();
			// Lets a handler still blocked (the close did not wait) finish, so the test can fail on
			// its assertions rather than hang.
			this.server.release.countDown();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return -1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowPipeline extends ClosingAware {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class))
				.<String, String>transform((task) -> {
					this.entered.countDown();
					await(this.release);
					return "done: " + task;
				})
				.handle(Zmq.outboundChannelAdapter("results"))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Sending {

		@Bean
		IntegrationFlow toZmqFlow() {
			return IntegrationFlow.from("toZmq").handle(Zmq.outboundChannelAdapter("out")).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncRequesting extends ClosingAware {

		final QueueChannel replies = new QueueChannel();

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").async(true).replyTimeout(WAIT))
				.channel(this.replies)
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowAsyncReplies extends HeldFlow {

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").async(true).replyTimeout(WAIT))
				.handle((message) -> {
					hold();
					this.answered = true;
				})
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Everything {

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").concurrency(2))
				.channel(Zmq.channel("orders", "orders-out", "orders-in"))
				.handle(Zmq.outboundGateway("results").async(true))
				.channel("nullChannel")
				.get();
		}

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello")).handle((payload, headers) -> payload).get();
		}

	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("the test never released the flow");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
