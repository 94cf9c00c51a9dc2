package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PeerSockets.awaitEvent;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;

/**
 * {@link ZmqListenerEndpointRegistry}: listing listeners, stopping and starting them again on
 * the same endpoint, pausing and resuming, and listeners that wait to be started.
 */
class ListenerEndpointRegistryTests {

	// Long enough for a message that should not be handled to have been handled on loopback.
	private static final Duration QUIET = Duration.ofMillis(300);

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withUserConfiguration(Handlers.class)
		.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues(socket("manual", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues(socket("configured", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues("app.listener.socket=configured", "app.listener.id=configured-id",
				"app.listener.concurrency=2", "app.listener.auto-startup=true");

	@Test
	void listsListenersByIdWithTheirStateAndResolvedAttributes() {
		runWithPushTo("configured", (registry, configured, push, peers) -> {
			assertThat(registry.getListenerContainerIds()).containsExactlyInAnyOrder("orders", "manual", "configured-id");
			assertThat(registry.isRunning("orders")).isTrue();
			assertThat(registry.isRunning("manual")).isFalse();
			ListenerEndpoint endpoint = registry.getListenerContainer("configured-id").endpoint();
			assertThat(endpoint.socket()).isEqualTo("configured");
			assertThat(endpoint.concurrency()).isEqualTo(2);
			assertThat(registry.isRunning("configured-id")).isTrue();
			assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> registry.getListenerContainer("nope"))
				.withMessageContaining("No listener with id 'nope'")
				.withMessageContaining("orders");
			send(push, "via placeholders");
			assertThat(configured.awaitCount(1)).containsExactly("via placeholders");
		});
	}

	@Test
	void stoppedListenerConsumesNothingAndStartsAgainOnTheSameEndpoint() {
		runWithPushTo("orders", (registry, orders, push, peers) -> {
			send(push, "before stop");
			orders.awaitCount(1);
			// Watched only from here, once a message has come through the connection: a first connect
			// that stalls (JeroMQ 0.6.0, see PeerSockets) ends in a disconnect of its own, and taking
			// that one for the stop sent the next message into the closing socket, which dropped it.
			ZMQ.Socket events = peers.monitor(push, ZMQ.EVENT_DISCONNECTED);
			registry.stop("orders");
			assertThat(registry.isRunning("orders")).isFalse();
			// Once the peer knows the listener is gone, what it sends waits in its own queue.
			awaitEvent(events, ZMQ.EVENT_DISCONNECTED);
			send(push, "while stopped");
			orders.assertStaysAt(1, QUIET);
			registry.start("orders");
			assertThat(registry.isRunning("orders")).isTrue();
			// The peer only knows the first port: arriving here proves the same endpoint was bound again.
			send(push, "after start");
			assertThat(orders.awaitCount(3)).containsExactly("before stop", "while stopped", "after start");
		});
	}

	@Test
	void listenerWithADeviceStopsAndStartsAgainRepeatedly() {
		runWithPushTo("configured", (registry, configured, push, peers) -> {
			for (int cycle = 1; cycle <= 50; cycle++) {
				registry.stop("configured-id");
				registry.start("configured-id");
				// Back-to-back restarts are what caught inproc endpoints not yet released; a message every
				// tenth cycle shows the device and its workers really serve. Each stop closes the bound
				// socket, so the peer's connection drops: a message it sends before it has seen that
				// goes down with the old connection, as ZeroMQ loses any message in a closed pipe.
				// The message is sent again until the restarted device has handled it.
				if (cycle % 10 == 0) {
					String message = "cycle-" + cycle;
					await().atMost(PeerSockets.TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
						push.send(message, ZMQ.DONTWAIT);
						return configured.values().contains(message);
					});
				}
			}
			assertThat(registry.isRunning("configured-id")).isTrue();
		});
	}

	@Test
	void pausedListenerLeavesMessagesWaitingUntilResumed() {
		runWithPushTo("orders", (registry, orders, push, peers) -> {
			send(push, "1");
			orders.awaitCount(1);
			registry.pause("orders");
			assertThat(registry.getListenerContainer("orders").isPaused()).isTrue();
			assertThat(registry.isRunning("orders")).isTrue();
			send(push, "2");
			send(push, "3");
			orders.assertStaysAt(1, QUIET);
			registry.resume("orders");
			assertThat(orders.awaitCount(3)).containsExactly("1", "2", "3");
		});
	}

	@Test
	void listenerWithoutAutoStartupHandlesNothingUntilStarted() {
		runWithPushTo("manual", (registry, manual, push, peers) -> {
			// The socket is bound with the application; messages queue in it until the listener starts.
			send(push, "early");
			manual.assertStaysAt(0, QUIET);
			assertThat(registry.isRunning("manual")).isFalse();
			registry.start("manual");
			assertThat(registry.isRunning("manual")).isTrue();
			assertThat(manual.awaitCount(1)).isEqualTo(List.of("early"));
		});
	}

	/**
	 * Runs {@code check} in the application with its listener registry, what the listener on
	 * {@code socket} handled, and a raw PUSH connected to that socket among {@code peers}.
	 */
	private void runWithPushTo(String socket, PushCheck check) {
		this.runner.run((context) -> {
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			HandledMessages<String> handled = context.getBean(Handlers.class).on(socket);
			try (PeerSockets peers = new PeerSockets()) {
				check.accept(registry, handled, peers.connect(SocketType.PUSH, endpoint(context, socket)), peers);
			}
		});
	}

	@FunctionalInterface
	private interface PushCheck {

		void accept(ZmqListenerEndpointRegistry registry, HandledMessages<String> handled, ZMQ.Socket push,
				PeerSockets peers);

	}

	static class Handlers {

		final HandledMessages<String> orders = new HandledMessages<>();

		final HandledMessages<String> manual = new HandledMessages<>();

		final HandledMessages<String> configured = new HandledMessages<>();

		HandledMessages<String> on(String socket) {
			return switch (socket) {
				case "orders" -> this.orders;
				case "manual" -> this.manual;
				case "configured" -> this.configured;
				default -> throw new IllegalArgumentException("no listener on socket '" + socket + "'");
			};
		}

		@ZmqListener("orders")
		void order(String order) {
			this.orders.record(order);
		}

		@ZmqListener(value = "manual", autoStartup = "false")
		void manual(String message) {
			this.manual.record(message);
		}

		@ZmqListener(socket = "${app.listener.socket}", id = "${app.listener.id}",
				concurrency = "${app.listener.concurrency}", autoStartup = "${app.listener.auto-startup}")
		void configured(String message) {
			this.configured.record(message);
		}

	}

}
