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
 * order, leaves nothing open when a socket cannot be opened, and opens nothing when only read.
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

	@Test
	void readingDeclarationsSocketsAndEndpointsOpensNothing() {
		List<SocketSpec> specs = List.of(SocketSpec.bind("receiver", ZmqSocketType.PULL, "tcp://127.0.0.1:*"),
				SocketSpec.connect("sender", ZmqSocketType.PUSH, "inproc://nowhere"));
		try (ZmqSocketRegistry registry = registry(specs)) {
			assertThat(registry.specs()).extracting(SocketSpec::name).containsExactly("receiver", "sender");
			assertThat(registry.spec("receiver").type()).isEqualTo(ZmqSocketType.PULL);
			assertThat(registry.isDeclared("sender")).isTrue();
			assertThat(registry.isDeclared("ghost")).isFalse();
			assertThat(registry.sockets()).isEmpty();
			assertThat(registry.find("receiver")).isEmpty();
			assertThat(registry.boundEndpoints("receiver")).isEmpty();
			assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> registry.endpoint("receiver"))
				.withMessageContaining("has not opened yet");
			assertThatExceptionOfType(UnknownSocketException.class).isThrownBy(() -> registry.socket("ghost"))
				.satisfies((ex) -> assertThat(ex.declared()).containsExactly("receiver", "sender"))
				.withMessage("No socket named 'ghost' is declared (declared: [receiver, sender])");
			assertThat(registry.isOpen()).isFalse();
			assertThat(this.context.calls()).as("no bind, no connect").isEmpty();
			assertThat(this.context.openSockets()).as("no socket created").isEmpty();
		}
	}

	@Test
	void usingASocketOpensThemAllAndReadsThenSeeThem() {
		List<SocketSpec> specs = List.of(SocketSpec.bind("receiver", ZmqSocketType.PULL, "tcp://127.0.0.1:*"),
				SocketSpec.connect("sender", ZmqSocketType.PUSH, "inproc://nowhere"));
		try (ZmqSocketRegistry registry = registry(specs)) {
			ManagedSocket sender = registry.socket("sender");
			assertThat(registry.isOpen()).isTrue();
			assertThat(registry.sockets()).extracting(ManagedSocket::name).containsExactly("receiver", "sender");
			assertThat(registry.find("sender")).containsSame(sender);
			assertThat(registry.endpoint("receiver")).startsWith("tcp://127.0.0.1:").doesNotEndWith(":*");
			assertThat(registry.boundEndpoints("sender")).isEmpty();
			assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> registry.endpoint("sender"))
				.withMessageContaining("does not bind");
		}
	}

	private ZmqSocketRegistry registry(List<SocketSpec> specs) {
		// a receive timeout wherever one applies: a missing message fails the test instead of hanging it
		SocketOptions timed = SocketOptions.builder().set(SocketOption.RECEIVE_TIMEOUT, PeerSockets.TIMEOUT).build();
		List<SocketSpec> timedSpecs = specs.stream()
			.map((spec) -> spec.type().canReceive() ? spec.withOptions(timed) : spec)
			.toList();
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ZERO)), timedSpecs);
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
