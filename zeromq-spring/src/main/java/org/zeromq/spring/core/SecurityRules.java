package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a socket's CURVE or PLAIN settings complete and consistent by themselves, before
 * any ZAP policy is looked at. JeroMQ accepts each option alone and only fails, or quietly falls
 * back to no security, when the handshake runs; here each gap is a violation with its fix.
 * Messages name settings and files, never a key or a password.
 */
final class SecurityRules {

	private static final Remedy CERTIFICATE = Remedy.change(SocketOption.CURVE_CERTIFICATE.key(),
			"file:/path/to/name.key_secret");

	private final SocketSpec spec;

	private final SocketOptions options;

	private final List<SpecViolation> violations = new ArrayList<>();

	SecurityRules(SocketSpec spec) {
		this.spec = spec;
		this.options = spec.options();
	}

	List<SpecViolation> violations() {
		// curve.server or plain.server set to false alone asks for no security, as in JeroMQ
		boolean curve = this.options.get(SocketOption.CURVE_SERVER).orElse(false)
				|| SocketOption.CURVE_OPTIONS.stream().anyMatch(this::isSet);
		Optional<SocketOption<?>> plainSet = firstPlainSetting();
		if (curve && plainSet.isPresent()) {
			add(plainSet.get(), "a socket has one security mechanism, and both CURVE (curve.*) and PLAIN (plain.*) are set",
					Remedy.advice("keep either its curve or its plain settings"));
			return this.violations;
		}
		if (curve) {
			checkCurve();
		}
		else if (plainSet.isPresent()) {
			checkPlain();
		}
		HandshakeSecurity security = HandshakeSecurity.of(this.spec);
		if (security.mechanism() == HandshakeSecurity.Mechanism.CURVE) {
			checkIdentityFitsCurveMetadata();
		}
		if (security.isSecured()) {
			checkNoInproc(security);
			if (!security.server() && isSet(SocketOption.ZAP_DOMAIN)) {
				add(SocketOption.ZAP_DOMAIN, "a " + security.describe() + " does not authenticate its peer, so zap-domain "
						+ "has no effect", Remedy.remove(SocketOption.ZAP_DOMAIN.key()));
			}
		}
		return this.violations;
	}

	private Optional<SocketOption<?>> firstPlainSetting() {
		if (this.options.get(SocketOption.PLAIN_SERVER).orElse(false)) {
			return Optional.of(SocketOption.PLAIN_SERVER);
		}
		if (isSet(SocketOption.PLAIN_USERNAME)) {
			return Optional.of(SocketOption.PLAIN_USERNAME);
		}
		return isSet(SocketOption.PLAIN_PASSWORD) ? Optional.of(SocketOption.PLAIN_PASSWORD) : Optional.empty();
	}

	private void checkCurve() {
		boolean server = this.options.get(SocketOption.CURVE_SERVER).orElse(false);
		Optional<CurveCertificate> certificate = certificate(SocketOption.CURVE_CERTIFICATE, true);
		Optional<String> publicKey = certificate.map(CurveCertificate::publicKey)
			.or(() -> this.options.get(SocketOption.CURVE_PUBLIC_KEY));
		Optional<String> secretKey = certificate.flatMap(CurveCertificate::secretKey)
			.or(() -> this.options.get(SocketOption.CURVE_SECRET_KEY));
		boolean hasSecret = isSet(SocketOption.CURVE_SECRET_KEY) || isSet(SocketOption.CURVE_CERTIFICATE);
		certificate(SocketOption.CURVE_SERVER_CERTIFICATE, false); // read only to report a problem with it
		exclusive(SocketOption.CURVE_CERTIFICATE, SocketOption.CURVE_PUBLIC_KEY, SocketOption.CURVE_SECRET_KEY);
		exclusive(SocketOption.CURVE_SERVER_CERTIFICATE, SocketOption.CURVE_SERVER_KEY);
		if (server) {
			if (!hasSecret) {
				add(SocketOption.CURVE_SERVER, "a CURVE server needs its secret key",
						Remedy.change(SocketOption.CURVE_SECRET_KEY.key(), "<the server's secret key>"), CERTIFICATE);
			}
			for (SocketOption<String> clientSide : List.of(SocketOption.CURVE_SERVER_KEY,
					SocketOption.CURVE_SERVER_CERTIFICATE)) {
				if (isSet(clientSide)) {
					add(clientSide, "a CURVE server has no server key: " + clientSide.key() + " is a client's setting",
							Remedy.remove(clientSide.key()));
				}
			}
		}
		else {
			if (!isSet(SocketOption.CURVE_SERVER_KEY) && !isSet(SocketOption.CURVE_SERVER_CERTIFICATE)) {
				add(SocketOption.CURVE_SERVER_KEY, "a CURVE client needs the server's public key to connect with",
						Remedy.change(SocketOption.CURVE_SERVER_KEY.key(), "<the server's public key>"),
						Remedy.change(SocketOption.CURVE_SERVER_CERTIFICATE.key(), "file:/path/to/server.key"));
			}
			if (!hasSecret) {
				add(SocketOption.CURVE_SECRET_KEY, "a CURVE client needs a key pair of its own, which the server knows it by",
						CERTIFICATE, Remedy.advice("set curve.public-key and curve.secret-key"));
			}
			else if (publicKey.isEmpty() && !isSet(SocketOption.CURVE_CERTIFICATE)) {
				add(SocketOption.CURVE_PUBLIC_KEY, "a CURVE client sends its public key in the handshake, and only "
						+ "curve.secret-key is set", Remedy.change(SocketOption.CURVE_PUBLIC_KEY.key(),
								"<the public key of the same pair>"), CERTIFICATE);
			}
		}
		if (!isSet(SocketOption.CURVE_CERTIFICATE) && publicKey.isPresent() && secretKey.isPresent()
				&& CurveKey.isValid(publicKey.get()) && CurveKey.isValid(secretKey.get())
				&& !CurveKey.isPair(publicKey.get(), secretKey.get())) {
			add(SocketOption.CURVE_PUBLIC_KEY, "curve.public-key is not the public key of curve.secret-key",
					Remedy.advice("use the two keys of one pair, as a certificate or the key tool gives them"), CERTIFICATE);
		}
	}

	private void checkPlain() {
		boolean server = this.options.get(SocketOption.PLAIN_SERVER).orElse(false);
		if (server) {
			for (SocketOption<String> clientSide : List.of(SocketOption.PLAIN_USERNAME, SocketOption.PLAIN_PASSWORD)) {
				if (isSet(clientSide)) {
					add(clientSide, "a PLAIN server checks its clients' names and passwords and sends none: "
							+ clientSide.key() + " is a client's setting", Remedy.remove(clientSide.key()));
				}
			}
			return;
		}
		if (isSet(SocketOption.PLAIN_USERNAME) != isSet(SocketOption.PLAIN_PASSWORD)) {
			SocketOption<String> missing = isSet(SocketOption.PLAIN_USERNAME) ? SocketOption.PLAIN_PASSWORD
					: SocketOption.PLAIN_USERNAME;
			add(missing, "a PLAIN client needs both plain.username and plain.password",
					Remedy.change(missing.key(), "<the " + (missing == SocketOption.PLAIN_PASSWORD ? "password" : "user name")
							+ " the server knows>"));
		}
	}

	// JeroMQ 0.6.0 builds a CURVE socket's INITIATE (client) or READY (server) metadata, its
	// Socket-Type and, for REQ, DEALER and ROUTER, its Identity property, in a buffer of 256 bytes
	// (CurveClientMechanism.produceInitiate, CurveServerMechanism.produceReady). A longer identity
	// throws BufferOverflowException on the I/O thread at every handshake, over and over while the
	// connection waits to write (tens of thousands a second, measured): no peer ever connects.
	private void checkIdentityFitsCurveMetadata() {
		Optional<String> identity = this.options.get(SocketOption.IDENTITY);
		ZmqSocketType type = this.spec.type();
		if (identity.isEmpty() || !(type == ZmqSocketType.REQ || type == ZmqSocketType.DEALER
				|| type == ZmqSocketType.ROUTER)) {
			return;
		}
		// 256 bytes less each property's name length byte, name and 4-byte value length
		int limit = 256 - (1 + "Socket-Type".length() + 4 + type.name().length()) - (1 + "Identity".length() + 4);
		int bytes = identity.get().getBytes(StandardCharsets.UTF_8).length;
		if (bytes > limit) {
			add(SocketOption.IDENTITY, "a CURVE " + type + " sends its identity in the handshake's 256 bytes of metadata, "
					+ "where JeroMQ has room for " + limit + " bytes of it, not " + bytes, Remedy.advice("use an identity of "
							+ "at most " + limit + " bytes"));
		}
	}

	// ZeroMQ runs no handshake on inproc: no mechanism, no ZAP. A secured socket there would look
	// protected while any code in the process can talk to it in clear text.
	private void checkNoInproc(HandshakeSecurity security) {
		checkNoInproc(security, "bind", this.spec.binds());
		checkNoInproc(security, "connect", this.spec.connects());
	}

	private void checkNoInproc(HandshakeSecurity security, String setting, List<String> endpoints) {
		for (String endpoint : endpoints) {
			if (endpoint.trim().toLowerCase(Locale.ROOT).startsWith(Transport.INPROC.scheme() + "://")) {
				this.violations.add(new SpecViolation(this.spec.name(), setting, "inproc has no security handshake: the "
						+ security.mechanism() + " settings would not apply to " + endpoint.trim()
						+ ", and any code in the process could use the socket in clear text",
						Remedy.advice("use tcp://127.0.0.1:<port> for a secured connection within the machine"),
						Remedy.advice("remove the socket's " + security.mechanism().name().toLowerCase(Locale.ROOT)
								+ " settings")));
			}
		}
	}

	private Optional<CurveCertificate> certificate(SocketOption<String> option, boolean secret) {
		Optional<String> location = this.options.get(option);
		if (location.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(secret ? CurveCertificate.readSecret(location.get()) : CurveCertificate.read(location.get()));
		}
		catch (IllegalArgumentException ex) {
			add(option, Objects.requireNonNullElse(ex.getMessage(), ex.toString()), Remedy.advice(secret
					? "point it at a secret certificate file (file:/path/to/name.key_secret); "
							+ "org.zeromq.spring.security.CurveKeys writes one"
					: "point it at the server's public certificate file (file:/path/to/server.key)"));
			return Optional.empty();
		}
	}

	private void exclusive(SocketOption<String> file, SocketOption<?>... inline) {
		if (!isSet(file)) {
			return;
		}
		for (SocketOption<?> option : inline) {
			if (isSet(option)) {
				add(option, file.key() + " already gives " + option.key().substring("curve.".length()) + ", so "
						+ option.key() + " must not be set too", Remedy.remove(option.key()), Remedy.remove(file.key()));
			}
		}
	}

	private boolean isSet(SocketOption<?> option) {
		return this.options.get(option).isPresent();
	}

	private void add(SocketOption<?> option, String problem, Remedy... remedies) {
		this.violations.add(new SpecViolation(this.spec.name(), option.key(), problem, remedies));
	}

}
