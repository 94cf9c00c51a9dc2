package org.zeromq.spring.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.security.SecurityStatus;
import org.zeromq.spring.security.ZmqSecurity;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * CURVE between the starter and libzmq (pyzmq), both ways, with keys exchanged as czmq
 * certificate files: pyzmq reads the ones the starter's key tool writes, the starter reads the
 * ones pyzmq's writes. A key that is not authorized is refused on either side.
 */
class CurveInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@TempDir
	Path keys;

	@Test
	void aPyzmqClientWithAnAuthorizedKeyIsServedByAStarterCurveServer() throws Exception {
		PythonZmqPeer.assumeAvailable();
		CurveKeys.Certificates server = CurveKeys.write(this.keys, "server");
		CurveKeys.Certificates client = CurveKeys.write(this.keys, "client");
		this.runner.withBean(HelloServer.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
					"curve.certificate=file:" + server.secretCertificate()))
			.withPropertyValues("zeromq.security.curve.authorized-keys=" + client.publicKey())
			.run((context) -> {
				try (PythonZmqPeer python = PythonZmqPeer.start("curve_client.py", endpoint(context, "hello"),
						server.publicCertificate().toString(), client.secretCertificate().toString(), "3")) {
					for (int i = 0; i < 3; i++) {
						assertThat(python.nextLine(WAIT)).isEqualTo("World for Hello " + i);
					}
					assertThat(python.awaitExit(WAIT)).isZero();
				}
				assertThat(status(context, "hello").authorized()).isEqualTo(1);
			});
	}

	@Test
	void aPyzmqClientWithAnUnknownKeyIsRefusedByAStarterCurveServer() throws Exception {
		PythonZmqPeer.assumeAvailable();
		CurveKeys.Certificates server = CurveKeys.write(this.keys, "server");
		CurveKeys.Certificates client = CurveKeys.write(this.keys, "client");
		CurveKeys.Certificates stranger = CurveKeys.write(this.keys, "stranger");
		this.runner.withBean(HelloServer.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
					"curve.certificate=file:" + server.secretCertificate()))
			.withPropertyValues("zeromq.security.curve.authorized-keys=" + client.publicKey())
			.run((context) -> {
				try (PythonZmqPeer python = PythonZmqPeer.start("curve_client.py", endpoint(context, "hello"),
						server.publicCertificate().toString(), stranger.secretCertificate().toString(), "1")) {
					assertThat(python.nextLine(WAIT)).isEqualTo("REFUSED 400");
					assertThat(python.awaitExit(WAIT)).isEqualTo(4);
				}
				SecurityStatus status = status(context, "hello");
				assertThat(status.denied()).isPositive();
				assertThat(status.authorized()).isZero();
				assertThat(context.getBean(HelloServer.class).requests).isEmpty();
			});
	}

	@Test
	void aStarterCurveClientIsServedByAPyzmqServerThatAuthorizesItsCertificate() throws Exception {
		PythonZmqPeer.assumeAvailable();
		Path authorized = Files.createDirectories(this.keys.resolve("authorized"));
		CurveKeys.Certificates client = CurveKeys.write(this.keys, "client");
		Files.copy(client.publicCertificate(), authorized.resolve("client.key"));
		try (PythonZmqPeer python = PythonZmqPeer.start("curve_server.py", authorized.toString(),
				Files.createDirectories(this.keys.resolve("python")).toString(), "2")) {
			String[] ready = python.readyInfo().split(" ");
			this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + ready[0],
					"curve.certificate=file:" + client.secretCertificate(), "curve.server-certificate=file:" + ready[1]))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					assertThat(template.request("client", "Hello", WAIT, String.class)).isEqualTo("echo:Hello");
					assertThat(template.request("client", "again", WAIT, String.class)).isEqualTo("echo:again");
				});
			assertThat(python.nextLines(2, WAIT)).containsExactly("Hello", "again");
			assertThat(python.awaitExit(WAIT)).isZero();
		}
	}

	@Test
	void aStarterCurveClientWhoseKeyAPyzmqServerDoesNotKnowIsRefusedAndSaysSo() throws Exception {
		PythonZmqPeer.assumeAvailable();
		Path authorized = Files.createDirectories(this.keys.resolve("authorized"));
		CurveKeys.Certificates known = CurveKeys.write(this.keys, "known");
		CurveKeys.Certificates stranger = CurveKeys.write(this.keys, "stranger");
		Files.copy(known.publicCertificate(), authorized.resolve("known.key"));
		try (PythonZmqPeer python = PythonZmqPeer.start("curve_server.py", authorized.toString(),
				Files.createDirectories(this.keys.resolve("python")).toString(), "1")) {
			String[] ready = python.readyInfo().split(" ");
			this.runner.withPropertyValues(socket("client", "type=DEALER", "connect=" + ready[0],
					"curve.certificate=file:" + stranger.secretCertificate(), "curve.server-certificate=file:" + ready[1]))
				.run((context) -> {
					context.getBean(ZmqTemplate.class).send("client", "let me in");
					SecurityStatus status = status(context, "client");
					await().atMost(WAIT).until(() -> status.denied() >= 1);
					assertThat(status.lastFailure()).hasValueSatisfying((failure) -> assertThat(failure.reason())
						.startsWith("the server refused this socket's credentials (ZAP status 400)"));
				});
			assertThat(python.lines()).containsExactly("READY " + python.readyInfo());
		}
	}

	private static SecurityStatus status(ApplicationContext context, String socket) {
		return context.getBean(ZmqSecurity.class).status(socket).orElseThrow();
	}

	static class HelloServer {

		final List<String> requests = new CopyOnWriteArrayList<>();

		@ZmqListener("hello")
		String hello(String request) {
			this.requests.add(request);
			return "World for " + request;
		}

	}

}
