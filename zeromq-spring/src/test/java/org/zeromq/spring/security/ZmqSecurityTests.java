package org.zeromq.spring.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ContextSettings;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketPreparer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The security as the socket factory uses it, without Spring: the one ZAP handler of the
 * context runs before the first socket that needs it binds or connects, decides by the policy,
 * counts on the socket it decided for, and once closed lets no such socket open again.
 */
class ZmqSecurityTests {

	private final ZContext context = new ZContext(1);

	private final ZmqSecurity security = new ZmqSecurity(this.context,
			ZapPolicy.builder().curveKeys(List.of(CurveKeyPairs.CLIENT.publicKey)).build());

	private final List<Boolean> handlerRunningWhenPrepared = new ArrayList<>();

	private final SocketPreparer probe = (socket, spec) -> this.handlerRunningWhenPrepared
		.add(this.security.isZapHandlerRunning());

	private final ZmqSocketFactory factory = new ZmqSocketFactory(this.context,
			new SocketConfigurer(ContextSettings.DEFAULTS), List.of(this.security, this.probe));

	@AfterEach
	void close() {
		this.security.close();
		this.context.close();
	}

	@Test
	void theZapHandlerRunsBeforeTheFirstSocketThatNeedsItBindsOrConnects() {
		ZMQ.Socket plain = this.factory.create(SocketSpec.bind("plain", ZmqSocketType.PULL, "tcp://127.0.0.1:*"));
		ZMQ.Socket server = this.factory.create(curveServer());
		assertThat(this.handlerRunningWhenPrepared).containsExactly(false, true);
		plain.close();
		server.close();
	}

	@Test
	void anAuthorizedClientIsServedAndAStrangerIsRefusedAndCountedOnTheSocket() {
		ZmqSocketFactory.OpenSocket server = this.factory.open(curveServer());
		assertThat(server.socket().getZapDomain()).as("the socket's name").isEqualTo("hello");
		String endpoint = server.boundEndpoints().get(0);
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket stranger = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint, CurveKeyPairs.STRANGER,
					CurveKeyPairs.SERVER.publicKey);
			stranger.send("let me in");
			SecurityStatus status = this.security.status("hello").orElseThrow();
			await().atMost(PeerSockets.TIMEOUT).until(() -> status.denied() >= 1);
			ZMQ.Socket client = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint, CurveKeyPairs.CLIENT,
					CurveKeyPairs.SERVER.publicKey);
			client.send("hello");
			server.socket().setReceiveTimeOut((int) PeerSockets.TIMEOUT.toMillis());
			assertThat(server.socket().recvStr()).isEqualTo("hello");
			server.socket().send("world");
			assertThat(client.recvStr()).isEqualTo("world");
			assertThat(server.socket().recvStr(ZMQ.DONTWAIT)).as("nothing from the stranger").isNull();
			assertThat(status.authorized()).isEqualTo(1);
			assertThat(status.lastFailure()).hasValueSatisfying((failure) -> {
				assertThat(failure.peer()).isEqualTo("127.0.0.1");
				assertThat(failure.reason()).contains(CurveKeyPairs.STRANGER.publicKey).contains("is not authorized");
			});
			assertThat(status.publicKey()).contains(CurveKeyPairs.SERVER.publicKey);
		}
		finally {
			server.socket().close();
		}
	}

	@Test
	void aSecondZapHandlerOnTheContextStopsTheFirstSecuredSocketFromOpening() {
		// JeroMQ's ZAuth binds the same endpoint; a second ZAuth would only print an error
		try (ZAuth other = new ZAuth(this.context)) {
			assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> this.factory.create(curveServer()))
				.withMessageContaining("Another ZAP handler is already bound to inproc://zeromq.zap.01 on this ZeroMQ context");
			assertThat(this.security.isZapHandlerRunning()).isFalse();
		}
	}

	@Test
	void onceClosedNoSocketThatNeedsTheHandlerOpensAndItsThreadHasEnded() {
		this.factory.create(curveServer()).close();
		assertThat(liveHandlerThreads()).isNotEmpty();
		this.security.close();
		assertThat(liveHandlerThreads()).isEmpty();
		assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> this.factory.create(curveServer()))
			.withMessageContaining("is closed");
	}

	@Test
	void aServerWhoseNameIsNotAsciiNeedsAnAsciiZapDomainSinceJeroMqWouldOverflowTheZapRequest() {
		SocketSpec named = SocketSpec.bind("größe", ZmqSocketType.REP, "tcp://127.0.0.1:*")
			.withOptions(curveServer().options());
		assertThat(this.security.check(named)).extracting(SpecViolation::setting).containsExactly("zap-domain");
		assertThat(this.security.check(named)).singleElement()
			.satisfies((violation) -> assertThat(violation.problem()).contains("is not ASCII"));
		SocketSpec withDomain = named.withOptions(named.options().toBuilder().set(SocketOption.ZAP_DOMAIN, "groesse").build());
		assertThat(this.security.check(withDomain)).isEmpty();
	}

	@Test
	void aContextWithoutSecuredSocketsRunsNoHandler() {
		this.factory.create(SocketSpec.bind("plain", ZmqSocketType.PUSH, "tcp://127.0.0.1:*")).close();
		assertThat(this.security.isZapHandlerRunning()).isFalse();
		assertThat(this.security.status("plain")).isEmpty();
		assertThat(liveHandlerThreads()).isEmpty();
	}

	private static List<Thread> liveHandlerThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().startsWith("zmq-zap-handler") && thread.isAlive())
			.toList();
	}

	private static SocketSpec curveServer() {
		return SocketSpec.bind("hello", ZmqSocketType.REP, "tcp://127.0.0.1:*")
			.withOptions(SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
				.set(SocketOption.CURVE_SECRET_KEY, CurveKeyPairs.SERVER.secretKey).build());
	}

}
