package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies of a generic type, read through the converter with the full type given as a
 * {@link ParameterizedTypeReference}: the elements of a {@code List<Quote>} arrive as
 * {@code Quote}s, the values of a {@code Map<String, Quote>} too.
 */
class ZmqTemplateGenericReplyTests {

	private static final String QUOTES = "[{\"item\":\"apple\",\"price\":1.5},{\"item\":\"pear\",\"price\":2.0}]";

	private final PeerSockets peers = new PeerSockets();

	private final ZContext context = new ZContext(1);

	@AfterEach
	void close() {
		this.peers.close();
		this.context.close();
	}

	@Test
	void requestReadsAGenericListReplyWithTypedElements() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.REQ, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = answer(server, QUOTES, 1);
			List<Quote> quotes = template.request("client", "quotes?", PeerSockets.TIMEOUT,
					new ParameterizedTypeReference<List<Quote>>() {
					});
			assertThat(quotes).containsExactly(new Quote("apple", 1.5), new Quote("pear", 2.0));
			peer.join(PeerSockets.TIMEOUT.toMillis());
		}
	}

	@Test
	void requestAsyncReadsAGenericMapReplyWithTypedValues() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.DEALER, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = answer(server, "{\"a\":{\"item\":\"apple\",\"price\":1.5}}", 1);
			CompletableFuture<Map<String, Quote>> reply = template.requestAsync("client", "quotes?", PeerSockets.TIMEOUT,
					new ParameterizedTypeReference<Map<String, Quote>>() {
					});
			assertThat(reply.get(PeerSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
				.containsExactly(Map.entry("a", new Quote("apple", 1.5)));
			peer.join(PeerSockets.TIMEOUT.toMillis());
		}
	}

	@Test
	void aReferenceWithoutGenericsReadsLikeAClass() throws Exception {
		ZMQ.Socket server = this.peers.bind(SocketType.REP);
		try (ZmqSocketRegistry registry = registry(SocketSpec.connect("client", ZmqSocketType.REQ, server.getLastEndpoint()));
				ZmqTemplate template = new ZmqTemplate(registry, PayloadConverter.withDefaults())) {
			Thread peer = answer(server, "{\"item\":\"apple\",\"price\":1.5}", 1);
			assertThat(template.request("client", "quote?", PeerSockets.TIMEOUT, new ParameterizedTypeReference<Quote>() {
			})).isEqualTo(new Quote("apple", 1.5));
			peer.join(PeerSockets.TIMEOUT.toMillis());
		}
	}

	private ZmqSocketRegistry registry(SocketSpec spec) {
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ofSeconds(1))),
				List.of(spec));
	}

	// A REP peer on its own thread: it answers each request (within its receive timeout) with the reply.
	private static Thread answer(ZMQ.Socket server, String reply, int requests) {
		Thread peer = new Thread(() -> {
			for (int i = 0; i < requests && server.recv() != null; i++) {
				server.send(reply);
			}
		}, "test-rep-peer");
		peer.start();
		return peer;
	}

	record Quote(String item, double price) {
	}

}
