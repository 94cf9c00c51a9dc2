package org.zeromq.spring.samples.hello;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.InvocationData;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqListenerTest;
import org.zeromq.spring.test.ZmqListenerTestHarness;
import org.zeromq.spring.test.context.EphemeralZmqEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.request;

/**
 * The sample without a role (server and client in one process, the default profiles) end to
 * end, with the starter's test support: the server's listener answers over real tcp and inproc sockets, and
 * its thread is gone once the application context is closed.
 * <p>
 * {@link EphemeralZmqEndpoints} moves the server's tcp bind from port 5555 to a free port the
 * system picks, so that the test never collides with anything else on the machine, and
 * publishes it as {@code local.zeromq.sockets.hello.endpoint}. A connect endpoint has to be known
 * before the port is picked, so the application's own client reaches the server through a
 * second, inproc, bind; the tcp side is exercised by a REQ peer the test opens on the endpoint
 * the server bound. The listener test harness shows what the server's listener was called with.
 */
@SpringBootTest(properties = { HelloWorldApplicationTests.SERVER_ALSO_BINDS_INPROC,
		HelloWorldApplicationTests.CLIENT_CONNECTS, "hello.work=0s" })
@EphemeralZmqEndpoints
@ZmqListenerTest
class HelloWorldApplicationTests {

	static final String SERVER_ALSO_BINDS_INPROC = "zeromq.sockets.hello.bind=tcp://127.0.0.1:${hello.port},inproc://hello-world-test";

	static final String SERVER_BINDS_ANY_PORT = "zeromq.sockets.hello.bind=tcp://127.0.0.1:*,inproc://hello-world-test";

	static final String CLIENT_CONNECTS = "zeromq.sockets.client.connect=inproc://hello-world-test";

	private static final String LISTENER_THREAD_PREFIX = "zmq-listener-";

	/** Requests per test, as the guide's client sends. */
	private static final int REQUESTS = 10;

	@Value("${local.zeromq.sockets.hello.endpoint}")
	private String helloEndpoint;

	@Autowired
	private HelloClient client;

	@Autowired
	private ZmqListenerTestHarness harness;

	@Test
	void aTcpPeerGetsWorldForEachOfTenRequests() {
		assertThat(this.helloEndpoint).startsWith("tcp://127.0.0.1:").doesNotEndWith(":5555").doesNotEndWith(":*");
		// PeerSockets: its own context, receive and send timeouts, and a short handshake interval
		// (JeroMQ 0.6.0 leaves a few percent of fresh tcp connects without a handshake until it
		// retries them), so a lost reply fails the test instead of hanging it.
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.connect(SocketType.REQ, this.helloEndpoint);
			for (int i = 0; i < REQUESTS; i++) {
				assertThat(request(peer, "Hello " + i)).as("reply %d", i).containsExactly("World");
			}
		}
		// The harness recorded each call before its reply left, so all ten are there. The cached
		// context's other test sends plain "Hello" through the application's own client.
		List<InvocationData> peerCalls = this.harness.invocationsFor(HelloServer.SOCKET)
			.stream()
			.filter((call) -> !"Hello".equals(call.argument(0)))
			.toList();
		assertThat(peerCalls).extracting((call) -> call.<String>argument(0))
			.containsExactlyElementsOf(IntStream.range(0, REQUESTS).mapToObj((i) -> "Hello " + i).toList());
		assertThat(peerCalls).extracting(InvocationData::result).containsOnly("World");
	}

	@Test
	void theApplicationsClientGetsWorldForEachOfTenRequests() {
		assertThat(this.client.sayHello(REQUESTS)).hasSize(REQUESTS).containsOnly("World");
	}

	@Test
	void noListenerThreadSurvivesTheContext() {
		// Other contexts of this JVM (the cached test context) run the same listener: watch only
		// the listener threads that the context started here owns.
		Set<Thread> before = listenerThreads();
		// As command-line arguments: the builder's properties() are defaults, below application.yml,
		// which would bind the fixed port 5555.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HelloWorldApplication.class)
			.run("--" + SERVER_BINDS_ANY_PORT, "--" + CLIENT_CONNECTS);
		Set<Thread> started;
		try {
			started = listenerThreads();
			started.removeAll(before);
			assertThat(started).hasSize(1).allMatch(Thread::isAlive);
			assertThat(started).extracting(Thread::getName).containsExactly(LISTENER_THREAD_PREFIX + HelloServer.SOCKET + "-1");
			assertThat(context.getBean(ZmqSocketRegistry.class).endpoint(HelloServer.SOCKET)).doesNotEndWith(":5555");
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
