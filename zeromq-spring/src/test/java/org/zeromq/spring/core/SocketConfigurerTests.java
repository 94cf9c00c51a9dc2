package org.zeromq.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configurer applies the option table to real JeroMQ sockets: the spec's values, the
 * starter's defaults where the option applies, the context's linger, and nothing else. Values
 * are read back from the sockets.
 */
class SocketConfigurerTests {

	private final ZContext context = new ZContext(1);

	private final SocketConfigurer configurer = new SocketConfigurer(Duration.ofMillis(700));

	@AfterEach
	void closeContext() {
		this.context.close();
	}

	@Test
	void everySocketGetsTheShortHandshakeIntervalThatRecoversJeromqStalledConnects() {
		for (ZmqSocketType type : ZmqSocketType.values()) {
			configured(SocketSpec.connect("x", type, "tcp://127.0.0.1:5555"),
					(socket) -> assertThat(socket.getHandshakeIvl()).as(type.name()).isEqualTo(3000));
		}
	}

	@Test
	void sendingTypesGetTheStartersSendTimeoutAndOthersKeepJeromqs() {
		configured(SocketSpec.connect("x", ZmqSocketType.PUSH, "tcp://127.0.0.1:5555"),
				(socket) -> assertThat(socket.getSendTimeOut()).isEqualTo(10_000));
		configured(SocketSpec.connect("x", ZmqSocketType.PULL, "tcp://127.0.0.1:5555"),
				(socket) -> assertThat(socket.getSendTimeOut()).as("JeroMQ's forever").isEqualTo(-1));
	}

	@Test
	void lingerComesFromTheContextUnlessTheSpecSetsIt() {
		configured(SocketSpec.connect("x", ZmqSocketType.PUSH, "tcp://127.0.0.1:5555"),
				(socket) -> assertThat(socket.getLinger()).isEqualTo(700));
		configured(SocketSpec.connect("x", ZmqSocketType.PUSH, "tcp://127.0.0.1:5555")
			.withOptions(SocketOptions.builder().set(SocketOption.LINGER, Duration.ofMillis(20)).build()),
				(socket) -> assertThat(socket.getLinger()).isEqualTo(20));
	}

	@Test
	void optionsLeftToJeromqAreNotTouched() {
		configured(SocketSpec.connect("x", ZmqSocketType.DEALER, "tcp://127.0.0.1:5555"), (socket) -> {
			assertThat(socket.getSndHWM()).isEqualTo(1000);
			assertThat(socket.getReceiveTimeOut()).isEqualTo(-1);
			assertThat(socket.getTCPKeepAlive()).isEqualTo(-1);
			assertThat(socket.getBacklog()).isEqualTo(100);
		});
	}

	@Test
	void aDurationBeyondWhatJeromqHoldsIsCappedAtItsLargestValue() {
		configured(SocketSpec.connect("x", ZmqSocketType.PUSH, "tcp://127.0.0.1:5555")
			.withOptions(SocketOptions.builder().set(SocketOption.SEND_TIMEOUT, Duration.ofDays(30)).build()),
				(socket) -> assertThat(socket.getSendTimeOut()).isEqualTo(Integer.MAX_VALUE));
	}

	@Test
	void aValueJeromqRefusesFailsNamingTheOptionAndTheSocket() {
		// not validated here, so JeroMQ itself sees the 256 bytes
		SocketSpec tooLong = SocketSpec.connect("client", ZmqSocketType.DEALER, "tcp://127.0.0.1:5555")
			.withOptions(SocketOptions.builder().set(SocketOption.IDENTITY, "a".repeat(256)).build());
		ZMQ.Socket socket = this.context.createSocket(tooLong.type().jeromqType());
		assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> this.configurer.configure(socket, tooLong))
			.withMessageStartingWith("JeroMQ rejected identity on socket 'client'");
	}

	@Test
	void aReqRecoversFromAnUnansweredRequestOnlyWhenRelaxedAndCorrelated() {
		SocketSpec req = SocketSpec.connect("client", ZmqSocketType.REQ, "tcp://127.0.0.1:5555");
		assertThat(SocketConfigurer.recoversFromUnansweredRequest(req)).isTrue();
		assertThat(SocketConfigurer.recoversFromUnansweredRequest(
				req.withOptions(SocketOptions.builder().set(SocketOption.REQ_CORRELATE, false).build()))).isFalse();
		assertThat(SocketConfigurer.recoversFromUnansweredRequest(
				req.withOptions(SocketOptions.builder().set(SocketOption.REQ_RELAXED, false).build()))).isFalse();
	}

	private void configured(SocketSpec spec, Consumer<ZMQ.Socket> check) {
		ZMQ.Socket socket = this.context.createSocket(spec.type().jeromqType());
		try {
			this.configurer.configure(socket, spec);
			check.accept(socket);
		}
		finally {
			socket.close();
		}
	}

}
