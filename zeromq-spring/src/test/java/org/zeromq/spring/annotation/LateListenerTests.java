package org.zeromq.spring.annotation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.PlainZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;

/**
 * Listeners on beans created after the singletons (a lazy bean, a prototype, a bean of a child
 * context) register when the bean is created and serve at once.
 */
class LateListenerTests {

	private static final List<SocketSpec> SERVICE = List.of(SocketSpec.bind("service", ZmqSocketType.REP, ANY_TCP));

	@Test
	void lazyBeanStartsItsListenerWhenFirstRequested() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SERVICE, LazyConfig.class);
				PeerSockets peers = new PeerSockets()) {
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainerIds()).isEmpty();
			context.getBean(Service.class);
			assertThat(registry.isRunning("service")).isTrue();
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			assertThat(request(client, "lazy")).containsExactly("served lazy");
		}
	}

	@Test
	void prototypeBeanStartsItsListenerWhenCreated() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SERVICE, PrototypeConfig.class);
				PeerSockets peers = new PeerSockets()) {
			context.getBean(Service.class);
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "service"));
			assertThat(request(client, "prototype")).containsExactly("served prototype");
		}
	}

	@Test
	void lazyListenerWithSeveralWorkersOnABindingSocketPutsADeviceInFrontAfterTheSocketOpened() {
		LiveThreads census = LiveThreads.now();
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SERVICE, LazyWorkersConfig.class);
				PeerSockets peers = new PeerSockets()) {
			// The socket opened as the REP it was declared; the listener needs a ROUTER front on its port.
			String declaredEndpoint = endpoint(context, "service");
			context.getBean(Workers.class);
			assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-service-device",
					"zmq-listener-service-1", "zmq-listener-service-2");
			ZMQ.Socket first = peers.connect(SocketType.REQ, declaredEndpoint);
			ZMQ.Socket second = peers.connect(SocketType.REQ, declaredEndpoint);
			assertThat(request(first, "a")).containsExactly("worked a");
			assertThat(request(second, "b")).containsExactly("worked b");
		}
		census.awaitZmqThreadsEnded();
	}

	@Test
	void beanOfAChildContextServesWithTheParentsSocketsAndStopsWithTheChild() {
		try (AnnotationConfigApplicationContext parent = PlainZmqApplication.run(SERVICE);
				PeerSockets peers = new PeerSockets()) {
			LiveThreads census = LiveThreads.now();
			AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
			child.setParent(parent);
			child.register(ChildConfig.class);
			child.refresh();
			try {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(parent, "service"));
				assertThat(request(client, "child")).containsExactly("served child");
				assertThat(child.getBean(ZmqListenerEndpointRegistry.class))
					.isNotSameAs(parent.getBean(ZmqListenerEndpointRegistry.class));
			}
			finally {
				child.close();
			}
			census.awaitZmqThreadsEnded();
		}
	}

	static class Service {

		@ZmqListener("service")
		String serve(String request) {
			return "served " + request;
		}

	}

	static class Workers {

		@ZmqListener(value = "service", concurrency = "2")
		String work(String request) {
			return "worked " + request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyConfig {

		@Bean
		@Lazy
		Service service() {
			return new Service();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyWorkersConfig {

		@Bean
		@Lazy
		Workers workers() {
			return new Workers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeConfig {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		Service service() {
			return new Service();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableZmq
	static class ChildConfig {

		@Bean
		Service service() {
			return new Service();
		}

	}

}
