package org.zeromq.spring.security;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.zeromq.spring.core.CurveCertificate;

/**
 * The CURVE keys authorized by a directory of public certificates, as czmq's certificate store
 * keeps them: one file per client, read again when the directory changes, so that adding or
 * removing a client's file takes effect at the next handshake without a restart. Files whose
 * names end in {@code _secret}, and hidden files, are skipped.
 * <p>
 * Used by the ZAP handler's thread only. A directory that disappears authorizes nobody, and a
 * file that cannot be read is left out and reported: the directory fails closed.
 */
final class AuthorizedKeyDirectory {

	// How often a lookup may look at the directory again; a handshake storm must not become a
	// storm of directory listings.
	private static final long RESCAN_NANOS = 1_000_000_000L;

	/** Files read at most, so that a directory of millions of files cannot stall the ZAP handler. */
	static final int MAX_FILES = 10_000;

	private final Path directory;

	private final LongSupplier clock;

	private final Consumer<String> problems;

	private Set<String> keys;

	private List<String> fingerprint;

	private long lastScan;

	/**
	 * @param directory the directory, which exists when this is created
	 * @param clock nanoseconds, for the rescan interval
	 * @param problems told about files that cannot be read, in words without keys
	 */
	AuthorizedKeyDirectory(Path directory, LongSupplier clock, Consumer<String> problems) {
		this.directory = directory;
		this.clock = clock;
		this.problems = problems;
		this.fingerprint = fingerprint(directory);
		this.keys = readLeniently();
		this.lastScan = clock.getAsLong();
	}

	/**
	 * The keys of every certificate in the directory, strictly: for the check at startup.
	 * @throws IllegalArgumentException naming the first file that is not a public certificate
	 */
	static Set<String> read(Path directory) {
		Set<String> keys = new HashSet<>();
		for (Path file : certificateFiles(directory)) {
			keys.add(CurveCertificate.read(file.toString()).publicKey());
		}
		return keys;
	}

	/** Whether a client's key, in Z85, is authorized by a certificate in the directory now. */
	boolean contains(String key) {
		long now = this.clock.getAsLong();
		if (now - this.lastScan >= RESCAN_NANOS) {
			this.lastScan = now;
			List<String> current = fingerprint(this.directory);
			if (!current.equals(this.fingerprint)) {
				this.fingerprint = current;
				this.keys = readLeniently();
			}
		}
		return this.keys.contains(key);
	}

	private Set<String> readLeniently() {
		if (!Files.isDirectory(this.directory)) {
			this.problems.accept("the directory of authorized keys " + this.directory.toAbsolutePath()
					+ " is gone: no CURVE client is authorized by it until it is back");
			return Set.of();
		}
		Set<String> read = new HashSet<>();
		for (Path file : certificateFiles(this.directory)) {
			try {
				read.add(CurveCertificate.read(file.toString()).publicKey());
			}
			catch (IllegalArgumentException ex) {
				this.problems.accept("a file in the directory of authorized keys is left out: " + ex.getMessage());
			}
		}
		return Collections.unmodifiableSet(read);
	}

	// Names, sizes and modification times: a file that is added, removed or rewritten changes it.
	private static List<String> fingerprint(Path directory) {
		List<String> fingerprint = new ArrayList<>();
		for (Path file : certificateFiles(directory)) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				fingerprint.add(file.getFileName() + "/" + attributes.size() + "/" + attributes.lastModifiedTime().toMillis());
			}
			catch (IOException ex) {
				fingerprint.add(file.getFileName() + "/unreadable");
			}
		}
		Collections.sort(fingerprint);
		return fingerprint;
	}

	private static List<Path> certificateFiles(Path directory) {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return files;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!name.startsWith(".") && !name.endsWith("_secret") && Files.isRegularFile(entry)) {
					files.add(entry);
					if (files.size() >= MAX_FILES) {
						break;
					}
				}
			}
		}
		catch (IOException ex) {
			return files;
		}
		return files;
	}

}
