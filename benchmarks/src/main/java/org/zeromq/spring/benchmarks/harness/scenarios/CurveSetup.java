package org.zeromq.spring.benchmarks.harness.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.zeromq.ZAuth;
import org.zeromq.ZCert;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * CURVE for a scenario, both sides configured alike: a server key pair and one authorized client
 * key pair, made for the run. The raw side secures its sockets the way a JeroMQ application
 * would, with the socket setters and a {@code ZAuth} that lets in the client's certificate; the
 * starter side with the properties a user writes. The ZAP handler only answers handshakes, which
 * happen before the timed rounds, so what the rounds measure is CURVE's per-message cost.
 */
final class CurveSetup {

	private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();

	private final ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();

	/** Makes a raw socket the CURVE server. */
	void serve(ZMQ.Socket socket) {
		socket.setCurveServer(true);
		socket.setCurveSecretKey(this.server.secretKey.getBytes(ZMQ.CHARSET));
	}

	/** Makes a raw socket the authorized CURVE client. */
	void connectAsClient(ZMQ.Socket socket) {
		socket.setCurvePublicKey(this.client.publicKey.getBytes(ZMQ.CHARSET));
		socket.setCurveSecretKey(this.client.secretKey.getBytes(ZMQ.CHARSET));
		socket.setCurveServerKey(this.server.publicKey.getBytes(ZMQ.CHARSET));
	}

	/**
	 * The raw server process's ZAP handler, which must run before its server socket binds: a
	 * {@code ZAuth} with a certificate directory holding the client's public certificate.
	 */
	AutoCloseable rawZapHandler(ZContext context) {
		try {
			Path directory = Files.createTempDirectory("bench-curve-clients");
			new ZCert(this.client.publicKey).savePublic(directory.resolve("client.key").toString());
			ZAuth auth = new ZAuth(context);
			auth.configureCurve(directory.toString());
			return () -> {
				auth.close();
				try (Stream<Path> files = Files.walk(directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The properties of a declared CURVE server socket, and of the policy that lets the client in. */
	Map<String, Object> serverProperties(String socket) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("zeromq.sockets." + socket + ".curve.server", true);
		properties.put("zeromq.sockets." + socket + ".curve.secret-key", this.server.secretKey);
		properties.put("zeromq.security.curve.authorized-keys", this.client.publicKey);
		return properties;
	}

	/** The properties of a declared CURVE client socket. */
	Map<String, Object> clientProperties(String socket) {
		return Map.of("zeromq.sockets." + socket + ".curve.public-key", this.client.publicKey,
				"zeromq.sockets." + socket + ".curve.secret-key", this.client.secretKey,
				"zeromq.sockets." + socket + ".curve.server-key", this.server.publicKey);
	}

}
