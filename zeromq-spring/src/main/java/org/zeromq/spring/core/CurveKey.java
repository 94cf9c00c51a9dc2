package org.zeromq.spring.core;

import java.security.MessageDigest;
import java.util.Optional;

import com.neilalexander.jnacl.crypto.curve25519xsalsa20poly1305;
import org.zeromq.ZMQ;

/**
 * CURVE keys as ZeroMQ writes them: 32 bytes in Z85 text, 40 characters (RFC 32). Checks a key
 * before JeroMQ sees it, because JeroMQ takes any 40 characters and decodes text outside the
 * Z85 alphabet into a different key without a word, so that a typo would only show as
 * handshakes that never succeed.
 * <p>
 * Nothing here puts a key into a message: a secret key must not reach a log through an
 * exception, and a public key pasted into the wrong setting might be a secret one.
 */
public final class CurveKey {

	/** Characters of a key in Z85 text. */
	public static final int LENGTH = 40;

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

	private CurveKey() {
	}

	/**
	 * What is wrong with {@code z85} as a CURVE key, in words that do not repeat it; empty when
	 * it is a key.
	 */
	public static Optional<String> problem(String z85) {
		if (z85 == null || z85.isEmpty()) {
			return Optional.of("is empty");
		}
		if (z85.length() != LENGTH) {
			return Optional.of("must be " + LENGTH + " characters of Z85 text, not " + z85.length());
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(z85.charAt(i)) < 0) {
				return Optional.of("has a character at position " + (i + 1) + " that is not in the Z85 alphabet");
			}
		}
		// Five characters encode four bytes; some combinations exceed them and decode to garbage.
		for (int block = 0; block < LENGTH; block += 5) {
			long value = 0;
			for (int i = block; i < block + 5; i++) {
				value = value * 85 + ALPHABET.indexOf(z85.charAt(i));
			}
			if (value > 0xFFFF_FFFFL) {
				return Optional.of("is not valid Z85: characters " + (block + 1) + " to " + (block + 5)
						+ " encode more than four bytes");
			}
		}
		return Optional.empty();
	}

	/** Whether {@code z85} is a CURVE key in Z85 text. */
	public static boolean isValid(String z85) {
		return problem(z85).isEmpty();
	}

	/**
	 * The 32 bytes of a key.
	 * @throws IllegalArgumentException when it is not a key, without repeating it
	 */
	public static byte[] decode(String z85) {
		Optional<String> problem = problem(z85);
		if (problem.isPresent()) {
			throw new IllegalArgumentException("The CURVE key " + problem.get());
		}
		return ZMQ.Curve.z85Decode(z85);
	}

	/** The public key that belongs to a secret key, both in Z85 text. */
	public static String publicKeyOf(String secretKey) {
		byte[] publicKey = new byte[ZMQ.Curve.KEY_SIZE];
		curve25519xsalsa20poly1305.crypto_box_getpublickey(publicKey, decode(secretKey));
		return ZMQ.Curve.z85Encode(publicKey);
	}

	/**
	 * Whether {@code publicKey} is the public key of {@code secretKey}; compared in constant time,
	 * since the secret key is one side of it.
	 */
	public static boolean isPair(String publicKey, String secretKey) {
		return MessageDigest.isEqual(decode(publicKey),
				ZMQ.Curve.z85Decode(publicKeyOf(secretKey)));
	}

}
