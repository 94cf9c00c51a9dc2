package org.zeromq.spring.samples.hello;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSocketRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample end to end: the server's listener answers over real tcp and inproc sockets, and
 * its thread is gone once the application context is closed.
 * <p>
 * The server binds a free port instead of 5555 so that the test never collides with anything
 * else on the machine. A connect endpoint has to be known before the port is picked, so the
 * application's own client reaches the server through a second, inproc, bind; the tcp side is
 * exercised by a REQ peer the test opens on the endpoint the registry resolved.
 */
@SpringBootTest(properties = { HelloWorldApplicationTests.SERVER_BINDS, HelloWorldApplicationTests.CLIENT_CONNECTS })
class HelloWorldApplicationTests {

	static final String SERVER_BINDS = "zeromq.sockets.hello.bind=tcp://127.0.0.1:*,inproc://hello-world-test";

	static final String CLIENT_CONNECTS = "zeromq.sockets.client.connect=inproc://hello-world-test";

	private static final int PEER_TIMEOUT_MILLIS = 15000;

	private static final int PEER_HANDSHAKE_MILLIS = 1000;

	private static final String LISTENER_THREAD_PREFIX = "zmq-listener-";

	@Autowired
	private ZmqSocketRegistry registry;

	@Autowired
	private HelloClient client;

	@Test
	void aTcpPeerGetsWorldForEachOfTenRequests() {
		String endpoint = this.registry.endpoint(HelloServer.SOCKET);
		assertThat(endpoint).startsWith("tcp://127.0.0.1:").doesNotEndWith(":*");
		List<String> replies = new ArrayList<>();
		try (ZContext peerContext = new ZContext(); ZMQ.Socket peer = peerContext.createSocket(SocketType.REQ)) {
			peer.setReceiveTimeOut(PEER_TIMEOUT_MILLIS);
			peer.setSendTimeOut(PEER_TIMEOUT_MILLIS);
			// JeroMQ 0.6.0 leaves a few percent of fresh tcp connects without a handshake until the
			// handshake interval (30 s by default) retries them; the starter's sockets use 3 s, and
			// this raw peer 1 s, so a stalled connect recovers well inside the receive timeout.
			peer.setHandshakeIvl(PEER_HANDSHAKE_MILLIS);
			peer.connect(endpoint);
			for (int i = 0; i < HelloWorldApplication.REQUESTS; i++) {
				assertThat(peer.send("Hello")).isTrue();
				String reply = peer.recvStr();
				assertThat(reply).as("reply %d within %d ms", i, PEER_TIMEOUT_MILLIS).isNotNull();
				replies.add(reply);
			}
		}
		assertThat(replies).hasSize(HelloWorldApplication.REQUESTS).containsOnly("World");
	}

	@Test
	void theApplicationsClientGetsWorldForEachOfTenRequests() {
		assertThat(this.client.sayHello(HelloWorldApplication.REQUESTS)).hasSize(HelloWorldApplication.REQUESTS).containsOnly("World");
	}

	@Test
	void noListenerThreadSurvivesTheContext() {
		// Other contexts of this JVM (the cached test context) run the same listener: watch only
		// the listener threads that the context started here owns.
		Set<Thread> before = listenerThreads();
		// As arguments, not builder properties: those are defaults, below application.yml's port.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HelloWorldApplication.class)
			.run("--" + SERVER_BINDS, "--" + CLIENT_CONNECTS);
		Set<Thread> started;
		try {
			started = listenerThreads();
			started.removeAll(before);
			assertThat(started).hasSize(1).allMatch(Thread::isAlive);
			assertThat(started).extracting(Thread::getName).containsExactly(LISTENER_THREAD_PREFIX + HelloServer.SOCKET + "-1");
		}
		finally {
			context.close();
		}
		assertThat(started).noneMatch(Thread::isAlive);
		assertThat(listenerThreads()).allMatch(before::contains);
	}

	private static Set<Thread> listenerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(LISTENER_THREAD_PREFIX) && thread.isAlive())
			.collect(Collectors.toCollection(HashSet::new));
	}

}
