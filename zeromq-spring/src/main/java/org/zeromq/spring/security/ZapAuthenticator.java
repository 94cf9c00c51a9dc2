package org.zeromq.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.zeromq.ZMQ;

/**
 * Decides ZAP requests by a {@link ZapPolicy}: first the peer's address (allow, then deny), then
 * its credentials for the mechanism. Confined to the ZAP handler's thread.
 */
final class ZapAuthenticator {

	private static final int MAX_NAME_IN_LOG = 64;

	private final ZapPolicy policy;

	private final Optional<AuthorizedKeyDirectory> directory;

	/**
	 * @param policy who is let in
	 * @param clock nanoseconds, for rereading the key directory
	 * @param problems told about key files that cannot be read
	 */
	ZapAuthenticator(ZapPolicy policy, LongSupplier clock, Consumer<String> problems) {
		this.policy = policy;
		this.directory = policy.curveKeyDirectory().map((path) -> new AuthorizedKeyDirectory(path, clock, problems));
	}

	ZapDecision decide(ZapRequest request) {
		String address = ZapPolicy.normalizeAddress(request.address());
		if (!this.policy.allow().isEmpty() && !this.policy.allow().contains(address)) {
			return ZapDecision.deny("its address is not on the allow list");
		}
		if (this.policy.deny().contains(address)) {
			return ZapDecision.deny("its address is on the deny list");
		}
		return switch (request.mechanism()) {
			case "NULL" -> ZapDecision.allow("");
			case "PLAIN" -> plain(request);
			case "CURVE" -> curve(request);
			default -> ZapDecision.deny("it uses the " + printable(request.mechanism())
					+ " mechanism, which the starter does not authenticate");
		};
	}

	private ZapDecision plain(ZapRequest request) {
		if (request.credentials().size() != 2) {
			return ZapDecision.deny("its PLAIN request has " + request.credentials().size() + " credential frames, not 2");
		}
		String user = new String(request.credentials().get(0), StandardCharsets.UTF_8);
		byte[] password = request.credentials().get(1);
		Optional<String> expected = this.policy.plainPassword(user);
		// Compared even for an unknown user, so that timing does not tell which names exist.
		byte[] known = expected.orElse("").getBytes(StandardCharsets.UTF_8);
		boolean matches = MessageDigest.isEqual(known, password);
		if (expected.isEmpty()) {
			return ZapDecision.deny("there is no PLAIN user '" + printable(user) + "'");
		}
		return matches ? ZapDecision.allow(user) : ZapDecision.deny("the password of PLAIN user '" + printable(user) + "' is wrong");
	}

	private ZapDecision curve(ZapRequest request) {
		if (request.credentials().size() != 1 || request.credentials().get(0).length != ZMQ.Curve.KEY_SIZE) {
			return ZapDecision.deny("its CURVE request carries no 32-byte public key");
		}
		String key = ZMQ.Curve.z85Encode(request.credentials().get(0));
		if (this.policy.curveAllowAny() || this.policy.curveKeys().contains(key)
				|| this.directory.map((directory) -> directory.contains(key)).orElse(false)) {
			return ZapDecision.allow(key);
		}
		return ZapDecision.deny("its public key " + key + " is not authorized");
	}

	/** Text from a peer, safe for one log line: control characters replaced, length bounded. */
	static String printable(String untrusted) {
		StringBuilder text = new StringBuilder();
		untrusted.codePoints().limit(MAX_NAME_IN_LOG).forEach((c) -> text.appendCodePoint(isPrintable(c) ? c : '?'));
		return (untrusted.codePointCount(0, untrusted.length()) > MAX_NAME_IN_LOG) ? text + "…" : text.toString();
	}

	// Control characters would start a forged log line, format characters (bidi overrides) reorder it.
	private static boolean isPrintable(int codePoint) {
		return !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.FORMAT;
	}

}
