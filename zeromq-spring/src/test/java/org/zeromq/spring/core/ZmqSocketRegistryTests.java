package org.zeromq.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry opens every binding socket before any connecting one, whatever the declaration
 * order, and leaves nothing open when a socket cannot be opened.
 */
class ZmqSocketRegistryTests {

	private final EndpointRecordingContext context = new EndpointRecordingContext();

	@AfterEach
	void closeContext() {
		this.context.close();
	}

	@Test
	void everySocketBindsBeforeAnySocketConnectsWhateverTheDeclarationOrder() {
		List<SocketSpec> connectOnlyFirst = List.of(SocketSpec.connect("sender", ZmqSocketType.PUSH, "inproc://work"),
				SocketSpec.connect("client", ZmqSocketType.DEALER, "inproc://service"),
				SocketSpec.bind("receiver", ZmqSocketType.PULL, "inproc://work"),
				SocketSpec.bind("service", ZmqSocketType.ROUTER, "inproc://service"));
		try (ZmqSocketRegistry registry = registry(connectOnlyFirst)) {
			registry.open();
			assertThat(this.context.calls()).containsExactly("bind inproc://work", "bind inproc://service",
					"connect inproc://work", "connect inproc://service");
			List<byte[]> message = List.of("job".getBytes(ZMQ.CHARSET));
			assertThat(registry.socket("sender").send(message)).isTrue();
			String received = registry.socket("receiver").execute((pull) -> pull.recvStr());
			assertThat(received).isEqualTo("job");
		}
	}

	@Test
	void whenASocketCannotBindTheSocketsAlreadyOpenAreClosed() {
		try (PeerSockets peers = new PeerSockets()) {
			String taken = peers.bind(SocketType.PULL).getLastEndpoint();
			List<SocketSpec> specs = List.of(SocketSpec.bind("first", ZmqSocketType.PUSH, "tcp://127.0.0.1:*"),
					SocketSpec.connect("second", ZmqSocketType.PUSH, taken),
					SocketSpec.bind("clash", ZmqSocketType.PULL, taken));
			ZmqSocketRegistry registry = registry(specs);
			assertThatExceptionOfType(ZmqBindException.class).isThrownBy(registry::open)
				.satisfies((ex) -> assertThat(ex.socketName()).isEqualTo("clash"));
			assertThat(this.context.openSockets()).isEmpty();
			assertThat(registry.isOpen()).isFalse();
		}
	}

	private ZmqSocketRegistry registry(List<SocketSpec> specs) {
		// a receive timeout wherever one applies: a missing message fails the test instead of hanging it
		SocketOptions timed = SocketOptions.builder().receiveTimeout(PeerSockets.TIMEOUT).build();
		List<SocketSpec> timedSpecs = specs.stream()
			.map((spec) -> spec.type().canReceive() ? spec.withOptions(timed) : spec)
			.toList();
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ZERO)), timedSpecs,
				"test.sockets");
	}

	/**
	 * A context whose sockets record every bind and connect in the order they happen, and
	 * which knows the sockets still open.
	 */
	private static final class EndpointRecordingContext extends ZContext {

		private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		private final Set<ZMQ.Socket> open = ConcurrentHashMap.newKeySet();

		List<String> calls() {
			return List.copyOf(this.calls);
		}

		Set<ZMQ.Socket> openSockets() {
			return Set.copyOf(this.open);
		}

		@Override
		public ZMQ.Socket createSocket(SocketType type) {
			ZMQ.Socket socket = new EndpointRecordingSocket(this, type);
			this.open.add(socket);
			return socket;
		}

		@Override
		public void close() {
			// ZContext does not know these sockets; a test that failed half-way must not hang the close
			openSockets().forEach(ZMQ.Socket::close);
			super.close();
		}

		private final class EndpointRecordingSocket extends ZMQ.Socket {

			EndpointRecordingSocket(ZContext context, SocketType type) {
				super(context, type);
			}

			@Override
			public boolean bind(String endpoint) {
				EndpointRecordingContext.this.calls.add("bind " + endpoint);
				return super.bind(endpoint);
			}

			@Override
			public boolean connect(String endpoint) {
				EndpointRecordingContext.this.calls.add("connect " + endpoint);
				return super.connect(endpoint);
			}

			@Override
			public void close() {
				EndpointRecordingContext.this.open.remove(this);
				super.close();
			}

		}

	}

}
