package org.zeromq.spring.test.context;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqListenerTest;
import org.zeromq.spring.test.ZmqListenerTestHarness;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * An application that declares fixed tcp ports, tested with {@link EphemeralZmqEndpoints}: its
 * binds move to loopback ports the system picks, its inproc binds stay, and the test reaches
 * each socket on the endpoint published as {@code local.zeromq.sockets.<name>.endpoint}.
 */
@SpringBootTest(properties = { "inbox.port=5597", "zeromq.sockets.inbox.type=PULL",
		"zeromq.sockets.inbox.bind=tcp://127.0.0.1:${inbox.port},inproc://ephemeral-inbox",
		"zeromq.sockets.outbox.type=PUSH", "zeromq.sockets.outbox.bind[0]=tcp://*:5598",
		"zeromq.sockets.local.type=PAIR", "zeromq.sockets.local.bind=inproc://ephemeral-local-only" })
@EphemeralZmqEndpoints
@ZmqListenerTest
class EphemeralZmqEndpointsTests {

	@Value("${local.zeromq.sockets.inbox.endpoint}")
	private String inbox;

	@Value("${local.zeromq.sockets.outbox.endpoint}")
	private String outbox;

	@Autowired
	private ZmqSocketRegistry registry;

	@Autowired
	private ZmqListenerTestHarness harness;

	@Autowired
	private ZmqOperations template;

	@Autowired
	private Environment environment;

	@Test
	void declaredTcpBindsMoveToLoopbackPortsTheSystemPicksAndOtherBindsStay() {
		assertThat(this.inbox).startsWith("tcp://127.0.0.1:").doesNotEndWith(":5597").doesNotEndWith(":*");
		assertThat(this.outbox).startsWith("tcp://127.0.0.1:").doesNotEndWith(":5598").doesNotEndWith(":*");
		assertThat(this.registry.boundEndpoints("inbox")).containsExactly(this.inbox, "inproc://ephemeral-inbox");
		assertThat(this.registry.boundEndpoints("local")).containsExactly("inproc://ephemeral-local-only");
		assertThat(this.environment.getProperty("local.zeromq.sockets.local.endpoint"))
			.isEqualTo("inproc://ephemeral-local-only");
	}

	@Test
	void aPeerReachesEachSocketOnItsPublishedEndpoint() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sender = peers.connect(SocketType.PUSH, this.inbox);
			send(sender, "order-1");
			assertThat(this.harness.awaitInvocation("inbox").arguments()).containsExactly("order-1");
			ZMQ.Socket receiver = peers.connect(SocketType.PULL, this.outbox);
			// A PUSH holds a message until it has a peer, and gives up after its send timeout.
			ZmqReadiness.awaitPeers(this.template, "outbox", 1);
			assertThat(this.template.send("outbox", "shipped")).isTrue();
			assertThatNextMessage(receiver).containsExactlyText("shipped");
		}
	}

	@Test
	void anUndeclaredSocketHasNoLocalEndpoint() {
		assertThat(this.environment.getProperty("local.zeromq.sockets.nothing.endpoint")).isNull();
		assertThat(this.environment.getProperty("local.zeromq.sockets..endpoint")).isNull();
	}

	@Test
	void theCustomizerIsOnlyForAnnotatedTestsAndEqualForContextCaching() {
		EphemeralEndpointsContextCustomizerFactory factory = new EphemeralEndpointsContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(String.class, List.of())).isNull();
		assertThat(factory.createContextCustomizer(EphemeralZmqEndpointsTests.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(Nested.class, List.of()))
			.hasSameHashCodeAs(new EphemeralEndpointsContextCustomizer());
	}

	@EphemeralZmqEndpoints
	static class Nested {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Inbox inboxListener() {
			return new Inbox();
		}

	}

	static class Inbox {

		@ZmqListener("inbox")
		void onOrder(String order) {
		}

	}

}
