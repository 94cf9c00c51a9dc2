package org.zeromq.spring.security;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.zeromq.ZCert;
import org.zeromq.ZMQ;

/**
 * Makes CURVE key pairs, from the command line or from code:
 *
 * <pre>
 * java -cp jeromq.jar:jnacl.jar:zeromq-spring.jar org.zeromq.spring.security.CurveKeys
 * java -cp … org.zeromq.spring.security.CurveKeys --write /etc/myapp/keys server
 * </pre>
 *
 * The first prints a new pair in Z85; the second writes it as czmq does: {@code server.key},
 * the public certificate to hand to peers, and {@code server.key_secret}, the secret one, which
 * only its owner may read. libzmq's and czmq's tools, pyzmq's {@code zmq.auth} and JeroMQ read
 * both files, and so do the starter's {@code curve.certificate} settings.
 */
public final class CurveKeys {

	private static final String USAGE = """
			Usage: CurveKeys                      print a new CURVE key pair in Z85
			       CurveKeys --write <dir> <name>  write <dir>/<name>.key (public certificate) and
			                                       <dir>/<name>.key_secret (secret certificate, owner-only)""";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private CurveKeys() {
	}

	/**
	 * Prints a new key pair, or writes it as certificate files with {@code --write <dir> <name>}.
	 * Exits with status 2 on a usage error and 1 when the files cannot be written.
	 */
	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** {@link #main} without exiting: the exit status. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
			out.println("public-key: " + pair.publicKey);
			out.println("secret-key: " + pair.secretKey);
			out.println("# Give the public key to peers; keep the secret key secret (never in a repository or a log).");
			return 0;
		}
		if (args.length == 3 && args[0].equals("--write")) {
			try {
				Certificates written = write(Path.of(args[1]), args[2]);
				out.println("public-key: " + written.publicKey());
				out.println("wrote " + written.publicCertificate() + " (public: give it to peers)");
				out.println("wrote " + written.secretCertificate() + " (secret: readable by its owner only)");
				return 0;
			}
			catch (IllegalArgumentException | UncheckedIOException ex) {
				err.println(ex.getMessage());
				return 1;
			}
		}
		err.println(USAGE);
		return 2;
	}

	/**
	 * Writes a new key pair as czmq certificates {@code <name>.key} and {@code <name>.key_secret}
	 * in {@code directory}, which is created if missing. The secret one is readable by its owner
	 * only where the file system has POSIX permissions. Existing files are never overwritten.
	 * @throws IllegalArgumentException when the name is not a plain file name, or a file exists
	 * @throws UncheckedIOException when the files cannot be written
	 */
	public static Certificates write(Path directory, String name) {
		if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
			throw new IllegalArgumentException("'" + name + "' is not a plain file name: use letters, digits, '.', '_' "
					+ "and '-'");
		}
		ZCert certificate = new ZCert(ZMQ.Curve.generateKeyPair());
		Path publicFile = directory.resolve(name + ".key");
		Path secretFile = directory.resolve(name + ".key_secret");
		try {
			Files.createDirectories(directory);
			writeNew(secretFile, true, certificate::saveSecret);
			writeNew(publicFile, false, certificate::savePublic);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalArgumentException(ex.getFile() + " exists already; CurveKeys never overwrites a key");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the certificates to " + directory.toAbsolutePath(), ex);
		}
		return new Certificates(publicFile, secretFile, certificate.getPublicKeyAsZ85());
	}

	// The file is created with its permissions, so that a secret is never readable by others,
	// not even between its creation and a chmod.
	private static void writeNew(Path file, boolean secret, CertificateWriter content) throws IOException {
		boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
		FileAttribute<?>[] attributes = (secret && posix)
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) } : new FileAttribute<?>[0];
		Files.createFile(file, attributes);
		try (Writer writer = new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING),
				StandardCharsets.UTF_8)) {
			content.write(writer);
		}
	}

	@FunctionalInterface
	private interface CertificateWriter {

		void write(Writer writer) throws IOException;

	}

	/**
	 * The certificates of one key pair.
	 *
	 * @param publicCertificate {@code <name>.key}: the public key, for peers
	 * @param secretCertificate {@code <name>.key_secret}: both keys, for the socket's own
	 * {@code curve.certificate}
	 * @param publicKey the public key in Z85
	 */
	public record Certificates(Path publicCertificate, Path secretCertificate, String publicKey) {
	}

}
