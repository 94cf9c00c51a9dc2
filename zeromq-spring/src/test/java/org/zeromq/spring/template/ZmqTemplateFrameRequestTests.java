package org.zeromq.spring.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests as frames, for callers that map frames themselves: every frame of a multipart request
 * reaches the server, and every frame of its reply comes back, on REQ and DEALER, one at a time
 * or many in flight.
 */
class ZmqTemplateFrameRequestTests {

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	private final PeerSockets peers = new PeerSockets();

	private final ZContext context = new ZContext(1);

	@AfterEach
	void close() {
		this.peers.close();
		this.context.close();
	}

	@Test
	void reqSendsEveryFrameOfTheRequestAndReturnsEveryFrameOfTheReply() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.REQ, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = echoReversed(server, 1);
			List<byte[]> reply = template.requestFrames("client", frames("a", "b", "c"), WAIT);
			assertThat(PeerFrames.text(reply)).containsExactly("c", "b", "a");
			peer.join(WAIT.toMillis());
		}
	}

	@Test
	void dealerReturnsTheReplyFramesWithoutItsCorrelationEnvelope() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.DEALER, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = echoReversed(server, 1);
			List<byte[]> reply = template.requestFrames("client", frames("x", "y"), WAIT);
			assertThat(PeerFrames.text(reply)).containsExactly("y", "x");
			peer.join(WAIT.toMillis());
		}
	}

	@Test
	void manyMultipartRequestsInFlightOnOneDealerEachGetTheirOwnReply() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		int requests = 200;
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.DEALER, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = echoReversed(server, requests);
			List<CompletableFuture<List<byte[]>>> replies = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				replies.add(template.requestFramesAsync("client", frames("head-" + i, "body-" + i), WAIT));
			}
			for (int i = 0; i < requests; i++) {
				assertThat(PeerFrames.text(replies.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)))
					.containsExactly("body-" + i, "head-" + i);
			}
			peer.join(WAIT.toMillis());
		}
	}

	@Test
	void frameRequestsWithoutWaitingNeedADealer() {
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.REQ, "tcp://127.0.0.1:5999"));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			assertThatExceptionOfType(ZmqException.class)
				.isThrownBy(() -> template.requestFramesAsync("client", frames("a"), WAIT))
				.withMessageContaining("requestAsync needs a [DEALER] socket, but 'client' is REQ");
		}
	}

	private ZmqSocketRegistry registry(SocketSpec spec) {
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ofSeconds(1))),
				List.of(spec));
	}

	private static List<byte[]> frames(String... text) {
		return List.of(text).stream().map(PeerFrames::utf8).toList();
	}

	// A REP peer that answers each request with its frames in reverse order, on a thread of its own.
	private static Thread echoReversed(ZMQ.Socket server, int count) {
		Thread thread = new Thread(() -> {
			for (int i = 0; i < count; i++) {
				List<byte[]> request = PeerFrames.receiveWithinTimeout(server);
				if (request == null) {
					return;
				}
				List<byte[]> reply = new ArrayList<>(request);
				Collections.reverse(reply);
				PeerFrames.send(server, reply);
			}
		}, "test-rep-peer");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
