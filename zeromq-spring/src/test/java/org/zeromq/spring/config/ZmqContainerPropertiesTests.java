package org.zeromq.spring.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ZmqListenerContainer;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;
import static org.zeromq.spring.test.PlainZmqApplication.run;

/**
 * What a container factory's properties decide: where listener threads come from, what wraps each
 * handler call, and how stopping waits for a handler that is still running.
 */
class ZmqContainerPropertiesTests {

	private static final List<SocketSpec> SERVICE = List.of(SocketSpec.bind("service", ZmqSocketType.REP, ANY_TCP));

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	@Test
	void observationWrapsEveryHandlerCallAndSeesItsResultAndItsFailure() {
		try (AnnotationConfigApplicationContext context = run(SERVICE, Service.class, Observed.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			assertThat(request(client, "one")).containsExactly("served one");
			assertThat(request(client, "bad")).containsExactly("ERROR");
			assertThat(context.getBean(Observed.class).calls.values()).containsExactly("service: one -> served one",
					"service: bad -> failed with rejected bad");
		}
	}

	@Test
	void listenerThreadsComeFromTheConfiguredExecutor() {
		LiveThreads census = LiveThreads.now();
		try (AnnotationConfigApplicationContext context = run(SERVICE, Service.class, OwnExecutor.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			assertThat(request(client, "where")).containsExactly("served where");
			assertThat(context.getBean(Service.class).threads.threadNames()).singleElement()
				.satisfies((name) -> assertThat(name).startsWith("app-listener-"));
		}
		census.awaitThreadsEnded();
	}

	@Test
	void stopWithACallbackReturnsAtOnceAndCallsBackWhenTheRunningHandlerHasReplied() throws Exception {
		try (AnnotationConfigApplicationContext context = run(SERVICE, BlockingService.class);
				PeerSockets peers = new PeerSockets()) {
			BlockingService service = context.getBean(BlockingService.class);
			ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer("service");
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			send(client, "last");
			assertThat(service.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			CountDownLatch stopped = new CountDownLatch(1);
			container.stop(stopped::countDown);
			assertThat(container.isRunning()).isFalse();
			assertThat(stopped.getCount()).as("called back while the handler runs").isOne();
			service.release.countDown();
			assertThat(stopped.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(receiveStrings(client)).containsExactly("done last");
		}
	}

	@Test
	void registryStopCallsBackAtTheShutdownTimeoutWhenAHandlerDoesNotReturn() throws Exception {
		try (AnnotationConfigApplicationContext context = run(SERVICE, BlockingService.class, ShortShutdown.class);
				PeerSockets peers = new PeerSockets()) {
			BlockingService service = context.getBean(BlockingService.class);
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			send(client, "stuck");
			assertThat(service.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			CountDownLatch stopped = new CountDownLatch(1);
			context.getBean(ZmqListenerEndpointRegistry.class).stop(stopped::countDown);
			assertThat(stopped.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(service.finished.count()).as("the handler is still running").isZero();
			service.release.countDown();
			service.finished.awaitCount(1);
		}
	}

	static class Service {

		final HandledMessages<String> threads = new HandledMessages<>();

		@ZmqListener("service")
		String serve(String request) {
			this.threads.record(request);
			if (request.equals("bad")) {
				throw new IllegalStateException("rejected " + request);
			}
			return "served " + request;
		}

	}

	static class BlockingService {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final HandledMessages<String> finished = new HandledMessages<>();

		@ZmqListener("service")
		String serve(String request) throws InterruptedException {
			this.entered.countDown();
			if (this.release.await(2 * WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.finished.record(request);
			}
			return "done " + request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Observed {

		final HandledMessages<String> calls = new HandledMessages<>();

		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			ListenerObservation observation = (listenerId, message, call) -> {
				String request = new String(message.payload().get(0));
				try {
					Object result = call.proceed();
					this.calls.record(listenerId + ": " + request + " -> " + result);
					return result;
				}
				catch (Exception ex) {
					this.calls.record(listenerId + ": " + request + " -> failed with " + ex.getMessage());
					throw ex;
				}
			};
			factory.getContainerProperties().setObservation(observation);
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnExecutor {

		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			factory.getContainerProperties().setTaskExecutor(new SimpleAsyncTaskExecutor("app-listener-"));
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShortShutdown {

		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			factory.getContainerProperties().setShutdownTimeout(Duration.ofMillis(200));
			return factory;
		}

	}

}
