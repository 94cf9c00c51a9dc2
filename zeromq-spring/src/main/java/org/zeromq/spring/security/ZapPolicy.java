package org.zeromq.spring.security;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.CurveCertificate;
import org.zeromq.spring.core.CurveKey;
import org.zeromq.spring.core.Remedy;

/**
 * Who the starter's ZAP handler lets in, for every socket of the context that asks it: CURVE
 * clients by public key (listed, or as certificate files in a directory), PLAIN clients by
 * name and password, and any peer by its IP address. Immutable; built and checked by
 * {@link #builder()}, so that a policy that exists makes sense.
 * <p>
 * Nothing is allowed by default: a CURVE client needs an authorized key unless
 * {@link Builder#allowAnyCurveClient(boolean)} says otherwise, a PLAIN client a user entry.
 */
public final class ZapPolicy {

	/** The longest PLAIN user name or password, in bytes, that JeroMQ 0.6.0's PLAIN server can read. */
	public static final int MAX_PLAIN_BYTES = 127;

	/** The policy of a context with no security settings: no key, no user, every address. */
	public static final ZapPolicy NONE = builder().build();

	private final Set<String> curveKeys;

	private final Optional<Path> curveKeyDirectory;

	private final boolean curveAllowAny;

	private final Map<String, String> plainUsers;

	private final Set<String> allow;

	private final Set<String> deny;

	private ZapPolicy(Builder builder, Map<String, String> plainUsers) {
		this.curveKeys = Collections.unmodifiableSet(new LinkedHashSet<>(builder.curveKeys));
		this.curveKeyDirectory = builder.curveKeyDirectory.map(CurveCertificate::path);
		this.curveAllowAny = builder.curveAllowAny;
		this.plainUsers = Collections.unmodifiableMap(plainUsers);
		this.allow = normalized(builder.allow);
		this.deny = normalized(builder.deny);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The CURVE client keys authorized by value, in Z85. */
	public Set<String> curveKeys() {
		return this.curveKeys;
	}

	/** A directory of public certificates whose keys are authorized, read again when it changes. */
	public Optional<Path> curveKeyDirectory() {
		return this.curveKeyDirectory;
	}

	/** Whether any CURVE client is let in: encryption without authentication. */
	public boolean curveAllowAny() {
		return this.curveAllowAny;
	}

	/** Whether a CURVE client can be let in at all. */
	public boolean authorizesCurveClients() {
		return this.curveAllowAny || !this.curveKeys.isEmpty() || this.curveKeyDirectory.isPresent();
	}

	/** Whether a PLAIN client can be let in at all. */
	public boolean authorizesPlainClients() {
		return !this.plainUsers.isEmpty();
	}

	/** The PLAIN user names. Their passwords never leave the policy but through {@link #plainPassword}. */
	public Set<String> plainUserNames() {
		return this.plainUsers.keySet();
	}

	/** The password of a PLAIN user, for the handler to compare with. */
	Optional<String> plainPassword(String user) {
		return Optional.ofNullable(this.plainUsers.get(user));
	}

	/** The only addresses let in, when not empty. */
	public Set<String> allow() {
		return this.allow;
	}

	/** Addresses never let in. */
	public Set<String> deny() {
		return this.deny;
	}

	/** Whether any address is kept out: then every socket that binds asks the ZAP handler. */
	public boolean filtersAddresses() {
		return !this.allow.isEmpty() || !this.deny.isEmpty();
	}

	@Override
	public String toString() {
		return "ZapPolicy[curve keys " + this.curveKeys.size() + ", key directory "
				+ this.curveKeyDirectory.map(Path::toString).orElse("none") + ", allow any CURVE client "
				+ this.curveAllowAny + ", PLAIN users " + this.plainUsers.keySet() + ", allow " + this.allow + ", deny "
				+ this.deny + "]";
	}

	/**
	 * An IP address as ZAP requests carry it, so that {@code ::1}, {@code [::1]} and
	 * {@code 0:0:0:0:0:0:0:1} are the same address; other text is returned as it is.
	 */
	static String normalizeAddress(String address) {
		String trimmed = address.trim();
		if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		// Only an IPv6 literal is parsed: a colon cannot be in a host name, so no lookup can happen.
		if (trimmed.indexOf(':') >= 0 && trimmed.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
			try {
				return InetAddress.getByName(trimmed).getHostAddress();
			}
			catch (UnknownHostException ex) {
				return trimmed;
			}
		}
		return trimmed;
	}

	private static boolean isAddress(String address) {
		String trimmed = address.trim();
		if (trimmed.matches("(\\d{1,3})(\\.\\d{1,3}){3}")) {
			for (String part : trimmed.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return false;
				}
			}
			return true;
		}
		String literal = (trimmed.startsWith("[") && trimmed.endsWith("]")) ? trimmed.substring(1, trimmed.length() - 1)
				: trimmed;
		if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.]+")) {
			return false;
		}
		try {
			InetAddress.getByName(literal);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static Set<String> normalized(List<String> addresses) {
		Set<String> set = new LinkedHashSet<>();
		addresses.forEach((address) -> set.add(normalizeAddress(address)));
		return Collections.unmodifiableSet(set);
	}

	/** Collects the settings; {@link #build()} checks them all and reports every problem at once. */
	public static final class Builder {

		private final List<String> curveKeys = new ArrayList<>();

		private Optional<String> curveKeyDirectory = Optional.empty();

		private boolean curveAllowAny;

		private final Map<String, String> plainUsers = new LinkedHashMap<>();

		private Optional<String> plainPasswordsFile = Optional.empty();

		private final List<String> allow = new ArrayList<>();

		private final List<String> deny = new ArrayList<>();

		private Builder() {
		}

		/** Authorizes CURVE clients by their public keys, in Z85. */
		public Builder curveKeys(Collection<String> keys) {
			this.curveKeys.addAll(keys);
			return this;
		}

		/**
		 * Authorizes the keys of the public certificates in a directory ({@code file:} location
		 * or path), which must exist. Files whose names end in {@code _secret} are skipped, as
		 * czmq's certificate store does.
		 */
		public Builder curveKeyDirectory(@Nullable String location) {
			this.curveKeyDirectory = Optional.ofNullable(location);
			return this;
		}

		/** Lets in any CURVE client that knows the server's public key: encryption without authentication. */
		public Builder allowAnyCurveClient(boolean allowAny) {
			this.curveAllowAny = allowAny;
			return this;
		}

		/** Authorizes PLAIN users by name and password. */
		public Builder plainUsers(Map<String, String> users) {
			this.plainUsers.putAll(users);
			return this;
		}

		/**
		 * Authorizes the PLAIN users of a file ({@code file:} location or path) of
		 * {@code name=password} lines, the format of JeroMQ's {@code ZAuth}; read once, here.
		 */
		public Builder plainPasswordsFile(@Nullable String location) {
			this.plainPasswordsFile = Optional.ofNullable(location);
			return this;
		}

		/** Lets in only these IP addresses, when not empty. */
		public Builder allow(Collection<String> addresses) {
			this.allow.addAll(addresses);
			return this;
		}

		/** Keeps these IP addresses out. */
		public Builder deny(Collection<String> addresses) {
			this.deny.addAll(addresses);
			return this;
		}

		/**
		 * The policy.
		 * @throws InvalidZapPolicyException listing every problem, without any key or password
		 */
		public ZapPolicy build() {
			List<PolicyViolation> violations = new ArrayList<>();
			for (int i = 0; i < this.curveKeys.size(); i++) {
				String setting = "curve.authorized-keys[" + i + "]";
				CurveKey.problem(this.curveKeys.get(i))
					.ifPresent((problem) -> violations.add(new PolicyViolation(setting, "the key " + problem,
							Remedy.advice("use a client's public key, 40 characters of Z85"))));
			}
			this.curveKeyDirectory.ifPresent((location) -> checkDirectory(location, violations));
			if (this.curveAllowAny && (!this.curveKeys.isEmpty() || this.curveKeyDirectory.isPresent())) {
				violations.add(new PolicyViolation("curve.allow-any", "allow-any lets in every CURVE client, so the "
						+ "authorized keys would decide nothing", Remedy.remove("curve.allow-any"),
						Remedy.advice("remove curve.authorized-keys and curve.authorized-keys-location")));
			}
			Map<String, String> users = new LinkedHashMap<>();
			this.plainPasswordsFile.ifPresent((location) -> readPasswords(location, users, violations));
			this.plainUsers.forEach((name, password) -> {
				if (isReadable(name, password, "plain.users", "plain.users." + name, violations)) {
					users.put(name, password);
				}
			});
			checkAddresses("allow", this.allow, violations);
			checkAddresses("deny", this.deny, violations);
			if (!violations.isEmpty()) {
				throw new InvalidZapPolicyException(violations);
			}
			return new ZapPolicy(this, users);
		}

		private static void checkDirectory(String location, List<PolicyViolation> violations) {
			String setting = "curve.authorized-keys-location";
			Path directory;
			try {
				directory = CurveCertificate.path(location);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new PolicyViolation(setting, Objects.requireNonNullElse(ex.getMessage(), ex.toString()), Remedy.advice("write it as file:/path/to/dir")));
				return;
			}
			// JeroMQ's ZCertStore creates a missing directory and then lets nobody in: a typo in
			// the path would look like a policy that refuses everyone.
			if (!Files.isDirectory(directory)) {
				violations.add(new PolicyViolation(setting, "there is no directory " + directory.toAbsolutePath(),
						Remedy.advice("create it and put the clients' public certificates in it, or correct the path")));
				return;
			}
			try {
				AuthorizedKeyDirectory.read(directory);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new PolicyViolation(setting, Objects.requireNonNullElse(ex.getMessage(), ex.toString()),
						Remedy.advice("keep only public certificates (czmq's name.key files) in it")));
			}
		}

		private static void readPasswords(String location, Map<String, String> users, List<PolicyViolation> violations) {
			String setting = "plain.passwords-file";
			Path file;
			try {
				file = CurveCertificate.path(location);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new PolicyViolation(setting, Objects.requireNonNullElse(ex.getMessage(), ex.toString()), Remedy.advice("write it as file:/path/to/file")));
				return;
			}
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				violations.add(new PolicyViolation(setting, "there is no readable file " + file.toAbsolutePath(),
						Remedy.advice("create it with one name=password line per user, or correct the path")));
				return;
			}
			Properties passwords = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				passwords.load(reader);
			}
			catch (IOException | IllegalArgumentException ex) {
				// the parser's message could quote a line, and a line holds a password
				violations.add(new PolicyViolation(setting, file.toAbsolutePath() + " cannot be read as name=password lines",
						Remedy.advice("write one name=password line per user, in UTF-8")));
				return;
			}
			if (passwords.isEmpty()) {
				violations.add(new PolicyViolation(setting, file.toAbsolutePath() + " has no name=password line",
						Remedy.advice("add one line per user")));
			}
			passwords.stringPropertyNames().stream().sorted().forEach((name) -> {
				String password = passwords.getProperty(name);
				if (isReadable(name, password, setting, setting, violations)) {
					users.put(name, password);
				}
			});
		}

		// ZMTP allows 255 bytes, but JeroMQ 0.6.0's PLAIN server reads both lengths as signed
		// bytes: with 128 or more it cannot read the client's HELLO (docs/reliability.md), so such
		// a user could never be let in.
		private static boolean isReadable(String name, String password, String nameSetting, String passwordSetting,
				List<PolicyViolation> violations) {
			if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_PLAIN_BYTES) {
				violations.add(new PolicyViolation(nameSetting, "a user name must have 1 to " + MAX_PLAIN_BYTES
						+ " bytes in UTF-8, since JeroMQ's PLAIN server cannot read longer ones",
						Remedy.advice("use a shorter name")));
				return false;
			}
			if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PLAIN_BYTES) {
				violations.add(new PolicyViolation(passwordSetting, "the password of " + name + " must have at most "
						+ MAX_PLAIN_BYTES + " bytes in UTF-8, since JeroMQ's PLAIN server cannot read longer ones",
						Remedy.advice("use a shorter password")));
				return false;
			}
			return true;
		}

		private static void checkAddresses(String setting, List<String> addresses, List<PolicyViolation> violations) {
			for (int i = 0; i < addresses.size(); i++) {
				String address = addresses.get(i);
				if (address == null || !isAddress(address)) {
					violations.add(new PolicyViolation(setting + "[" + i + "]", "'" + address + "' is not an IP address",
							Remedy.advice("write an IPv4 or IPv6 address such as 192.168.1.20 or ::1; host names and "
									+ "ranges are not supported")));
				}
			}
		}

	}

}
