package org.zeromq.spring.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.CurveCertificate;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * CURVE over real tcp connections, configured by properties only: an authorized client is
 * served, and a client with an unknown key, a plaintext client or a client with the wrong
 * server key gets nothing through in either direction, and is counted and reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class CurveSecurityTests {

	static final ZMQ.Curve.KeyPair SERVER = CurveKeyPairs.SERVER;

	static final ZMQ.Curve.KeyPair CLIENT = CurveKeyPairs.CLIENT;

	static final ZMQ.Curve.KeyPair STRANGER = CurveKeyPairs.STRANGER;

	static final String AUTHORIZE_CLIENT = "zeromq.security.curve.authorized-keys=" + CLIENT.publicKey;

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@TempDir
	Path keys;

	@Test
	void anAuthorizedClientGetsItsReplies() {
		this.runner.withBean(Echo.class).withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"), CLIENT,
							SERVER.publicKey);
					for (int i = 0; i < 3; i++) {
						client.send("Hello " + i);
						assertThat(client.recvStr()).isEqualTo("World for Hello " + i);
					}
					SecurityStatus status = status(context, "hello");
					assertThat(status.authorized()).isEqualTo(1);
					assertThat(status.denied()).isZero();
				}
			});
	}

	@Test
	void aClientWithAnUnknownKeyGetsNoMessageDeliveredInEitherDirection() {
		this.runner.withBean(Recorder.class)
			.withPropertyValues(curveServer("out", "PUSH"))
			.withPropertyValues(curveServer("in", "PULL"))
			.withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				Recorder received = context.getBean(Recorder.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket strangerIn = SecuredPeers.curveClient(peers, SocketType.PULL, endpoint(context, "out"),
							STRANGER, SERVER.publicKey);
					ZMQ.Socket strangerOut = SecuredPeers.curveClient(peers, SocketType.PUSH, endpoint(context, "in"),
							STRANGER, SERVER.publicKey);
					for (int i = 0; i < 5; i++) {
						assertThat(strangerOut.send("from the stranger " + i, ZMQ.DONTWAIT)).as("queued on its side").isTrue();
					}
					// Refused: its queued messages had their handshake, and JeroMQ does not try another.
					await().atMost(WAIT).until(() -> status(context, "in").denied() >= 1 && status(context, "out").denied() >= 1);
					ZMQ.Socket clientIn = SecuredPeers.curveClient(peers, SocketType.PULL, endpoint(context, "out"), CLIENT,
							SERVER.publicKey);
					ZMQ.Socket clientOut = SecuredPeers.curveClient(peers, SocketType.PUSH, endpoint(context, "in"), CLIENT,
							SERVER.publicKey);
					clientOut.send("from the client");
					await().atMost(WAIT).until(() -> received.messages.contains("from the client"));
					await().atMost(WAIT).until(() -> status(context, "out").authorized() == 1);
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					for (int i = 0; i < 5; i++) {
						template.send("out", "to peers " + i);
					}
					// PUSH deals round-robin to every connected peer: all five reaching the client
					// means that the stranger was never one.
					for (int i = 0; i < 5; i++) {
						assertThat(clientIn.recvStr()).isEqualTo("to peers " + i);
					}
					assertThat(strangerIn.recvStr(ZMQ.DONTWAIT)).isNull();
					assertThat(received.messages).containsExactly("from the client");
					assertThat(status(context, "in").lastFailure()).hasValueSatisfying((failure) -> assertThat(failure.reason())
						.isEqualTo("its public key " + STRANGER.publicKey + " is not authorized"));
				}
			});
	}

	@Test
	void refusalsOfOnePeerAreCountedEachButLoggedOnce(CapturedOutput output) {
		this.runner.withBean(Echo.class).withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					for (int i = 0; i < 5; i++) {
						SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"), STRANGER, SERVER.publicKey)
							.send("let me in");
					}
					await().atMost(WAIT).until(() -> status(context, "hello").denied() == 5);
					assertThat(output.getOut()).containsOnlyOnce("ZeroMQ socket 'hello' refused a CURVE peer from 127.0.0.1");
				}
			});
	}

	@Test
	void aPlaintextClientGetsNothingFromACurveServer() {
		this.runner.withBean(Echo.class).withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				Echo echo = context.getBean(Echo.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket plaintext = peers.create(SocketType.REQ);
					ZMQ.Socket events = peers.monitor(plaintext, ZMQ.EVENT_DISCONNECTED);
					plaintext.connect(endpoint(context, "hello"));
					plaintext.send("Hello");
					// The server hangs up at the greeting, and JeroMQ does not reconnect after that.
					PeerSockets.awaitEvent(events, ZMQ.EVENT_DISCONNECTED);
					assertThat(plaintext.recvStr(ZMQ.DONTWAIT)).isNull();
					assertThat(echo.requests).isEmpty();
					assertThat(status(context, "hello").authorized()).isZero();
				}
			});
	}

	@Test
	void aStarterClientWithTheWrongServerKeyReportsItAtTheFirstFailure(CapturedOutput output) {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket server = peers.create(SocketType.REP);
			server.setCurveServer(true);
			server.setCurveSecretKey(SERVER.secretKey.getBytes(ZMQ.CHARSET));
			server.bind("tcp://127.0.0.1:*");
			this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + server.getLastEndpoint(),
					"curve.public-key=" + CLIENT.publicKey, "curve.secret-key=" + CLIENT.secretKey,
					"curve.server-key=" + STRANGER.publicKey, "reconnect-interval=50ms"))
				.run((context) -> {
					SecurityStatus status = status(context, "client");
					await().atMost(WAIT).until(() -> status.failed() >= 1);
					String line = "ZeroMQ socket 'client' (CURVE client), peer " + server.getLastEndpoint()
							+ ": the server closed the connection during the handshake: the server key is probably not "
							+ "that server's public key, or the server does not use CURVE; JeroMQ does not retry a failed "
							+ "handshake, so this socket stays disconnected from that server until it is opened again";
					await().atMost(WAIT).until(() -> output.getOut().contains(line));
					assertThat(output.getOut()).containsOnlyOnce(line);
				});
		}
	}

	@Test
	void aStarterClientTheServerRefusesSaysSoAndTheServerSaysWhy(CapturedOutput output) {
		this.runner.withBean(Echo.class).withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT)
			.run((server) -> this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + endpoint(server, "hello"),
					"curve.public-key=" + STRANGER.publicKey, "curve.secret-key=" + STRANGER.secretKey,
					"curve.server-key=" + SERVER.publicKey))
				.run((client) -> {
					await().atMost(WAIT).until(() -> status(client, "client").denied() >= 1);
					await().atMost(WAIT).until(() -> output.getOut().contains("refused a CURVE peer"));
					assertThat(output.getOut()).containsOnlyOnce("ZeroMQ socket 'client' (CURVE client) cannot connect to "
							+ endpoint(server, "hello") + ": the server refused this socket's credentials (ZAP status 400): "
							+ "it does not know this socket's public key " + STRANGER.publicKey);
					assertThat(output.getOut()).containsOnlyOnce("ZeroMQ socket 'hello' refused a CURVE peer from 127.0.0.1: "
							+ "its public key " + STRANGER.publicKey + " is not authorized");
					assertThat(server.getBean(Echo.class).requests).isEmpty();
				}));
	}

	@Test
	void keysComeFromCertificateFilesAndAClientRemovedFromTheKeyDirectoryIsRefusedAtItsNextHandshake() throws Exception {
		Path clients = Files.createDirectories(this.keys.resolve("clients"));
		CurveKeys.Certificates server = CurveKeys.write(this.keys, "server");
		CurveKeys.Certificates client = CurveKeys.write(this.keys, "client");
		Path authorized = Files.copy(client.publicCertificate(), clients.resolve("client.key"));
		this.runner.withBean(Echo.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
					"curve.certificate=file:" + server.secretCertificate()))
			.withPropertyValues("zeromq.security.curve.authorized-keys-location=file:" + clients)
			.run((serverApp) -> {
				this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + endpoint(serverApp, "hello"),
						"curve.certificate=file:" + client.secretCertificate(),
						"curve.server-certificate=file:" + server.publicCertificate()))
					.run((clientApp) -> assertThat(clientApp.getBean(ZmqTemplate.class)
						.request("client", "Hello", WAIT, String.class)).isEqualTo("World for Hello"));
				Files.delete(authorized);
				SecurityStatus status = status(serverApp, "hello");
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Curve.KeyPair pair = new ZMQ.Curve.KeyPair(client.publicKey(),
							CurveCertificate.readSecret(client.secretCertificate().toString())
								.secretKey()
								.orElseThrow());
					// The directory is read again at most once a second: a new connection each try, until
					// one comes after the removal was read.
					await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
						SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(serverApp, "hello"), pair, server.publicKey())
							.send("Hello again");
						return status.denied() >= 1;
					});
					assertThat(status.lastFailure()).hasValueSatisfying((failure) -> assertThat(failure.reason())
						.isEqualTo("its public key " + client.publicKey() + " is not authorized"));
				}
			});
	}

	@Test
	void aSecuredRepWithConcurrencyServesAuthorizedClientsOnItsWorkersAndNobodyElse() {
		this.runner.withBean(ConcurrentEcho.class).withPropertyValues(curveServer("hello", "REP"))
			.withPropertyValues(AUTHORIZE_CLIENT)
			.run((context) -> {
				ConcurrentEcho echo = context.getBean(ConcurrentEcho.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket stranger = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"),
							STRANGER, SERVER.publicKey);
					stranger.send("let me in");
					List<ZMQ.Socket> clients = new CopyOnWriteArrayList<>();
					for (int i = 0; i < 6; i++) {
						clients.add(SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"), CLIENT,
								SERVER.publicKey));
					}
					for (int i = 0; i < clients.size(); i++) {
						clients.get(i).send("Hello " + i);
					}
					for (int i = 0; i < clients.size(); i++) {
						assertThat(clients.get(i).recvStr()).isEqualTo("World for Hello " + i);
					}
					await().atMost(WAIT).until(() -> status(context, "hello").denied() >= 1);
					assertThat(status(context, "hello").authorized()).isEqualTo(6);
					assertThat(echo.requests).doesNotContain("let me in").hasSize(6);
					assertThat(echo.threads).allMatch((thread) -> thread.startsWith("zmq-listener"));
					assertThat(stranger.recvStr(ZMQ.DONTWAIT)).isNull();
				}
			});
	}

	@Test
	void aDeniedAddressIsRefusedEvenWithAnAuthorizedKey() {
		this.runner.withBean(Echo.class).withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT)
			.withPropertyValues("zeromq.security.deny=127.0.0.1")
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"), CLIENT,
							SERVER.publicKey);
					client.send("Hello");
					SecurityStatus status = status(context, "hello");
					await().atMost(WAIT).until(() -> status.denied() >= 1);
					assertThat(client.recvStr(ZMQ.DONTWAIT)).isNull();
					assertThat(context.getBean(Echo.class).requests).isEmpty();
					assertThat(status.lastFailure()).hasValueSatisfying(
							(failure) -> assertThat(failure.reason()).isEqualTo("its address is on the deny list"));
				}
			});
	}

	@Test
	void addressFiltersHoldForSocketsWithoutCurveToo() {
		this.runner.withBean(Recorder.class)
			.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.security.allow=10.9.8.7")
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket sender = peers.connect(SocketType.PUSH, endpoint(context, "in"));
					sender.send("from loopback");
					SecurityStatus status = status(context, "in");
					await().atMost(WAIT).until(() -> status.denied() >= 1);
					assertThat(context.getBean(Recorder.class).messages).isEmpty();
					assertThat(status.lastFailure()).hasValueSatisfying(
							(failure) -> assertThat(failure.reason()).isEqualTo("its address is not on the allow list"));
				}
			});
	}

	/** A CURVE server socket {@code name} of {@code type} on a free loopback port, with the server's secret key. */
	static String[] curveServer(String name, String type) {
		return socket(name, "type=" + type, "bind=" + ANY_TCP, "curve.server=true", "curve.secret-key=" + SERVER.secretKey);
	}

	static SecurityStatus status(ApplicationContext context, String socket) {
		return context.getBean(ZmqSecurity.class).status(socket).orElseThrow();
	}

	static class Echo {

		final List<String> requests = new CopyOnWriteArrayList<>();

		@ZmqListener("hello")
		String hello(String request) {
			this.requests.add(request);
			return "World for " + request;
		}

	}

	static class ConcurrentEcho {

		final List<String> requests = new CopyOnWriteArrayList<>();

		final Set<String> threads = ConcurrentHashMap.newKeySet();

		@ZmqListener(value = "hello", concurrency = "3")
		String hello(String request) {
			this.requests.add(request);
			this.threads.add(Thread.currentThread().getName());
			return "World for " + request;
		}

	}

	static class Recorder {

		final List<String> messages = new CopyOnWriteArrayList<>();

		@ZmqListener("in")
		void in(String message) {
			this.messages.add(message);
		}

	}

}
