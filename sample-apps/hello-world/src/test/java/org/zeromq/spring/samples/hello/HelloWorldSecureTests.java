package org.zeromq.spring.samples.hello;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.CurveCertificate;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.security.SecurityStatus;
import org.zeromq.spring.security.ZmqSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code secure} profile end to end: keys made by the key tool when the test runs, the
 * application's CURVE client served by its CURVE server over tcp, and a client with a key of
 * its own that nobody authorized served nothing.
 * <p>
 * With CURVE the client cannot reach the server over inproc, where no handshake runs, so it
 * connects over tcp to a port picked before the application starts: the system picks it for a
 * socket that is closed again at once.
 */
class HelloWorldSecureTests {

	private static final int PEER_TIMEOUT_MILLIS = 15000;

	private static final int PEER_HANDSHAKE_MILLIS = 1000;

	@TempDir
	Path keys;

	@Test
	void theCurveClientGetsWorldFromTheCurveServerAndAStrangerGetsNothing() throws Exception {
		CurveKeys.write(this.keys, "server");
		CurveKeys.Certificates client = CurveKeys.write(this.keys.resolve("clients"), "client");
		CurveKeys.Certificates stranger = CurveKeys.write(Files.createDirectories(this.keys.resolve("strangers")), "stranger");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HelloWorldApplication.class)
			.profiles("server", "client", "secure")
			.run("--hello.port=" + freePort(), "--hello.keys=" + this.keys, "--hello.work=0s")) {
			assertThat(context.getBean(HelloClient.class).sayHello(10)).containsOnly("World")
				.hasSize(10);
			SecurityStatus server = context.getBean(ZmqSecurity.class).status(HelloServer.SOCKET).orElseThrow();
			assertThat(server.authorized()).isEqualTo(1);
			String endpoint = context.getBean(ZmqSocketRegistry.class).endpoint(HelloServer.SOCKET);
			try (ZContext peerContext = new ZContext(); ZMQ.Socket peer = peerContext.createSocket(SocketType.REQ)) {
				CurveCertificate own = CurveCertificate.readSecret(stranger.secretCertificate().toString());
				peer.setCurvePublicKey(own.publicKey().getBytes(ZMQ.CHARSET));
				peer.setCurveSecretKey(own.secretKey().orElseThrow().getBytes(ZMQ.CHARSET));
				peer.setCurveServerKey(server.publicKey().orElseThrow().getBytes(ZMQ.CHARSET));
				peer.setReceiveTimeOut(PEER_TIMEOUT_MILLIS);
				// as in the other test: a JeroMQ 0.6.0 connect that stalls before its handshake is
				// retried after 1 s instead of 30 s, so the refusal comes well within the wait
				peer.setHandshakeIvl(PEER_HANDSHAKE_MILLIS);
				peer.connect(endpoint);
				peer.send("Hello");
				await().atMost(Duration.ofMillis(PEER_TIMEOUT_MILLIS)).until(() -> server.denied() == 1);
				assertThat(peer.recvStr(ZMQ.DONTWAIT)).isNull();
			}
			assertThat(server.authorized()).isEqualTo(1);
			assertThat(client.publicKey()).isNotEqualTo(stranger.publicKey());
		}
	}

	@Test
	void theSecureProfileHoldsNoKeyOnlyWhereTheKeyFilesAre() throws IOException {
		List<String> lines = new ClassPathResource("application-secure.yml").getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).noneMatch((line) -> line.trim().startsWith("secret-key:"))
			.noneMatch((line) -> line.trim().startsWith("public-key:"))
			.anyMatch((line) -> line.contains("certificate: file:${hello.keys}/server.key_secret"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
