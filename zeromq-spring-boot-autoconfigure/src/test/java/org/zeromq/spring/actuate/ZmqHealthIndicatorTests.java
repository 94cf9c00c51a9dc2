package org.zeromq.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.autoconfigure.actuate.ZmqHealthContributorAutoConfiguration;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.ZmqBindException;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ZmqListenerContainer;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The {@code zeromq} health: UP with each socket's and listener's details; DOWN when a listener's
 * thread died, when the context is terminated, when a bind failed, when a socket was closed under
 * the application, and when a socket that requires peers has fewer; absent without Boot's health
 * support or when switched off.
 */
class ZmqHealthIndicatorTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withConfiguration(AutoConfigurations.of(ZmqHealthContributorAutoConfiguration.class));

	@Test
	void isUpWithTheDetailsOfEverySocketAndListener() {
		this.runner.withUserConfiguration(Orders.class)
			.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://health-out"))
			.run((context) -> {
				Health health = context.getBean("zeromqHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> orders = detail(health, "sockets", "orders");
				assertThat(orders).containsEntry("status", "UP")
					.containsEntry("type", "PULL")
					.containsEntry("state", "owned-by-listener")
					.containsEntry("peers", 0)
					.containsEntry("endpoints", java.util.List.of(endpoint(context, "orders")));
				assertThat(detail(health, "sockets", "out")).containsEntry("state", "open").doesNotContainKey("peers");
				assertThat(detail(health, "listeners", "orders")).containsEntry("status", "UP")
					.containsEntry("state", "running")
					.containsEntry("socket", "orders");
			});
	}

	@Test
	void isDownWhenAListenersThreadDied() {
		this.runner.withUserConfiguration(Fatal.class, DyingThreads.class)
			.withPropertyValues(socket("jobs", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				HealthIndicator indicator = context.getBean("zeromqHealthIndicator", HealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "jobs"));
					send(push, "the last one");
					await().atMost(PeerSockets.TIMEOUT).until(() -> indicator.health().getStatus().equals(Status.DOWN));
				}
				Map<String, Object> jobs = detail(indicator.health(), "listeners", "jobs");
				assertThat(jobs).containsEntry("status", "DOWN").containsEntry("state", "failed");
				assertThat((String) jobs.get("problem")).contains("ended without being stopped");
				assertThat(context.getBean(DyingThreads.class).errors).singleElement()
					.isInstanceOf(LinkageError.class);
			});
	}

	@Test
	void isDownWhenTheContextIsTerminated() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP)).run((context) -> {
			HealthIndicator indicator = context.getBean("zeromqHealthIndicator", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			// As code that closes the application's context itself: every socket of it goes too.
			context.getBean(ZContext.class).close();
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("context",
					"the ZeroMQ context is terminated: no socket can send or receive");
			await().atMost(PeerSockets.TIMEOUT)
				.untilAsserted(() -> assertThat(detail(indicator.health(), "sockets", "out")).containsEntry("status", "DOWN")
					.hasEntrySatisfying("problem", (problem) -> assertThat((String) problem).contains("closed under the application")));
			// The shutdown's close after the context's own: nothing left to close, and no failure.
			context.getBean(ZmqSocketRegistry.class).close();
		});
	}

	@Test
	void isDownWhenABindFailed() {
		this.runner.withUserConfiguration(Orders.class)
			.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				HealthIndicator indicator = context.getBean("zeromqHealthIndicator", HealthIndicator.class);
				String endpoint = endpoint(context, "orders");
				ZmqListenerContainer listener = context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer("orders");
				listener.stop();
				try (PeerSockets peers = new PeerSockets()) {
					// Another process takes the port while the listener is stopped (JeroMQ frees it asynchronously).
					ZMQ.Socket squatter = peers.create(SocketType.PULL);
					await().atMost(PeerSockets.TIMEOUT).until(() -> bound(squatter, endpoint));
					assertThatExceptionOfType(ZmqBindException.class).isThrownBy(listener::start);
					Health health = indicator.health();
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					Map<String, Object> orders = detail(health, "sockets", "orders");
					assertThat(orders).containsEntry("status", "DOWN");
					assertThat((String) orders.get("problem")).startsWith("bind of " + endpoint + " failed: ");
					assertThat((String) orders.get("lastError")).startsWith("bind of " + endpoint + " failed: ");
				}
			});
	}

	@Test
	void isDownWhenASocketWasClosedUnderTheApplicationAndTheOthersStillCloseAtShutdown() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP))
			.withPropertyValues(socket("other", "type=PUSH", "bind=" + ANY_TCP))
			.run((context) -> {
			HealthIndicator indicator = context.getBean("zeromqHealthIndicator", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			ZmqSocketRegistry registry = context.getBean(ZmqSocketRegistry.class);
			registry.socket("out").execute((raw) -> {
				raw.close();
				return null;
			});
			// JeroMQ's reaper destroys the socket after close() returns.
			await().atMost(PeerSockets.TIMEOUT).until(() -> indicator.health().getStatus().equals(Status.DOWN));
			Health health = indicator.health();
			assertThat(health.getDetails()).doesNotContainKey("context");
			assertThat(detail(health, "sockets", "out")).containsEntry("status", "DOWN")
				.containsEntry("problem", "the socket was closed under the application (its context terminated, or code "
						+ "closed it directly)");
			assertThat(detail(health, "sockets", "other")).containsEntry("status", "UP");
			// The shutdown's close: the destroyed socket must not stop the others from closing.
			registry.close();
			await().atMost(PeerSockets.TIMEOUT).until(() -> registry.status("other").openSockets() == 0);
		});
	}

	@Test
	void aSocketThatRequiresPeersIsDownWithoutThemAndUpWithThem() {
		this.runner.withPropertyValues(socket("results", "type=PUSH", "bind=" + ANY_TCP, "health.required-peers=1"))
			.run((context) -> {
				context.getBean(ZmqTemplate.class).awaitPeers("results", 0, java.time.Duration.ZERO);
				HealthIndicator indicator = context.getBean("zeromqHealthIndicator", HealthIndicator.class);
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(detail(health, "sockets", "results")).containsEntry("status", "DOWN")
					.containsEntry("requiredPeers", 1)
					.containsEntry("problem", "0 of 1 required peers have completed the handshake");
				try (PeerSockets peers = new PeerSockets()) {
					peers.connect(SocketType.PULL, endpoint(context, "results"));
					await().atMost(PeerSockets.TIMEOUT).until(() -> indicator.health().getStatus().equals(Status.UP));
				}
			});
	}

	@Test
	void readingTheHealthOpensNoSocket() {
		try (ZContext zmq = new ZContext(1)) {
			ZmqSocketRegistry registry = new ZmqSocketRegistry(new ZmqSocketFactory(zmq, new SocketConfigurer(Duration.ZERO)),
					List.of(SocketSpec.bind("later", ZmqSocketType.PULL, ANY_TCP)));
			Health health = new ZmqHealthIndicator(registry, zmq, Map.of("later", 1), null).health();
			assertThat(detail(health, "sockets", "later")).containsEntry("state", "not-open");
			assertThat(registry.isOpen()).isFalse();
			assertThat(registry.status("later").openSockets()).isZero();
			registry.close();
		}
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.runner.withPropertyValues("management.health.zeromq.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ZmqHealthIndicator.class));
	}

	@Test
	void backsOffWithoutBootsHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("zeromqHealthIndicator"));
	}

	private static boolean bound(ZMQ.Socket socket, String endpoint) {
		try {
			return socket.bind(endpoint);
		}
		catch (ZMQException ex) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(Health health, String group, String name) {
		return ((Map<String, Map<String, Object>>) health.getDetails().get(group)).get(name);
	}

	static class Orders {

		@ZmqListener("orders")
		void order(String order) {
		}

	}

	/** Listener threads that record how they died, instead of leaving it to the default handler. */
	static class DyingThreads implements BeanPostProcessor {

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof DefaultZmqListenerContainerFactory factory) {
				factory.getContainerProperties().setTaskExecutor((task) -> {
					Thread thread = new Thread(task, "zmq-listener-dying");
					thread.setUncaughtExceptionHandler((dead, error) -> this.errors.add(error));
					thread.start();
				});
			}
			return bean;
		}

	}

	static class Fatal {

		@ZmqListener("jobs")
		void job(String job) {
			// An Error is no handler failure: it ends the listener's thread.
			throw new LinkageError("simulated fatal error in a handler");
		}

	}

}
