package org.zeromq.spring.template;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Many threads sending through one {@link ZmqTemplate} on one socket: ZeroMQ sockets are not
 * thread-safe, so without the template's guard frames of different messages would interleave or
 * the socket would break. Each message is a two-frame envelope whose frames name the same thread,
 * so an interleaving shows up as a mismatch.
 */
class ZmqTemplateConcurrencyTests {

	private static final int THREADS = 8;

	private static final int MESSAGES_PER_THREAD = 2000;

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void everyMessageOfEveryThreadArrivesWholeAndInThatThreadsOrder() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.getLastEndpoint()))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				// The connection is up once one message went through; the senders then never wait on it.
				template.send("out", "warm-up");
				assertThat(PeerFrames.receiveStrings(pull)).containsExactly("warm-up");
				List<Future<?>> senders = startSenders(template);
				int[] nextSequence = new int[THREADS];
				for (int received = 0; received < THREADS * MESSAGES_PER_THREAD; received++) {
					List<String> message = PeerFrames.receiveStrings(pull);
					assertThat(message).hasSize(2);
					int thread = Integer.parseInt(message.get(0).substring("thread-".length()));
					assertThat(message.get(1)).isEqualTo(message.get(0) + ":" + nextSequence[thread]);
					nextSequence[thread]++;
				}
				for (Future<?> sender : senders) {
					sender.get(10, TimeUnit.SECONDS);
				}
				assertThat(nextSequence).containsOnly(MESSAGES_PER_THREAD);
				assertThat(PeerFrames.receiveNow(pull)).isNull();
			});
	}

	private static List<Future<?>> startSenders(ZmqTemplate template) {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> senders = new ArrayList<>(THREADS);
		for (int t = 0; t < THREADS; t++) {
			String topic = "thread-" + t;
			senders.add(executor.submit(() -> {
				// All threads start together, so that they really contend for the socket.
				assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
				for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
					template.send("out", topic, topic + ":" + i);
				}
				return null;
			}));
		}
		start.countDown();
		executor.shutdown();
		return senders;
	}

}
