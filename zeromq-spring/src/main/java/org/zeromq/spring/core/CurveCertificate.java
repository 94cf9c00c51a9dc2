package org.zeromq.spring.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.zeromq.ZConfig;

/**
 * A CURVE certificate file as czmq writes it ({@code zcert_save}, {@code curve_keygen}) and
 * JeroMQ's {@code ZCert} too: ZPL text with {@code curve/public-key} and, in the secret
 * certificate only, {@code curve/secret-key}, each in Z85. Read with JeroMQ's {@code ZConfig},
 * since {@code ZCert} has no loader.
 * <p>
 * Certificates are files: a {@code file:} location or a plain path. Class path resources are
 * refused, since a secret key has no place inside the application's jar.
 *
 * @param location where it was read, as given
 * @param publicKey the public key, Z85
 * @param secretKey the secret key, Z85, present in a secret certificate only
 */
public record CurveCertificate(String location, String publicKey, Optional<String> secretKey) {

	private static final String FILE_PREFIX = "file:";

	/**
	 * Reads a certificate file. Messages name the file, never a key or a line of it.
	 * @throws IllegalArgumentException when there is no such file, or it is not a certificate
	 * with valid keys
	 */
	public static CurveCertificate read(String location) {
		Path path = path(location);
		if (!Files.isRegularFile(path)) {
			throw new IllegalArgumentException("there is no file " + path.toAbsolutePath());
		}
		if (!Files.isReadable(path)) {
			throw new IllegalArgumentException("the file " + path.toAbsolutePath() + " cannot be read");
		}
		ZConfig config;
		try {
			config = ZConfig.load(path.toString());
		}
		catch (ZConfig.ReadException ex) {
			// its message and currentLine repeat the line, which may hold the secret key
			throw new IllegalArgumentException(path.toAbsolutePath() + " is not a certificate: it is not ZPL, "
					+ "the text format czmq writes certificates in");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the file " + path.toAbsolutePath() + " cannot be read: "
					+ ex.getClass().getSimpleName());
		}
		String publicKey = config.getValue("curve/public-key");
		if (publicKey == null) {
			throw new IllegalArgumentException(path.toAbsolutePath() + " is not a CURVE certificate: it has no curve/public-key");
		}
		CurveKey.problem(publicKey).ifPresent((problem) -> {
			throw new IllegalArgumentException("the curve/public-key of " + path.toAbsolutePath() + " " + problem);
		});
		Optional<String> secretKey = Optional.ofNullable(config.getValue("curve/secret-key"));
		secretKey.flatMap(CurveKey::problem).ifPresent((problem) -> {
			throw new IllegalArgumentException("the curve/secret-key of " + path.toAbsolutePath() + " " + problem);
		});
		if (secretKey.isPresent() && !CurveKey.isPair(publicKey, secretKey.get())) {
			throw new IllegalArgumentException("in " + path.toAbsolutePath()
					+ ", curve/public-key is not the public key of curve/secret-key");
		}
		return new CurveCertificate(location, publicKey, secretKey);
	}

	/**
	 * Reads a secret certificate: one with both keys.
	 * @throws IllegalArgumentException as {@link #read} does, and when the file has no secret key
	 */
	public static CurveCertificate readSecret(String location) {
		CurveCertificate certificate = read(location);
		if (certificate.secretKey().isEmpty()) {
			throw new IllegalArgumentException(path(location).toAbsolutePath()
					+ " is a public certificate: it has no curve/secret-key (czmq names the secret one <name>_secret)");
		}
		return certificate;
	}

	/**
	 * The file a location names: {@code file:/etc/app/server.key_secret} or a plain path.
	 * @throws IllegalArgumentException for a class path or URL location
	 */
	public static Path path(String location) {
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("the location is empty; write it as file:/path/to/file");
		}
		String trimmed = location.trim();
		String lower = trimmed.toLowerCase(Locale.ROOT);
		if (lower.startsWith(FILE_PREFIX)) {
			trimmed = trimmed.substring(FILE_PREFIX.length());
			if (trimmed.startsWith("//")) {
				trimmed = trimmed.substring(2); // file:///etc/x is file:/etc/x
			}
		}
		else if (lower.startsWith("classpath")) {
			throw new IllegalArgumentException("'" + trimmed + "' is on the class path; keys must be files outside the "
					+ "application (file:/path/to/file), so that a secret key never ships inside a jar");
		}
		else if (lower.matches("[a-z][a-z0-9+.-]+:.*") && !lower.matches("[a-z]:[\\\\/].*")) {
			throw new IllegalArgumentException("'" + trimmed + "' is not a file location; write it as file:/path/to/file");
		}
		try {
			return Path.of(trimmed);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException("'" + trimmed + "' is not a file path; write it as file:/path/to/file");
		}
	}

	@Override
	public String toString() {
		return "CurveCertificate[" + this.location + ", public key " + this.publicKey
				+ (this.secretKey.isPresent() ? ", secret key ******]" : "]");
	}

}
