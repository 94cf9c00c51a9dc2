package org.zeromq.spring.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ZAP decisions, without sockets: the address first, then the mechanism's credentials; a
 * request the policy does not cover is refused.
 */
class ZapAuthenticatorTests {

	private final List<String> problems = new ArrayList<>();

	@Test
	void aCurveClientIsLetInByItsAuthorizedKeyOnly() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().curveKeys(List.of(CurveKeyPairs.CLIENT.publicKey)));
		ZapDecision known = authenticator.decide(curve(CurveKeyPairs.CLIENT.publicKey));
		ZapDecision stranger = authenticator.decide(curve(CurveKeyPairs.STRANGER.publicKey));
		assertThat(known.status()).isEqualTo(200);
		assertThat(known.userId()).isEqualTo(CurveKeyPairs.CLIENT.publicKey);
		assertThat(stranger.status()).isEqualTo(400);
		assertThat(stranger.reason()).isEqualTo("its public key " + CurveKeyPairs.STRANGER.publicKey + " is not authorized");
	}

	@Test
	void allowAnyLetsEveryCurveClientIn() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().allowAnyCurveClient(true));
		assertThat(authenticator.decide(curve(CurveKeyPairs.STRANGER.publicKey)).allowed()).isTrue();
	}

	@Test
	void aPlainClientIsLetInByItsNameAndPasswordOnly() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().plainUsers(Map.of("alice", "secret")));
		assertThat(authenticator.decide(plain("alice", "secret")).userId()).isEqualTo("alice");
		assertThat(authenticator.decide(plain("alice", "Secret")).reason())
			.isEqualTo("the password of PLAIN user 'alice' is wrong");
		assertThat(authenticator.decide(plain("mallory", "secret")).reason()).isEqualTo("there is no PLAIN user 'mallory'");
		assertThat(authenticator.decide(plain("alice", "Secret")).toString()).doesNotContain("Secret");
	}

	@Test
	void aDeniedAddressIsRefusedWhateverItsCredentials() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().allowAnyCurveClient(true).deny(List.of("127.0.0.1")));
		assertThat(authenticator.decide(curve(CurveKeyPairs.CLIENT.publicKey)).reason())
			.isEqualTo("its address is on the deny list");
		assertThat(authenticator.decide(new ZapRequest("x", "127.0.0.1", "NULL", List.of())).allowed()).isFalse();
	}

	@Test
	void withAnAllowListOnlyThoseAddressesGetIn() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().allow(List.of("10.1.2.3")));
		assertThat(authenticator.decide(new ZapRequest("x", "127.0.0.1", "NULL", List.of())).reason())
			.isEqualTo("its address is not on the allow list");
		assertThat(authenticator.decide(new ZapRequest("x", "10.1.2.3", "NULL", List.of())).allowed()).isTrue();
	}

	@Test
	void anUnknownMechanismOrMalformedCredentialsAreRefused() {
		ZapAuthenticator authenticator = authenticator(ZapPolicy.builder().allowAnyCurveClient(true));
		assertThat(authenticator.decide(new ZapRequest("x", "127.0.0.1", "GSSAPI", List.of())).allowed()).isFalse();
		assertThat(authenticator.decide(new ZapRequest("x", "127.0.0.1", "CURVE", List.of(new byte[31]))).allowed())
			.isFalse();
		assertThat(authenticator.decide(new ZapRequest("x", "127.0.0.1", "PLAIN", List.of(new byte[1]))).allowed())
			.isFalse();
	}

	@Test
	void textFromAPeerIsMadePrintableAndShortBeforeItIsLogged() {
		assertThat(ZapAuthenticator.printable("bob\nERROR forged line")).isEqualTo("bob?ERROR forged line");
		assertThat(ZapAuthenticator.printable("a\u202Eb")).isEqualTo("a?b");
		assertThat(ZapAuthenticator.printable("x".repeat(100))).hasSize(65).endsWith("…");
	}

	private ZapAuthenticator authenticator(ZapPolicy.Builder policy) {
		return new ZapAuthenticator(policy.build(), System::nanoTime, this.problems::add);
	}

	private static ZapRequest curve(String publicKey) {
		return new ZapRequest("hello", "127.0.0.1", "CURVE", List.of(ZMQ.Curve.z85Decode(publicKey)));
	}

	private static ZapRequest plain(String user, String password) {
		return new ZapRequest("hello", "127.0.0.1", "PLAIN",
				List.of(user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)));
	}

}
