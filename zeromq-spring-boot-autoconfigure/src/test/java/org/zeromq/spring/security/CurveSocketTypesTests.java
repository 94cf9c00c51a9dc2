package org.zeromq.spring.security;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.security.CurveSecurityTests.AUTHORIZE_CLIENT;
import static org.zeromq.spring.security.CurveSecurityTests.CLIENT;
import static org.zeromq.spring.security.CurveSecurityTests.SERVER;
import static org.zeromq.spring.security.CurveSecurityTests.curveServer;
import static org.zeromq.spring.security.CurveSecurityTests.status;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Every socket type runs as a CURVE server: a declared socket of the type binds with CURVE, an
 * authorized raw client of the matching type connects, and a message crosses in the pattern's
 * direction.
 */
class CurveSocketTypesTests {

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	@ParameterizedTest(name = "{0}")
	@MethodSource("pairs")
	void aDeclaredSocketOfEveryTypeServesAnAuthorizedCurveClient(Pair pair) {
		ZmqApplication.runner()
			.withPropertyValues(curveServer("x", pair.server().name()))
			.withPropertyValues(socket("x", pair.serverSettings()))
			.withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = client(peers, pair, endpoint(context, "x"));
					if (pair.client() == SocketType.SUB) {
						client.subscribe(new byte[0]);
					}
					await().atMost(WAIT).until(() -> status(context, "x").authorized() == 1);
					if (pair.serverSends()) {
						assertThat(serverToClient(context, client)).isEqualTo("over CURVE");
					}
					else {
						assertThat(clientToServer(context, client, pair)).isEqualTo("over CURVE");
					}
				}
			});
	}

	// A PAIR server keeps the first connection's pipe, and JeroMQ leaves a second connection that
	// arrives before that pipe is gone connected but without one: a PAIR client that gave up on a
	// handshake slowed by a loaded machine must not reconnect that soon (one full build under a
	// concurrent benchmark saw the server's send wait out its 10 s send-timeout with a handshaken
	// peer, which is what that leaves). 10 s still ends a stalled connect
	// (PeerSockets) within the wait.
	private static ZMQ.Socket client(PeerSockets peers, Pair pair, String endpoint) {
		if (pair.server() == ZmqSocketType.PAIR) {
			return SecuredPeers.curveClient(peers, pair.client(), endpoint, CLIENT, SERVER.publicKey, Duration.ofSeconds(10));
		}
		return SecuredPeers.curveClient(peers, pair.client(), endpoint, CLIENT, SERVER.publicKey);
	}

	// A PUB drops what it sends before the subscription arrived: send until a message gets through.
	private static String serverToClient(ApplicationContext context, ZMQ.Socket client) {
		ManagedSocket server = ZmqApplication.registry(context).socket("x");
		String[] received = new String[1];
		await().atMost(WAIT).pollInSameThread().until(() -> {
			server.send(List.of("over CURVE".getBytes(ZMQ.CHARSET)));
			received[0] = receiveBriefly(client);
			return received[0] != null;
		});
		return received[0];
	}

	private static String clientToServer(ApplicationContext context, ZMQ.Socket client, Pair pair) {
		ManagedSocket server = ZmqApplication.registry(context).socket("x");
		String[] received = new String[1];
		await().atMost(WAIT).pollInSameThread().until(() -> {
			client.send("over CURVE", ZMQ.DONTWAIT);
			received[0] = server.execute((socket) -> {
				socket.setReceiveTimeOut(200);
				if (pair.server() == ZmqSocketType.ROUTER) {
					socket.recv(0); // the client's identity
				}
				return socket.recvStr();
			});
			return received[0] != null;
		});
		return received[0];
	}

	private static String receiveBriefly(ZMQ.Socket client) {
		int timeout = client.getReceiveTimeOut();
		client.setReceiveTimeOut(200);
		try {
			return client.recvStr();
		}
		finally {
			client.setReceiveTimeOut(timeout);
		}
	}

	static Stream<Pair> pairs() {
		return Stream.of(new Pair(ZmqSocketType.REP, SocketType.REQ, false),
				new Pair(ZmqSocketType.REQ, SocketType.REP, true),
				new Pair(ZmqSocketType.ROUTER, SocketType.DEALER, false),
				new Pair(ZmqSocketType.DEALER, SocketType.DEALER, true),
				new Pair(ZmqSocketType.PUB, SocketType.SUB, true),
				new Pair(ZmqSocketType.XPUB, SocketType.SUB, true),
				new Pair(ZmqSocketType.SUB, SocketType.PUB, false, "subscribe[0]="),
				new Pair(ZmqSocketType.XSUB, SocketType.PUB, false, "subscribe[0]="),
				new Pair(ZmqSocketType.PUSH, SocketType.PULL, true),
				new Pair(ZmqSocketType.PULL, SocketType.PUSH, false),
				new Pair(ZmqSocketType.PAIR, SocketType.PAIR, true));
	}

	/**
	 * @param server the declared socket's type, the CURVE server
	 * @param client the raw client's type
	 * @param serverSends whether the message goes from the declared socket to the client
	 * @param serverSettings more settings of the declared socket
	 */
	record Pair(ZmqSocketType server, SocketType client, boolean serverSends,
			String... serverSettings) {

		@Override
		public String toString() {
			return this.server + " (CURVE server) " + (this.serverSends ? "→ " : "← ") + this.client;
		}

	}

}
