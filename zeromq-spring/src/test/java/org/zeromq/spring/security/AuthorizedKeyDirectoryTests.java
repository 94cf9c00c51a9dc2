package org.zeromq.spring.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory of public certificates authorizes their keys, and is read again when it changes,
 * at most once a second: a client added or removed takes effect without a restart.
 */
class AuthorizedKeyDirectoryTests {

	private static final long SECOND = 1_000_000_000L;

	@TempDir
	Path directory;

	private final AtomicLong now = new AtomicLong();

	private final List<String> problems = new ArrayList<>();

	@Test
	void theKeysOfThePublicCertificatesAreAuthorizedAndSecretOnesAreSkipped() {
		CurveKeys.Certificates client = CurveKeyPairs.certificates(this.directory, "client");
		AuthorizedKeyDirectory keys = keys();
		assertThat(keys.contains(client.publicKey())).isTrue();
		assertThat(AuthorizedKeyDirectory.read(this.directory)).containsExactly(client.publicKey());
	}

	@Test
	void aClientAddedOrRemovedCountsFromTheNextLookAtTheDirectory() throws IOException {
		AuthorizedKeyDirectory keys = keys();
		CurveKeys.Certificates client = CurveKeyPairs.certificates(this.directory, "client");
		assertThat(keys.contains(client.publicKey())).as("within a second of the last look").isFalse();
		this.now.addAndGet(SECOND);
		assertThat(keys.contains(client.publicKey())).isTrue();
		Files.delete(client.publicCertificate());
		this.now.addAndGet(SECOND);
		assertThat(keys.contains(client.publicKey())).isFalse();
	}

	@Test
	void aFileThatIsNotACertificateIsLeftOutAndReported() throws IOException {
		CurveKeys.Certificates client = CurveKeyPairs.certificates(this.directory, "client");
		AuthorizedKeyDirectory keys = keys();
		Files.writeString(this.directory.resolve("broken.key"), "curve\n    public-key = \"short\"\n");
		this.now.addAndGet(SECOND);
		assertThat(keys.contains(client.publicKey())).isTrue();
		assertThat(this.problems).singleElement().asString().contains("broken.key").contains("is left out");
	}

	@Test
	void aDirectoryThatDisappearsAuthorizesNobody() throws IOException {
		CurveKeys.Certificates client = CurveKeyPairs.certificates(this.directory, "client");
		AuthorizedKeyDirectory keys = keys();
		Files.delete(client.publicCertificate());
		Files.delete(client.secretCertificate());
		Files.delete(this.directory);
		this.now.addAndGet(SECOND);
		assertThat(keys.contains(client.publicKey())).isFalse();
		assertThat(this.problems).singleElement().asString().contains("is gone");
	}

	private AuthorizedKeyDirectory keys() {
		return new AuthorizedKeyDirectory(this.directory, this.now::get, this.problems::add);
	}

}
