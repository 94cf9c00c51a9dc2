package org.zeromq.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.CurveCertificate;
import org.zeromq.spring.core.CurveKey;
import org.zeromq.spring.core.HandshakeSecurity;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketPreparer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.Transport;

/**
 * CURVE and PLAIN for every socket of the context, closing JeroMQ's ZAP trap: a CURVE or PLAIN
 * server with no ZAP handler on its context accepts every client key and every password.
 * <p>
 * As a {@link SocketPreparer} of the socket factory it sees every socket before it binds or
 * connects, and for each one that asks ZAP it
 * <ul>
 * <li>starts the context's one {@link ZapHandler}, which decides by the {@link ZapPolicy},
 * before the socket binds or connects: its first handshake already finds it;</li>
 * <li>gives the socket its name as ZAP domain unless it sets one, so that every decision is
 * counted on, and logged for, the socket it was made for;</li>
 * </ul>
 * and on every CURVE or PLAIN socket it watches the socket's events (through the socket
 * factory's event hook, the one monitor a JeroMQ socket can have), counting and reporting the
 * handshakes that fail. Before anything
 * opens, {@link #check} refuses a server that the policy would let nobody into, since that is a
 * configuration mistake, not a policy.
 * <p>
 * Its threads: the ZAP handler's, from the first socket that asks ZAP, and a verdict thread from
 * the first secured client, which judges a connection dropped during the handshake once it is
 * clear whether JeroMQ reconnects. Both end in {@link #close()}. Close it after every socket of
 * the context, and before the context: a handshake that finds no handler lets its peer in.
 */
public final class ZmqSecurity implements SocketPreparer, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZmqSecurity.class);

	private static final int MAX_DOMAIN_BYTES = 255;

	// Long enough for JeroMQ's reconnect attempt after an ordinary hang-up, which follows within
	// a millisecond or two on the same I/O thread; a failed handshake is followed by nothing.
	private static final Duration VERDICT_DELAY = Duration.ofMillis(500);

	private final ZapPolicy policy;

	private final ZapHandler handler;

	private final SecurityLog log;

	private final LongSupplier clock = System::nanoTime;

	private final Map<String, SecurityStatus> statuses = new ConcurrentHashMap<>();

	private final Map<String, List<SecurityStatus>> byDomain = new ConcurrentHashMap<>();

	// The thread that gives verdicts on client connections dropped during a handshake, which must
	// wait a moment and so cannot be given on a socket's I/O thread. Made with the first secured
	// client socket and ended by close().
	private final AtomicReference<@Nullable ScheduledExecutorService> verdicts = new AtomicReference<>();

	private volatile boolean closed;

	/**
	 * @param context the context whose sockets it secures, and on which its ZAP handler runs
	 * @param policy who its ZAP handler lets in
	 */
	public ZmqSecurity(ZContext context, ZapPolicy policy) {
		this.policy = policy;
		this.log = new SecurityLog(this.clock);
		this.handler = new ZapHandler(context, () -> new ZapAuthenticator(policy, this.clock, this.log::problem)::decide,
				this::record);
	}

	/** Who the ZAP handler lets in. */
	public ZapPolicy policy() {
		return this.policy;
	}

	/**
	 * How the handshakes of a declared socket have gone; empty for a socket without CURVE, PLAIN
	 * or ZAP, and before its first socket opened.
	 */
	public Optional<SecurityStatus> status(String socket) {
		return Optional.ofNullable(this.statuses.get(socket));
	}

	/** Whether the ZAP handler runs: from the first socket that needs it until {@link #close()}. */
	public boolean isZapHandlerRunning() {
		return this.handler.isRunning();
	}

	@Override
	public boolean answersZap() {
		return true;
	}

	/**
	 * Refuses a CURVE or PLAIN server that the policy lets no client into: without an authorized
	 * key, a user, or an explicit allow-any, the server could only ever refuse, or (with JeroMQ's
	 * default) accept everyone. Settings of the policy are named under {@code security.}.
	 */
	@Override
	public List<SpecViolation> check(SocketSpec spec) {
		List<SpecViolation> violations = new ArrayList<>();
		HandshakeSecurity security = HandshakeSecurity.of(spec);
		if (security.server() && security.mechanism() == HandshakeSecurity.Mechanism.CURVE
				&& !this.policy.authorizesCurveClients()) {
			violations.add(new SpecViolation(spec.name(), SocketOption.CURVE_SERVER.key(), "a CURVE server lets in the "
					+ "clients whose public keys are authorized, and no key is",
					Remedy.add("security.curve.authorized-keys", "<a client's public key>", ""),
					Remedy.change("security.curve.authorized-keys-location", "file:/path/to/client-certificates"),
					Remedy.change("security.curve.allow-any", "true")));
		}
		if (security.server() && security.mechanism() == HandshakeSecurity.Mechanism.PLAIN
				&& !this.policy.authorizesPlainClients()) {
			violations.add(new SpecViolation(spec.name(), SocketOption.PLAIN_SERVER.key(), "a PLAIN server lets in the "
					+ "users it knows, and there is none", Remedy.change("security.plain.users.<name>", "<password>"),
					Remedy.change("security.plain.passwords-file", "file:/path/to/passwords.properties")));
		}
		if (usesZap(spec, security) && spec.options().get(SocketOption.ZAP_DOMAIN).isEmpty()
				&& spec.name().getBytes(StandardCharsets.UTF_8).length > MAX_DOMAIN_BYTES) {
			violations.add(new SpecViolation(spec.name(), SocketOption.ZAP_DOMAIN.key(), "the socket's name, its ZAP "
					+ "domain by default, is longer than " + MAX_DOMAIN_BYTES + " bytes",
					Remedy.change(SocketOption.ZAP_DOMAIN.key(), "<a shorter name>")));
		}
		// JeroMQ 0.6.0 sizes the ZAP request's domain frame by the domain's characters and then
		// writes its UTF-8 bytes (Mechanism.sendZapRequest): any other character overflows the
		// frame, on the I/O thread, at every handshake, and no peer gets in.
		else if (usesZap(spec, security) && spec.options().get(SocketOption.ZAP_DOMAIN).isEmpty()
				&& !StandardCharsets.US_ASCII.newEncoder().canEncode(spec.name())) {
			violations.add(new SpecViolation(spec.name(), SocketOption.ZAP_DOMAIN.key(), "the socket's name, its ZAP "
					+ "domain by default, is not ASCII, and JeroMQ sizes the ZAP request's domain frame in characters, so "
					+ "any other character overflows it on the I/O thread at every handshake",
					Remedy.change(SocketOption.ZAP_DOMAIN.key(), "<an ASCII name>")));
		}
		return violations;
	}

	/**
	 * Starts the ZAP handler if the socket asks ZAP, gives it its domain, and watches its
	 * handshakes if it is secured.
	 * @throws org.zeromq.spring.core.ZmqException when the ZAP handler cannot run, or is closed
	 */
	@Override
	public void prepare(ZMQ.Socket socket, SocketSpec spec) {
		HandshakeSecurity security = HandshakeSecurity.of(spec);
		boolean zap = usesZap(spec, security);
		if (!zap && !security.isSecured()) {
			return;
		}
		SecurityStatus status = this.statuses.computeIfAbsent(spec.name(), (name) -> newStatus(spec, security));
		if (zap) {
			this.handler.start();
			String domain = spec.options().get(SocketOption.ZAP_DOMAIN).orElse(spec.name());
			if (spec.options().get(SocketOption.ZAP_DOMAIN).isEmpty()) {
				socket.setZapDomain(domain);
			}
			List<SecurityStatus> inDomain = this.byDomain.computeIfAbsent(domain, (key) -> new CopyOnWriteArrayList<>());
			if (!inDomain.contains(status)) {
				inDomain.add(status);
			}
		}
		if (security.isSecured() && !security.server()) {
			startVerdicts();
		}
	}

	/**
	 * For a CURVE or PLAIN socket, what watches how its handshakes end: it sees the socket's
	 * events through the socket factory's event hook, the one JeroMQ allows a socket.
	 */
	@Override
	public ZEvent.@Nullable ZEventConsummer eventConsumer(SocketSpec spec) {
		HandshakeSecurity security = HandshakeSecurity.of(spec);
		SecurityStatus status = this.statuses.get(spec.name());
		if (!security.isSecured() || status == null) {
			return null;
		}
		Duration interval = spec.options().effective(SocketOption.HANDSHAKE_INTERVAL).orElse(Duration.ofSeconds(3));
		long quickDrop = (interval.isZero() ? Duration.ofSeconds(3) : interval).toNanos();
		return new HandshakeEvents(status, this.log, quickDrop, this.clock, this::later);
	}

	/**
	 * Stops the ZAP handler. Call it once every socket of the context is closed: a CURVE or
	 * PLAIN server still open would let every client in afterwards.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.handler.close();
		ScheduledExecutorService executor = this.verdicts.getAndSet(null);
		if (executor != null) {
			executor.shutdown();
			try {
				if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
					logger.warn("The ZeroMQ security's verdict thread did not stop within 5 s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void startVerdicts() {
		if (this.closed || this.verdicts.get() != null) {
			return;
		}
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "zmq-security-verdicts");
			thread.setDaemon(true);
			return thread;
		});
		// A pending verdict is worth nothing once the application closes: shutdown() drops it
		// instead of waiting for its delay, and nothing is interrupted.
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		if (!this.verdicts.compareAndSet(null, executor)) {
			executor.shutdown();
		}
		else if (this.closed && this.verdicts.compareAndSet(executor, null)) {
			executor.shutdown(); // close() ran meanwhile
		}
	}

	// On an I/O thread: never waits. After close() there is nobody left to tell.
	private void later(Runnable check) {
		ScheduledExecutorService executor = this.verdicts.get();
		if (executor != null) {
			try {
				executor.schedule(check, VERDICT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	// A secured server asks ZAP; so does a socket with a domain; and, when the policy filters
	// addresses, every socket that binds on a network transport, so that the filter holds for all.
	private boolean usesZap(SocketSpec spec, HandshakeSecurity security) {
		if (security.consultsZap()) {
			return true;
		}
		return this.policy.filtersAddresses() && !security.isSecured() && spec.binds().stream()
			.anyMatch((endpoint) -> !endpoint.trim().startsWith(Transport.INPROC.scheme() + "://"));
	}

	private SecurityStatus newStatus(SocketSpec spec, HandshakeSecurity security) {
		@Nullable String publicKey = (security.mechanism() == HandshakeSecurity.Mechanism.CURVE) ? publicKey(spec).orElse(null) : null;
		if (security.server() && publicKey != null && logger.isInfoEnabled()) {
			logger.info("ZeroMQ socket '" + spec.name() + "' is a CURVE server; its clients need its public key "
					+ publicKey + " as their server key");
		}
		return new SecurityStatus(spec.name(), security, publicKey);
	}

	private static Optional<String> publicKey(SocketSpec spec) {
		Optional<String> certificate = spec.options().get(SocketOption.CURVE_CERTIFICATE);
		if (certificate.isPresent()) {
			return Optional.of(CurveCertificate.readSecret(certificate.get()).publicKey());
		}
		return spec.options().get(SocketOption.CURVE_PUBLIC_KEY)
			.or(() -> spec.options().get(SocketOption.CURVE_SECRET_KEY).map(CurveKey::publicKeyOf));
	}

	// On the ZAP handler's thread.
	private void record(ZapRequest request, ZapDecision decision) {
		List<SecurityStatus> inDomain = this.byDomain.getOrDefault(request.domain(), List.of());
		String address = ZapPolicy.normalizeAddress(request.address());
		for (SecurityStatus status : inDomain) {
			if (decision.allowed()) {
				status.recordAuthorized();
			}
			else {
				status.recordDenied(address, decision.reason());
			}
		}
		if (!decision.allowed()) {
			String sockets = inDomain.isEmpty() ? "of ZAP domain '" + ZapAuthenticator.printable(request.domain()) + "'"
					: inDomain.stream().map((status) -> "'" + status.socket() + "'").collect(Collectors.joining(", "));
			this.log.refused(sockets, ZapAuthenticator.printable(request.mechanism()), address, decision.reason());
		}
	}

}
