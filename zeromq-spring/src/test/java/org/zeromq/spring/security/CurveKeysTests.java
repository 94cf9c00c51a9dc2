package org.zeromq.spring.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZConfig;
import org.zeromq.spring.core.CurveCertificate;
import org.zeromq.spring.core.CurveKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The key tool prints a new pair, or writes it as czmq certificates that JeroMQ and the
 * starter read back, the secret one readable by its owner only, and never overwrites a key.
 */
class CurveKeysTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void withoutArgumentsItPrintsANewKeyPairInZ85() {
		assertThat(run()).isZero();
		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).startsWith("public-key: ");
		assertThat(lines.get(1)).startsWith("secret-key: ");
		String publicKey = lines.get(0).substring("public-key: ".length());
		String secretKey = lines.get(1).substring("secret-key: ".length());
		assertThat(CurveKey.isValid(publicKey)).isTrue();
		assertThat(CurveKey.publicKeyOf(secretKey)).isEqualTo(publicKey);
		run();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).as("a new pair each time")
			.containsOnlyOnce(publicKey);
	}

	@Test
	void itWritesAPublicAndASecretCertificateThatReadBackAsOnePair() throws IOException {
		assertThat(run("--write", this.directory.toString(), "server")).isZero();
		Path publicFile = this.directory.resolve("server.key");
		Path secretFile = this.directory.resolve("server.key_secret");
		CurveCertificate secret = CurveCertificate.readSecret(secretFile.toString());
		assertThat(CurveCertificate.read(publicFile.toString()).publicKey()).isEqualTo(secret.publicKey());
		assertThat(CurveCertificate.read(publicFile.toString()).secretKey()).isEmpty();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("public-key: " + secret.publicKey())
			.doesNotContain(secret.secretKey().orElseThrow());
		// the format czmq reads: the keys under curve, as JeroMQ's own ZConfig sees them
		ZConfig config = ZConfig.load(secretFile.toString());
		assertThat(config.getValue("curve/public-key")).isEqualTo(secret.publicKey());
		assertThat(Files.readString(publicFile)).doesNotContain("secret-key");
	}

	@Test
	void theSecretCertificateIsReadableByItsOwnerOnly() throws IOException {
		assumeThat(Files.getFileStore(this.directory).supportsFileAttributeView("posix")).isTrue();
		CurveKeys.Certificates written = CurveKeys.write(this.directory, "client");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.secretCertificate())))
			.isEqualTo("rw-------");
	}

	@Test
	void itNeverOverwritesAKey() throws IOException {
		CurveKeys.Certificates first = CurveKeys.write(this.directory, "server");
		String before = Files.readString(first.secretCertificate());
		assertThat(run("--write", this.directory.toString(), "server")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("exists already");
		assertThat(Files.readString(first.secretCertificate())).isEqualTo(before);
	}

	@Test
	void aNameThatIsNotAPlainFileNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CurveKeys.write(this.directory, "../outside"))
			.withMessageContaining("is not a plain file name");
		assertThat(this.directory.getParent().resolve("outside.key")).doesNotExist();
	}

	@Test
	void otherArgumentsPrintTheUsage() {
		assertThat(run("--write", "only-a-directory")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Usage: CurveKeys");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void theMainClassRunsAsTheDocumentedCommand() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				CurveKeys.class.getName(), "--write", this.directory.toString(), "node")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the tool exits").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("wrote " + this.directory.resolve("node.key_secret"));
		assertThat(CurveCertificate.readSecret(this.directory.resolve("node.key_secret").toString()).publicKey())
			.isEqualTo(CurveCertificate.read(this.directory.resolve("node.key").toString()).publicKey());
	}

	private int run(String... args) {
		return CurveKeys.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
