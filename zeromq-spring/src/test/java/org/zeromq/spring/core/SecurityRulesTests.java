package org.zeromq.spring.core;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A socket's CURVE or PLAIN settings must be complete and consistent before anything opens:
 * each gap JeroMQ would only show as failing handshakes, or as no security at all, is a
 * violation naming the setting and its fix, and no violation repeats a key or a password.
 */
class SecurityRulesTests {

	private static final String SERVER_SECRET = CurveKeyPairs.SERVER.secretKey;

	private final SocketSpecValidator validator = new SocketSpecValidator();

	@TempDir
	Path keys;

	@Test
	void aCompleteCurveServerAndClientAreValid() {
		assertThat(this.validator.validate(curveServer())).isEmpty();
		assertThat(this.validator.validate(curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey,
				CurveKeyPairs.SERVER.publicKey))).isEmpty();
	}

	@Test
	void serverSetToFalseAloneAsksForNoSecurityAndIsValid() {
		SocketSpec notCurve = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, false));
		SocketSpec notPlain = bind("hello", SocketOptions.builder().set(SocketOption.PLAIN_SERVER, false));
		assertThat(this.validator.validate(notCurve)).isEmpty();
		assertThat(this.validator.validate(notPlain)).isEmpty();
		assertThat(HandshakeSecurity.of(notCurve).isSecured()).isFalse();
	}

	@Test
	void aCurveServerWithoutItsSecretKeyIsToldToSetItOrACertificate() {
		SocketSpec server = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true));
		assertThat(this.validator.validate(server)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("curve.server");
			assertThat(violation.problem()).isEqualTo("a CURVE server needs its secret key");
			assertThat(violation.remedies()).containsExactly(Remedy.change("curve.secret-key", "<the server's secret key>"),
					Remedy.change("curve.certificate", "file:/path/to/name.key_secret"));
		});
	}

	@Test
	void aCurveClientWithoutTheServerKeyIsToldToSetIt() {
		SocketSpec client = curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey, null);
		assertThat(this.validator.validate(client)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("curve.server-key");
			assertThat(violation.problem()).isEqualTo("a CURVE client needs the server's public key to connect with");
		});
	}

	@Test
	void aCurveClientWithOnlyTheServerKeyIsToldItNeedsAKeyPairOfItsOwn() {
		SocketSpec client = curveClient(null, null, CurveKeyPairs.SERVER.publicKey);
		assertThat(this.validator.validate(client)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("curve.secret-key", "a CURVE client needs a key pair of its own, which the server knows it by"));
	}

	@Test
	void aPublicKeyThatIsNotTheSecretKeysIsRefusedWithoutShowingEitherKey() {
		SocketSpec client = curveClient(CurveKeyPairs.STRANGER.publicKey, CurveKeyPairs.CLIENT.secretKey,
				CurveKeyPairs.SERVER.publicKey);
		assertThat(this.validator.validate(client)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("curve.public-key");
			assertThat(violation.problem()).isEqualTo("curve.public-key is not the public key of curve.secret-key");
			assertThat(violation.toString()).doesNotContain(CurveKeyPairs.CLIENT.secretKey)
				.doesNotContain(CurveKeyPairs.STRANGER.publicKey);
		});
	}

	@Test
	void aMalformedKeyIsRefusedByItsRangeWithoutRepeatingIt() {
		String truncated = SERVER_SECRET.substring(0, 39);
		SocketSpec server = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
			.set(SocketOption.CURVE_SECRET_KEY, truncated));
		assertThat(this.validator.validate(server)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("curve.secret-key");
			assertThat(violation.problem()).isEqualTo("must be 40 characters of Z85 text, not 39");
			assertThat(violation.toString()).doesNotContain(truncated);
		});
	}

	@Test
	void aSecuredSocketOnInprocIsRefusedSinceInprocHasNoHandshake() {
		SocketSpec server = new SocketSpec("hello", ZmqSocketType.REP, List.of("inproc://hello"), List.of(), List.of(),
				curveServer().options(), null);
		assertThat(this.validator.validate(server)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("bind");
			assertThat(violation.problem()).startsWith("inproc has no security handshake: the CURVE settings would not "
					+ "apply to inproc://hello");
		});
	}

	@Test
	void curveAndPlainOnOneSocketAreRefused() {
		SocketSpec both = bind("hello", curveServer().options().toBuilder().set(SocketOption.PLAIN_SERVER, true));
		assertThat(this.validator.validate(both)).extracting(SpecViolation::setting).containsExactly("plain.server");
	}

	@Test
	void aCertificateAndInlineKeysTogetherAreRefused() {
		CurveKeys.Certificates certificates = CurveKeyPairs.certificates(this.keys, "server");
		SocketSpec server = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
			.set(SocketOption.CURVE_CERTIFICATE, "file:" + certificates.secretCertificate())
			.set(SocketOption.CURVE_SECRET_KEY, SERVER_SECRET));
		assertThat(this.validator.validate(server)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("curve.secret-key",
					"curve.certificate already gives secret-key, so curve.secret-key must not be set too"));
	}

	@Test
	void aCertificateThatIsMissingOrPublicIsRefusedNamingTheFile() {
		CurveKeys.Certificates certificates = CurveKeyPairs.certificates(this.keys, "server");
		Path missing = this.keys.resolve("missing.key_secret");
		SocketSpec withMissing = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
			.set(SocketOption.CURVE_CERTIFICATE, "file:" + missing));
		SocketSpec withPublic = bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
			.set(SocketOption.CURVE_CERTIFICATE, certificates.publicCertificate().toString()));
		assertThat(this.validator.validate(withMissing)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("curve.certificate", "there is no file " + missing.toAbsolutePath()));
		assertThat(this.validator.validate(withPublic)).extracting(SpecViolation::setting)
			.containsExactly("curve.certificate");
	}

	@Test
	void aServerCertificateThatIsMissingIsRefused() {
		Path missing = this.keys.resolve("server.key");
		SocketSpec client = connect("client", SocketOptions.builder()
			.set(SocketOption.CURVE_PUBLIC_KEY, CurveKeyPairs.CLIENT.publicKey)
			.set(SocketOption.CURVE_SECRET_KEY, CurveKeyPairs.CLIENT.secretKey)
			.set(SocketOption.CURVE_SERVER_CERTIFICATE, missing.toString()));
		assertThat(this.validator.validate(client)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("curve.server-certificate", "there is no file " + missing.toAbsolutePath()));
	}

	@Test
	void aServerKeyOnACurveServerIsAClientsSetting() {
		SocketSpec server = bind("hello", curveServer().options().toBuilder()
			.set(SocketOption.CURVE_SERVER_KEY, CurveKeyPairs.SERVER.publicKey));
		assertThat(this.validator.validate(server)).extracting(SpecViolation::setting).containsExactly("curve.server-key");
	}

	@Test
	void aPlainServerTakesNoCredentialsAndAPlainClientNeedsBoth() {
		SocketSpec server = bind("hello", SocketOptions.builder().set(SocketOption.PLAIN_SERVER, true)
			.set(SocketOption.PLAIN_PASSWORD, "hunter2"));
		SocketSpec client = connect("client", SocketOptions.builder().set(SocketOption.PLAIN_USERNAME, "admin"));
		assertThat(this.validator.validate(server)).extracting(SpecViolation::setting).containsExactly("plain.password");
		assertThat(this.validator.validate(client)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("plain.password", "a PLAIN client needs both plain.username and plain.password"));
		assertThat(this.validator.validate(server).toString()).doesNotContain("hunter2");
	}

	@Test
	void aCurveSocketsIdentityMustFitTheMetadataBufferJeroMqBuildsTheHandshakeIn() {
		SocketSpec dealer = SocketSpec.connect("client", ZmqSocketType.DEALER, "tcp://127.0.0.1:5555")
			.withOptions(curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey,
					CurveKeyPairs.SERVER.publicKey).options());
		assertThat(this.validator.validate(withIdentity(dealer, 221))).isEmpty();
		assertThat(this.validator.validate(withIdentity(dealer, 222))).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(tuple("identity", "a CURVE DEALER sends its identity in the handshake's 256 bytes of "
					+ "metadata, where JeroMQ has room for 221 bytes of it, not 222"));
		SocketSpec req = curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey,
				CurveKeyPairs.SERVER.publicKey);
		assertThat(this.validator.validate(withIdentity(req, 224))).isEmpty();
		assertThat(this.validator.validate(withIdentity(req, 225))).extracting(SpecViolation::setting)
			.containsExactly("identity");
		SocketSpec router = SocketSpec.bind("hello", ZmqSocketType.ROUTER, "tcp://127.0.0.1:*")
			.withOptions(curveServer().options());
		assertThat(this.validator.validate(withIdentity(router, 222))).extracting(SpecViolation::setting)
			.containsExactly("identity");
		SocketSpec plainDealer = SocketSpec.connect("client", ZmqSocketType.DEALER, "tcp://127.0.0.1:5555");
		assertThat(this.validator.validate(withIdentity(plainDealer, 255))).as("without CURVE").isEmpty();
	}

	@Test
	void aZapDomainOnAClientHasNoEffect() {
		SocketSpec client = curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey,
				CurveKeyPairs.SERVER.publicKey);
		SocketSpec withDomain = client.withOptions(client.options().toBuilder().set(SocketOption.ZAP_DOMAIN, "x").build());
		assertThat(this.validator.validate(withDomain)).extracting(SpecViolation::setting).containsExactly("zap-domain");
	}

	@Test
	void secretsAreMaskedWhereOptionsAreShown() {
		SocketSpec client = connect("client", SocketOptions.builder().set(SocketOption.PLAIN_USERNAME, "admin")
			.set(SocketOption.PLAIN_PASSWORD, "hunter2"));
		SocketSpec server = curveServer();
		assertThat(client.toString()).contains("plain.username=admin").contains("plain.password=******")
			.doesNotContain("hunter2");
		assertThat(server.toString()).contains("curve.secret-key=******").doesNotContain(SERVER_SECRET);
		assertThat(SocketOption.values().stream().filter(SocketOption::isSecret).map(SocketOption::key))
			.containsExactly("curve.secret-key", "plain.password");
	}

	@Test
	void aFactoryWithoutAZapHandlerRefusesEverySocketThatWouldAskOne() {
		try (ZContext context = new ZContext(1)) {
			ZmqSocketFactory factory = new ZmqSocketFactory(context, new SocketConfigurer(ContextSettings.DEFAULTS));
			SocketSpec server = curveServer();
			assertThat(factory.check(server)).singleElement().satisfies((violation) -> {
				assertThat(violation.setting()).isEqualTo("curve.server");
				assertThat(violation.problem()).contains("this socket factory runs none: JeroMQ would then let every peer in");
			});
			assertThatExceptionOfType(InvalidSocketSpecException.class).isThrownBy(() -> factory.create(server));
			assertThatExceptionOfType(InvalidSocketSpecException.class)
				.isThrownBy(() -> new ZmqSocketRegistry(factory, List.of(server)));
			SocketSpec withDomain = bind("plain", SocketOptions.builder().set(SocketOption.ZAP_DOMAIN, "x"));
			assertThat(factory.check(withDomain)).extracting(SpecViolation::setting).containsExactly("zap-domain");
			assertThat(factory.check(curveClient(CurveKeyPairs.CLIENT.publicKey, CurveKeyPairs.CLIENT.secretKey,
					CurveKeyPairs.SERVER.publicKey))).as("a client asks no ZAP handler").isEmpty();
		}
	}

	private static SocketSpec withIdentity(SocketSpec spec, int bytes) {
		return spec.withOptions(spec.options().toBuilder().set(SocketOption.IDENTITY, "i".repeat(bytes)).build());
	}

	private static SocketSpec curveServer() {
		return bind("hello", SocketOptions.builder().set(SocketOption.CURVE_SERVER, true)
			.set(SocketOption.CURVE_SECRET_KEY, SERVER_SECRET));
	}

	private static SocketSpec curveClient(String publicKey, String secretKey, String serverKey) {
		return connect("client", SocketOptions.builder().set(SocketOption.CURVE_PUBLIC_KEY, publicKey)
			.set(SocketOption.CURVE_SECRET_KEY, secretKey)
			.set(SocketOption.CURVE_SERVER_KEY, serverKey));
	}

	private static SocketSpec bind(String name, SocketOptions.Builder options) {
		return SocketSpec.bind(name, ZmqSocketType.REP, "tcp://127.0.0.1:*").withOptions(options.build());
	}

	private static SocketSpec connect(String name, SocketOptions.Builder options) {
		return SocketSpec.connect(name, ZmqSocketType.REQ, "tcp://127.0.0.1:5555").withOptions(options.build());
	}

}
