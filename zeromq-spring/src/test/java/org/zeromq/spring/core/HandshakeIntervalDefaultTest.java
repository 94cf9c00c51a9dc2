package org.zeromq.spring.core;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeIntervalDefaultTest {

	@Test
	void everySocketGetsTheShortHandshakeIntervalThatRecoversJeromqStalledConnects() {
		SocketSpec spec = new SocketSpec("out", ZmqSocketType.PUSH, List.of(), List.of("tcp://127.0.0.1:5555"), List.of(),
				SocketOptions.DEFAULTS, HwmPolicy.BLOCK);
		try (ZContext context = new ZContext()) {
			ZMQ.Socket socket = context.createSocket(spec.type().jeromqType());
			new SocketConfigurer(Duration.ofSeconds(1)).configure(socket, spec);
			assertThat(socket.getHandshakeIvl()).isEqualTo((int) SocketConfigurer.DEFAULT_HANDSHAKE_INTERVAL.toMillis());
		}
	}

}
