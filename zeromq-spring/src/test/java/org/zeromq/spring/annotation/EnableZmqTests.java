package org.zeromq.spring.annotation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.PlainZmqApplication;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;

/**
 * A plain Spring application, no Spring Boot: {@code @EnableZmq} and a socket registry are all it
 * takes for {@code @ZmqListener} methods to serve real sockets, start with the context and stop
 * with it.
 */
class EnableZmqTests {

	@Test
	void listenerAnswersRequestsOnARealSocketWithoutSpringBoot() {
		assertThat(getClass().getClassLoader().getResource("org/springframework/boot/SpringApplication.class"))
			.as("Spring Boot on the test class path").isNull();
		try (AnnotationConfigApplicationContext context = PlainZmqApplication
			.run(List.of(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP)), HelloServer.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "Hello")).containsExactly("World");
			assertThat(context.getBean(ZmqListenerEndpointRegistry.class).isRunning("hello")).isTrue();
		}
	}

	@Test
	void subscriberGetsTheTopicAndThePayloadOnItsOwnThread() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(
				List.of(SocketSpec.bind("updates", ZmqSocketType.SUB, ANY_TCP).withSubscriptions(List.of("weather"))),
				Subscriber.class); PeerSockets peers = new PeerSockets()) {
			// A PUB drops what it sends before the subscription reached it; an XPUB shows when it has.
			ZMQ.Socket publisher = peers.connect(SocketType.XPUB, endpoint(context, "updates"));
			ZmqReadiness.awaitSubscribed(publisher, "weather");
			HandledMessages<String> updates = context.getBean(Subscriber.class).updates;
			send(publisher, "weather", "sunny");
			assertThat(updates.awaitCount(1)).containsExactly("weather: sunny");
			assertThat(updates.threadNames()).containsExactly("zmq-listener-updates-1");
		}
	}

	@Test
	void noListenerThreadOutlivesTheContext() {
		LiveThreads census = LiveThreads.now();
		try (AnnotationConfigApplicationContext context = PlainZmqApplication
			.run(List.of(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP)), HelloServer.class)) {
			assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-hello-1");
		}
		census.awaitZmqThreadsEnded();
	}

	static class HelloServer {

		@ZmqListener("hello")
		String hello(String request) {
			return "World";
		}

	}

	static class Subscriber {

		final HandledMessages<String> updates = new HandledMessages<>();

		@ZmqListener("updates")
		void on(@Header(ZmqHeaders.TOPIC) String topic, String update) {
			this.updates.record(topic + ": " + update);
		}

	}

}
