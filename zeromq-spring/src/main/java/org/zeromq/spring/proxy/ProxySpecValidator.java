package org.zeromq.spring.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * Checks proxy declarations against the declared sockets before anything runs: every socket
 * named exists, front and back make one of the {@link ProxyShape shapes}, a capture socket can
 * send copies, and no socket serves two owners (two proxies, one proxy twice, or a proxy and a
 * listener), since a socket belongs to one thread.
 */
final class ProxySpecValidator {

	// A capture socket sends copies to whoever listens, without an address or a lock-step.
	private static final Set<ZmqSocketType> CAPTURE_TYPES = EnumSet.of(ZmqSocketType.PUB, ZmqSocketType.XPUB,
			ZmqSocketType.PUSH, ZmqSocketType.PAIR, ZmqSocketType.DEALER);

	private final ZmqSocketRegistry sockets;

	ProxySpecValidator(ZmqSocketRegistry sockets) {
		this.sockets = sockets;
	}

	/** @throws InvalidProxySpecException listing every violation across all declarations */
	void validateAll(Collection<ProxySpec> specs) {
		List<ProxyViolation> violations = new ArrayList<>();
		Map<String, Use> users = new LinkedHashMap<>();
		for (ProxySpec spec : specs) {
			violations.addAll(validate(spec, users));
		}
		if (!violations.isEmpty()) {
			throw new InvalidProxySpecException(violations);
		}
	}

	/** @param users the proxy that already uses each socket, filled in as proxies are checked */
	private List<ProxyViolation> validate(ProxySpec spec, Map<String, Use> users) {
		List<ProxyViolation> violations = new ArrayList<>();
		Optional<SocketSpec> front = declared(spec, "frontend", spec.frontend(), true, violations);
		Optional<SocketSpec> back = declared(spec, "backend", spec.backend(), true, violations);
		Optional<SocketSpec> capture = declared(spec, "capture", spec.capture(), false, violations);
		if (front.isPresent() && back.isPresent()) {
			checkShape(spec, front.get(), back.get(), violations);
		}
		capture.ifPresent((socket) -> checkCapture(spec, socket, violations));
		checkUse(spec, "frontend", spec.frontend(), users, violations);
		checkUse(spec, "backend", spec.backend(), users, violations);
		checkUse(spec, "capture", spec.capture(), users, violations);
		return violations;
	}

	private Optional<SocketSpec> declared(ProxySpec spec, String setting, @Nullable String socket, boolean required,
			List<ProxyViolation> violations) {
		if (socket == null || socket.isBlank()) {
			if (required) {
				violations.add(new ProxyViolation(spec.name(), setting, "no " + setting + " socket given",
						Remedy.advice("name one of the declared sockets: " + declaredNames())));
			}
			return Optional.empty();
		}
		if (!this.sockets.isDeclared(socket)) {
			violations.add(new ProxyViolation(spec.name(), setting, "socket '" + socket + "' is not declared",
					Remedy.advice("declare socket '" + socket + "' (its type, and bind or connect), or name one of "
							+ declaredNames())));
			return Optional.empty();
		}
		return Optional.of(this.sockets.spec(socket));
	}

	private static void checkShape(ProxySpec spec, SocketSpec front, SocketSpec back, List<ProxyViolation> violations) {
		ZmqSocketType frontType = front.type();
		ZmqSocketType backType = back.type();
		if (ProxyShape.of(frontType, backType).isPresent()) {
			return;
		}
		if (ProxyShape.of(backType, frontType).isPresent()) {
			violations.add(new ProxyViolation(spec.name(), "frontend",
					"the frontend '" + front.name() + "' is " + a(frontType) + " and the backend '" + back.name() + "' "
							+ a(backType) + ": the wrong way round",
					Remedy.advice("swap frontend and backend: the " + backType + " faces the clients or publishers")));
			return;
		}
		Optional<ProxyShape> byFront = ProxyShape.withFrontend(frontType);
		if (byFront.isPresent()) {
			ProxyShape shape = byFront.get();
			violations.add(new ProxyViolation(spec.name(), "backend",
					"a " + shape.name().toLowerCase() + " forwards from " + a(frontType) + " to " + a(shape.backend())
							+ ", but the backend '" + back.name() + "' is " + a(backType),
					Remedy.advice("name " + a(shape.backend()) + " socket, or declare '" + back.name() + "' with type "
							+ shape.backend())));
			return;
		}
		Optional<ProxyShape> byBack = ProxyShape.withBackend(backType);
		if (byBack.isPresent()) {
			ProxyShape shape = byBack.get();
			violations.add(new ProxyViolation(spec.name(), "frontend",
					"a " + shape.name().toLowerCase() + " forwards to " + a(backType) + " from " + a(shape.frontend())
							+ ", but the frontend '" + front.name() + "' is " + a(frontType),
					Remedy.advice("name " + a(shape.frontend()) + " socket, or declare '" + front.name() + "' with type "
							+ shape.frontend())));
			return;
		}
		violations.add(new ProxyViolation(spec.name(), "frontend",
				frontType + " in front of " + backType + " is none of the proxy shapes",
				Remedy.advice("use " + ProxyShape.describeAll() + " as frontend/backend")));
	}

	private static void checkCapture(ProxySpec spec, SocketSpec capture, List<ProxyViolation> violations) {
		if (!CAPTURE_TYPES.contains(capture.type())) {
			violations.add(new ProxyViolation(spec.name(), "capture",
					"the capture '" + capture.name() + "' is " + a(capture.type())
							+ " socket, which cannot send copies to whoever listens",
					Remedy.advice("use a PUB, XPUB, PUSH, PAIR or DEALER socket (a PUSH bound to inproc, say, "
							+ "with a PULL listener connected to it)")));
		}
	}

	private void checkUse(ProxySpec spec, String setting, @Nullable String socket, Map<String, Use> users,
			List<ProxyViolation> violations) {
		if (socket == null || socket.isBlank() || !this.sockets.isDeclared(socket)) {
			return;
		}
		Use first = users.putIfAbsent(socket, new Use(spec.name(), setting));
		if (first != null) {
			String where = first.proxy().equals(spec.name()) ? "this proxy's " + first.setting()
					: "the " + first.setting() + " of proxy '" + first.proxy() + "'";
			violations.add(new ProxyViolation(spec.name(), setting, "socket '" + socket + "' is already " + where,
					Remedy.advice("a socket belongs to one thread: declare another socket")));
			return;
		}
		this.sockets.owner(socket)
			.ifPresent((owner) -> violations.add(new ProxyViolation(spec.name(), setting,
					"socket '" + socket + "' is already used by " + owner,
					Remedy.advice("a socket belongs to one thread: declare another socket"))));
	}

	// "an XSUB", "a ROUTER": as the type's name is read aloud.
	private static String a(ZmqSocketType type) {
		return (type.name().startsWith("X") ? "an " : "a ") + type;
	}

	private List<String> declaredNames() {
		return this.sockets.specs().stream().map(SocketSpec::name).toList();
	}

	/** A proxy's use of a socket, as its frontend, backend or capture. */
	private record Use(String proxy, String setting) {

	}

}
