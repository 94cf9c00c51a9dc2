package org.zeromq.spring.annotation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.SendTo;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqListenerErrorHandler;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;
import static org.zeromq.spring.test.PlainZmqApplication.run;

/**
 * Every {@code @ZmqListener} attribute, and {@code @SendTo}, takes placeholders ({@code ${…}}) and
 * SpEL ({@code #{…}}, with {@code __listener} the bean), resolved the way Spring Kafka resolves
 * its listener attributes.
 */
class ListenerAttributeExpressionTests {

	private static final List<SocketSpec> SOCKETS = List.of(SocketSpec.bind("service", ZmqSocketType.REP, ANY_TCP),
			SocketSpec.bind("intake", ZmqSocketType.PULL, ANY_TCP), SocketSpec.bind("results", ZmqSocketType.PUSH, ANY_TCP),
			SocketSpec.bind("manual", ZmqSocketType.PULL, ANY_TCP));

	private static final Map<String, Object> PROPERTIES = Map.of("app.service", "service", "app.workers", "2",
			"app.handler", "polite", "app.factory", "manualFactory", "app.start", "false");

	@Test
	void placeholdersAndExpressionsResolveInEveryAttribute() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, PROPERTIES, Listeners.class, Factories.class)) {
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			ListenerEndpoint service = registry.getListenerContainer("service-by-spel").endpoint();
			assertThat(service.socket()).isEqualTo("service");
			assertThat(service.concurrency()).isEqualTo(3);
			assertThat(service.autoStartup()).isTrue();
			assertThat(service.errorHandler()).isEqualTo("politeErrors");
			ListenerEndpoint intake = registry.getListenerContainer("intake").endpoint();
			assertThat(intake.concurrency()).isEqualTo(2);
			assertThat(intake.autoStartup()).isFalse();
			assertThat(intake.sendTo()).isEqualTo("results");
			assertThat(registry.isRunning("intake")).isFalse();
		}
	}

	@Test
	void resolvedErrorHandlerAndSendToTakeEffect() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, PROPERTIES, Listeners.class, Factories.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			assertThat(request(client, "bad")).containsExactly("sorry: bad");
			context.getBean(ZmqListenerEndpointRegistry.class).start("intake");
			ZMQ.Socket results = peers.connect(SocketType.PULL, endpoint(context, "results"));
			// Before the handshake a bound PUSH may deal messages to a connection JeroMQ then drops.
			assertThat(context.getBean(ZmqSocketRegistry.class).socket("results").awaitPeers(1, PeerSockets.TIMEOUT)).isTrue();
			ZMQ.Socket intake = peers.connect(SocketType.PUSH, endpoint(context, "intake"));
			send(intake, "job");
			assertThat(receiveStrings(results)).containsExactly("done job");
		}
	}

	@Test
	void containerFactoryNamedByAPlaceholderCreatesTheContainer() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, PROPERTIES, Listeners.class, Factories.class)) {
			// The named factory does not start its listeners unless they say so; the default one does.
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainer("manual").isAutoStartup()).isFalse();
			assertThat(registry.getListenerContainer("service-by-spel").isAutoStartup()).isTrue();
			assertThat(registry.isRunning("manual")).isFalse();
			assertThat(((DefaultZmqListenerContainer) registry.getListenerContainer("service-by-spel")).concurrency())
				.isEqualTo(3);
		}
	}

	public static class Listeners {

		public String getResults() {
			return "results";
		}

		@ZmqListener(socket = "#{'${app.service}'}", id = "#{'${app.service}' + '-by-spel'}", concurrency = "#{1 + 2}",
				autoStartup = "#{true}", errorHandler = "${app.handler}Errors")
		String serve(String request) {
			if (request.equals("bad")) {
				throw new IllegalStateException(request);
			}
			return "ok " + request;
		}

		@ZmqListener(value = "intake", concurrency = "${app.workers}", autoStartup = "${app.start}")
		@SendTo("#{__listener.results}")
		String work(String job) {
			return "done " + job;
		}

		@ZmqListener(value = "manual", containerFactory = "${app.factory}")
		void manual(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Factories {

		@Bean
		ZmqListenerErrorHandler politeErrors() {
			return (message, failure) -> "sorry: " + failure.getCause().getMessage();
		}

		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			return new DefaultZmqListenerContainerFactory(sockets, PayloadConverter.withDefaults());
		}

		@Bean
		DefaultZmqListenerContainerFactory manualFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			factory.getContainerProperties().setAutoStartup(false);
			return factory;
		}

	}

}
