package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application delivers what was already sent and leaves no thread behind.
 */
class ZmqShutdownTests {

	private static final int MESSAGES = 1000;

	private static final int CYCLES = 50;

	@Test
	void messagesSentJustBeforeCloseReachAConnectedPeer() {
		// 16 MB in all: more than the kernel buffers between the two, so without linger some is lost
		String padding = "x".repeat(16 * 1024);
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.bind(SocketType.PULL);
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "connect=" + peer.getLastEndpoint()))
				.run((context) -> {
					ZmqOperations template = context.getBean(ZmqOperations.class);
					// the peer is connected once a first message got through
					template.send("out", "connected?");
					assertThat(peer.recvStr()).isEqualTo("connected?");
					for (int i = 0; i < MESSAGES; i++) {
						template.send("out", i + padding);
					}
					// at once: the messages are still queued, only the default linger lets them leave
					context.close();
				});
			for (int i = 0; i < MESSAGES; i++) {
				String received = peer.recvStr();
				assertThat(received).as("message %d of %d after close", i, MESSAGES).isEqualTo(i + padding);
			}
		}
	}

	@Test
	void startingAndClosingFiftyTimesLeavesNoThreadBehind() throws Exception {
		ApplicationContextRunner runner = ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("service", "type=REP", "bind=inproc://service", ZmqApplication.RECEIVE_TIMEOUT))
			.withPropertyValues(ZmqApplication.socket("client", "type=DEALER", "connect=inproc://service"))
			.withPropertyValues(ZmqApplication.socket("news", "type=PUB", "bind=inproc://news"))
			.withPropertyValues(ZmqApplication.socket("updates", "type=SUB", "connect=inproc://news", "subscribe[0]="))
			.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*"));
		// one cycle first, so that whatever the JVM starts once and keeps is part of the baseline
		startUseAndClose(runner);
		LiveThreads baseline = LiveThreads.now();
		for (int i = 0; i < CYCLES; i++) {
			startUseAndClose(runner);
		}
		baseline.awaitThreadsEnded();
		assertThat(LiveThreads.now().count()).isLessThanOrEqualTo(baseline.count());
	}

	private static void startUseAndClose(ApplicationContextRunner runner) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			// a request on the DEALER starts its owner thread, which close must end
			CompletableFuture<String> reply = context.getBean(ZmqOperations.class)
				.requestAsync("client", "ping", Duration.ofSeconds(5), String.class);
			assertThat(ZmqApplication.receive(context, "service")).isEqualTo("ping");
			ZmqApplication.registry(context).socket("service").execute((rep) -> rep.send("pong"));
			assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("pong");
			assertThat(LiveThreads.now().zmqThreadNames()).anyMatch((name) -> name.startsWith("zmq-requester-client"));
		});
	}

}
