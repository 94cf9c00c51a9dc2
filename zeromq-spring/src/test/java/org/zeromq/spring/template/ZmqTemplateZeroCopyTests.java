package org.zeromq.spring.template;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's zero copy, as far as JeroMQ takes it: over inproc a message is handed from socket
 * to socket, so what the receiver reads is the sender's very array when the starter made no copy
 * on the way. A copy anywhere in the template would show as a different array.
 */
class ZmqTemplateZeroCopyTests {

	private static final int RECEIVE_TIMEOUT_MILLIS = 5_000;

	private final ZContext context = new ZContext(1);

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void aBufferWrappingAWholeArrayReachesAnInprocPeerAsThatArray() {
		ZMQ.Socket pull = pull("inproc://zero-copy-buffer");
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("out", ZmqSocketType.PUSH, "inproc://zero-copy-buffer"));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			byte[] payload = new byte[1 << 20];
			payload[payload.length - 1] = 42;
			template.send("out", ByteBuffer.wrap(payload));
			assertThat(pull.recv(0)).isSameAs(payload);
		}
	}

	@Test
	void zFramesOfAMultipartMessageReachAnInprocPeerAsTheirArrays() {
		ZMQ.Socket pull = pull("inproc://zero-copy-frames");
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("out", ZmqSocketType.PUSH, "inproc://zero-copy-frames"));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			byte[] head = { 1 };
			byte[] body = new byte[64 * 1024];
			template.sendMultipart("out", List.of(new ZFrame(head), ByteBuffer.wrap(body)));
			assertThat(pull.recv(0)).isSameAs(head);
			assertThat(pull.hasReceiveMore()).isTrue();
			assertThat(pull.recv(0)).isSameAs(body);
		}
	}

	private ZMQ.Socket pull(String endpoint) {
		ZMQ.Socket pull = this.context.createSocket(SocketType.PULL);
		pull.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
		pull.bind(endpoint);
		return pull;
	}

	private ZmqSocketRegistry registry(SocketSpec spec) {
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ofSeconds(1))),
				List.of(spec));
	}

}
