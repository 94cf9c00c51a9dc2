package org.zeromq.spring.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A ZAP policy is checked whole when it is built: every problem is reported with its setting,
 * and no message repeats a key or a password.
 */
class ZapPolicyTests {

	@TempDir
	Path directory;

	@Test
	void theEmptyPolicyLetsNoCurveOrPlainClientIn() {
		assertThat(ZapPolicy.NONE.authorizesCurveClients()).isFalse();
		assertThat(ZapPolicy.NONE.authorizesPlainClients()).isFalse();
		assertThat(ZapPolicy.NONE.filtersAddresses()).isFalse();
	}

	@Test
	void malformedAuthorizedKeysAreReportedByIndexWithoutTheKey() {
		String truncated = CurveKeyPairs.CLIENT.publicKey.substring(1);
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().curveKeys(List.of(CurveKeyPairs.CLIENT.publicKey, truncated)).build())
			.satisfies((ex) -> assertThat(ex.violations()).extracting(PolicyViolation::setting, PolicyViolation::problem)
				.containsExactly(tuple("curve.authorized-keys[1]", "the key must be 40 characters of Z85 text, not 39")))
			.withMessageNotContaining(truncated);
	}

	@Test
	void aKeyDirectoryThatDoesNotExistIsRefusedRatherThanCreated() {
		Path missing = this.directory.resolve("clients");
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().curveKeyDirectory("file:" + missing).build())
			.satisfies((ex) -> assertThat(ex.violations()).extracting(PolicyViolation::setting, PolicyViolation::problem)
				.containsExactly(tuple("curve.authorized-keys-location", "there is no directory " + missing.toAbsolutePath())));
		assertThat(missing).doesNotExist();
	}

	@Test
	void aKeyDirectoryWithAFileThatIsNotACertificateIsRefusedNamingTheFile() throws IOException {
		Files.writeString(this.directory.resolve("notes.txt"), "not a certificate\n");
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().curveKeyDirectory(this.directory.toString()).build())
			.withMessageContaining("notes.txt");
	}

	@Test
	void allowAnyTogetherWithAuthorizedKeysIsRefused() {
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().allowAnyCurveClient(true)
				.curveKeys(List.of(CurveKeyPairs.CLIENT.publicKey)).build())
			.satisfies((ex) -> assertThat(ex.violations()).extracting(PolicyViolation::setting)
				.containsExactly("curve.allow-any"));
	}

	@Test
	void addressesMustBeIpAddressesAndAreComparedInOneForm() {
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().allow(List.of("localhost", "10.0.0.256")).deny(List.of("10.0.0.0/8")).build())
			.satisfies((ex) -> assertThat(ex.violations()).extracting(PolicyViolation::setting)
				.containsExactly("allow[0]", "allow[1]", "deny[0]"));
		ZapPolicy policy = ZapPolicy.builder().allow(List.of("127.0.0.1", "[::1]")).build();
		assertThat(policy.allow()).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(ZapPolicy.normalizeAddress("0:0:0:0:0:0:0:1")).isEqualTo(ZapPolicy.normalizeAddress("::1"));
	}

	@Test
	void usersComeFromTheMapAndThePasswordsFileAndNoPasswordIsShown() throws IOException {
		Path file = this.directory.resolve("passwords.properties");
		Files.writeString(file, "bob=b0b-password\n");
		ZapPolicy policy = ZapPolicy.builder().plainUsers(Map.of("alice", "al1ce-password")).plainPasswordsFile("file:" + file)
			.build();
		assertThat(policy.plainUserNames()).containsExactlyInAnyOrder("alice", "bob");
		assertThat(policy.plainPassword("bob")).contains("b0b-password");
		assertThat(policy.toString()).doesNotContain("b0b-password").doesNotContain("al1ce-password");
	}

	@Test
	void plainUsersLongerThanJeroMqsPlainServerReadsAreRefusedWithoutThePassword() throws IOException {
		String longestName = "n".repeat(127);
		String longestPassword = "p".repeat(127);
		assertThat(ZapPolicy.builder().plainUsers(Map.of(longestName, longestPassword)).build().plainPassword(longestName))
			.contains(longestPassword);
		Path file = this.directory.resolve("passwords.properties");
		Files.writeString(file, "carol=" + "c".repeat(128) + "\n");
		Map<String, String> users = new java.util.LinkedHashMap<>();
		users.put("n".repeat(128), "secret");
		users.put("bob", "é".repeat(64));
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().plainUsers(users).plainPasswordsFile("file:" + file).build())
			.satisfies((ex) -> assertThat(ex.violations()).extracting(PolicyViolation::setting, PolicyViolation::problem)
				.containsExactly(
						tuple("plain.passwords-file", "the password of carol must have at most 127 bytes in UTF-8, since "
								+ "JeroMQ's PLAIN server cannot read longer ones"),
						tuple("plain.users", "a user name must have 1 to 127 bytes in UTF-8, since JeroMQ's PLAIN "
								+ "server cannot read longer ones"),
						tuple("plain.users.bob", "the password of bob must have at most 127 bytes in UTF-8, since "
								+ "JeroMQ's PLAIN server cannot read longer ones")))
			.withMessageNotContaining("c".repeat(128))
			.withMessageNotContaining("é");
	}

	@Test
	void aMissingOrEmptyPasswordsFileIsRefused() throws IOException {
		Path missing = this.directory.resolve("missing.properties");
		Path empty = Files.createFile(this.directory.resolve("empty.properties"));
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().plainPasswordsFile(missing.toString()).build())
			.withMessageContaining("there is no readable file " + missing.toAbsolutePath());
		assertThatExceptionOfType(InvalidZapPolicyException.class)
			.isThrownBy(() -> ZapPolicy.builder().plainPasswordsFile(empty.toString()).build())
			.withMessageContaining("has no name=password line");
	}

}
