package org.zeromq.spring.security;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Security that would not hold stops startup, fail-closed, with the property and the fix as Boot
 * reports them; no report repeats a key.
 */
class SecurityStartupFailureTests {

	private static final String SERVER_SECRET = CurveKeyPairs.SERVER.secretKey;

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@TempDir
	Path keys;

	@Test
	void aCurveServerWithoutAuthorizedKeysOrAllowAnyStopsStartupNamingTheThreeWaysToFixIt() {
		this.runner.withPropertyValues(curveServer()).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("zeromq.sockets.hello.curve.server: a CURVE server lets in the "
					+ "clients whose public keys are authorized, and no key is");
			assertThat(analysis.getAction()).contains("zeromq.sockets.hello.curve.server: add <a client's public key> to "
					+ "zeromq.security.curve.authorized-keys, or set zeromq.security.curve.authorized-keys-location: "
					+ "file:/path/to/client-certificates, or set zeromq.security.curve.allow-any: true");
		});
	}

	@Test
	void allowAnyIsTheExplicitChoiceOfEncryptionWithoutAuthentication() {
		this.runner.withPropertyValues(curveServer()).withPropertyValues("zeromq.security.curve.allow-any=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aPlainServerWithoutUsersStopsStartup() {
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "plain.server=true"))
			.run((context) -> assertThat(analysis(context).getAction()).contains("zeromq.sockets.hello.plain.server: set "
					+ "zeromq.security.plain.users.<name>: <password>, or set zeromq.security.plain.passwords-file: "
					+ "file:/path/to/passwords.properties"));
	}

	@Test
	void aPlainPasswordLongerThanJeroMqsServerReadsStopsStartupWithoutBeingRepeated() {
		String password = "p".repeat(128);
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "plain.server=true"))
			.withPropertyValues("zeromq.security.plain.users.bob=" + password)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.security.plain.users.bob: the password of bob must "
						+ "have at most 127 bytes in UTF-8, since JeroMQ's PLAIN server cannot read longer ones");
				assertNothingRepeats(context, analysis, password);
			});
	}

	@Test
	void aPlainClientPasswordThatIsNotAsciiStopsStartupWithoutBeingRepeated() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=tcp://127.0.0.1:5555", "plain.username=bob",
				"plain.password=pässwörd"))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.sockets.client.plain.password: must be ASCII: JeroMQ "
						+ "sends only as many bytes of its UTF-8 form as it has characters, so the server would get it cut short");
				assertNothingRepeats(context, analysis, "pässwörd");
			});
	}

	@Test
	void aMalformedSecretKeyStopsStartupWithoutBeingRepeated() {
		String truncated = SERVER_SECRET.substring(1);
		String badCharacter = "'" + SERVER_SECRET.substring(1);
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
				"curve.secret-key=" + truncated))
			.withPropertyValues("zeromq.security.curve.allow-any=true")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("zeromq.sockets.hello.curve.secret-key: must be 40 characters of Z85 text, not 39");
				assertThat(analysis.getAction()).contains("org.zeromq.spring.security.CurveKeys makes a key pair");
				assertNothingRepeats(context, analysis, truncated);
			});
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
				"curve.secret-key=" + badCharacter))
			.withPropertyValues("zeromq.security.curve.allow-any=true")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.sockets.hello.curve.secret-key: has a character at "
						+ "position 1 that is not in the Z85 alphabet");
				assertNothingRepeats(context, analysis, badCharacter);
			});
	}

	@Test
	void aPublicKeyThatIsNotTheSecretKeysStopsStartup() {
		this.runner.withPropertyValues(curveClient("curve.public-key=" + CurveKeyPairs.STRANGER.publicKey,
				"curve.secret-key=" + CurveKeyPairs.CLIENT.secretKey, "curve.server-key=" + CurveKeyPairs.SERVER.publicKey))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains(
						"zeromq.sockets.client.curve.public-key: curve.public-key is not the public key of curve.secret-key");
				assertNothingRepeats(context, analysis, CurveKeyPairs.CLIENT.secretKey);
			});
	}

	@Test
	void aCurveClientWithoutTheServerKeyStopsStartup() {
		this.runner.withPropertyValues(curveClient("curve.public-key=" + CurveKeyPairs.CLIENT.publicKey,
				"curve.secret-key=" + CurveKeyPairs.CLIENT.secretKey))
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.sockets.client.curve.server-key: a CURVE client needs "
						+ "the server's public key to connect with");
				assertThat(analysis.getAction()).contains("zeromq.sockets.client.curve.server-key: set curve.server-key: "
						+ "<the server's public key>, or set curve.server-certificate: file:/path/to/server.key");
			});
	}

	@Test
	void aSecuredSocketOnInprocStopsStartup() {
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=inproc://hello", "curve.server=true",
				"curve.secret-key=" + SERVER_SECRET))
			.withPropertyValues("zeromq.security.curve.allow-any=true")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("zeromq.sockets.hello.bind: inproc has "
					+ "no security handshake: the CURVE settings would not apply to inproc://hello"));
	}

	@Test
	void aMissingCertificateFileStopsStartupNamingTheFile() {
		Path missing = this.keys.resolve("server.key_secret");
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
				"curve.certificate=file:" + missing))
			.withPropertyValues("zeromq.security.curve.allow-any=true")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("zeromq.sockets.hello.curve.certificate: there is no file " + missing.toAbsolutePath()));
	}

	@Test
	void aMissingKeyDirectoryStopsStartupAndIsNotCreated() {
		Path missing = this.keys.resolve("clients");
		this.runner.withPropertyValues(curveServer())
			.withPropertyValues("zeromq.security.curve.authorized-keys-location=file:" + missing)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("The ZeroMQ security settings are invalid")
					.contains("zeromq.security.curve.authorized-keys-location: there is no directory " + missing.toAbsolutePath());
				assertThat(missing).doesNotExist();
			});
	}

	@Test
	void aMalformedAuthorizedKeyStopsStartupNamingItsIndex() {
		String truncated = CurveKeyPairs.CLIENT.publicKey.substring(3);
		this.runner.withPropertyValues(curveServer())
			.withPropertyValues("zeromq.security.curve.authorized-keys=" + CurveKeyPairs.STRANGER.publicKey + "," + truncated)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.security.curve.authorized-keys[1]: the key must be 40 "
						+ "characters of Z85 text, not 37");
				assertNothingRepeats(context, analysis, truncated);
			});
	}

	@Test
	void anAddressThatIsNotAnIpAddressStopsStartup() {
		this.runner.withPropertyValues("zeromq.security.deny=example.org")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("zeromq.security.deny[0]: 'example.org' is not an IP address"));
	}

	@Test
	void anotherZapHandlerOnTheApplicationsContextStopsStartupInsteadOfDecidingInItsPlace() {
		ZContext context = new ZContext(1);
		ZAuth other = new ZAuth(context);
		try {
			this.runner.withBean(ZContext.class, () -> context, (definition) -> definition.setDestroyMethodName(""))
				.withPropertyValues(curveServer())
				.withPropertyValues("zeromq.security.curve.allow-any=true")
				.run((application) -> assertThat(application).getFailure()
					.hasStackTraceContaining("Another ZAP handler is already bound to inproc://zeromq.zap.01 on this ZeroMQ "
							+ "context"));
		}
		finally {
			other.close();
			context.close();
		}
	}

	private static String[] curveServer() {
		return socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true", "curve.secret-key=" + SERVER_SECRET);
	}

	private static String[] curveClient(String... settings) {
		String[] declaration = socket("client", "type=REQ", "connect=tcp://127.0.0.1:5555");
		String[] curve = socket("client", settings);
		String[] all = new String[declaration.length + curve.length];
		System.arraycopy(declaration, 0, all, 0, declaration.length);
		System.arraycopy(curve, 0, all, declaration.length, curve.length);
		return all;
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return ZmqApplication.failureAnalysis(context);
	}

	// Neither the report nor any exception in the failure's chain may carry the secret.
	private static void assertNothingRepeats(AssertableApplicationContext context, FailureAnalysis analysis, String secret) {
		assertThat(analysis.getDescription()).doesNotContain(secret);
		assertThat(analysis.getAction()).doesNotContain(secret);
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
		}
	}

}
