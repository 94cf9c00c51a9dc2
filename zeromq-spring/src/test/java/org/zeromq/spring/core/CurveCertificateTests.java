package org.zeromq.spring.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;
import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * czmq certificate files are read with JeroMQ's ZConfig: the secret one gives both keys, the
 * public one only its public key, and a file that is missing or wrong is refused naming the file
 * and never a key.
 */
class CurveCertificateTests {

	@TempDir
	Path directory;

	@Test
	void aSecretCertificateGivesBothKeysOfItsPair() {
		CurveKeys.Certificates written = CurveKeyPairs.certificates(this.directory, "server");
		CurveCertificate certificate = CurveCertificate.readSecret("file:" + written.secretCertificate());
		assertThat(certificate.publicKey()).isEqualTo(written.publicKey());
		assertThat(CurveKey.publicKeyOf(certificate.secretKey().orElseThrow())).isEqualTo(written.publicKey());
		assertThat(certificate.toString()).doesNotContain(certificate.secretKey().get()).contains("secret key ******");
	}

	@Test
	void aPublicCertificateGivesThePublicKeyOnly() {
		CurveKeys.Certificates written = CurveKeyPairs.certificates(this.directory, "server");
		CurveCertificate certificate = CurveCertificate.read(written.publicCertificate().toString());
		assertThat(certificate.publicKey()).isEqualTo(written.publicKey());
		assertThat(certificate.secretKey()).isEmpty();
	}

	@Test
	void aPublicCertificateWhereTheSecretOneIsNeededIsRefusedNamingTheSecretOnesName() {
		CurveKeys.Certificates written = CurveKeyPairs.certificates(this.directory, "server");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.readSecret(written.publicCertificate().toString()))
			.withMessageContaining("is a public certificate: it has no curve/secret-key")
			.withMessageContaining("_secret");
	}

	@Test
	void aCertificateJeromqsZcertWroteIsRead() throws IOException {
		ZCert cert = new ZCert();
		Path file = this.directory.resolve("jeromq.key_secret");
		cert.saveSecret(file.toString());
		assertThat(CurveCertificate.readSecret(file.toString()).publicKey()).isEqualTo(cert.getPublicKeyAsZ85());
	}

	@Test
	void aMissingFileIsRefusedWithItsPath() {
		Path missing = this.directory.resolve("nowhere.key_secret");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.read("file:" + missing))
			.withMessage("there is no file " + missing.toAbsolutePath());
	}

	@Test
	void aFileThatIsNotZplIsRefusedWithoutQuotingIt() throws IOException {
		Path file = this.directory.resolve("broken.key_secret");
		String secret = CurveKeyPairs.CLIENT.secretKey;
		// twelve spaces are three levels down: not ZPL
		Files.writeString(file, "curve\n            secret-key = \"" + secret + "\"\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.read(file.toString()))
			.withMessageContaining("is not a certificate")
			.withMessageNotContaining(secret);
	}

	@Test
	void aCertificateWithAMalformedSecretKeyIsRefusedWithoutQuotingIt() throws IOException {
		Path file = this.directory.resolve("short.key_secret");
		String secret = CurveKeyPairs.CLIENT.secretKey.substring(1);
		Files.writeString(file, "curve\n    public-key = \"" + CurveKeyPairs.CLIENT.publicKey + "\"\n    secret-key = \""
				+ secret + "\"\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.read(file.toString()))
			.withMessageContaining("the curve/secret-key of " + file.toAbsolutePath() + " must be 40 characters")
			.withMessageNotContaining(secret);
	}

	@Test
	void aCertificateWhoseKeysAreNotOnePairIsRefused() throws IOException {
		Path file = this.directory.resolve("mixed.key_secret");
		Files.writeString(file, "curve\n    public-key = \"" + CurveKeyPairs.SERVER.publicKey + "\"\n    secret-key = \""
				+ CurveKeyPairs.CLIENT.secretKey + "\"\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.read(file.toString()))
			.withMessageContaining("curve/public-key is not the public key of curve/secret-key");
	}

	@Test
	void aClassPathLocationIsRefusedSinceSecretKeysDoNotBelongInAJar() {
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.path("classpath:keys/server.key_secret"))
			.withMessageContaining("is on the class path");
		assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificate.path("https://example.org/server.key"))
			.withMessageContaining("is not a file location");
	}

	@Test
	void fileLocationsAndPlainPathsNameTheSameFile() {
		assertThat(CurveCertificate.path("file:/etc/app/server.key")).isEqualTo(Path.of("/etc/app/server.key"));
		assertThat(CurveCertificate.path("file:///etc/app/server.key")).isEqualTo(Path.of("/etc/app/server.key"));
		assertThat(CurveCertificate.path("/etc/app/server.key")).isEqualTo(Path.of("/etc/app/server.key"));
		assertThat(CurveCertificate.path("keys/server.key")).isEqualTo(Path.of("keys/server.key"));
	}

}
