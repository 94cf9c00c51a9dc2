package org.zeromq.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.zeromq.spring.core.ZmqSocketType.DEALER;
import static org.zeromq.spring.core.ZmqSocketType.PUB;
import static org.zeromq.spring.core.ZmqSocketType.PULL;
import static org.zeromq.spring.core.ZmqSocketType.PUSH;
import static org.zeromq.spring.core.ZmqSocketType.REP;
import static org.zeromq.spring.core.ZmqSocketType.REQ;
import static org.zeromq.spring.core.ZmqSocketType.ROUTER;
import static org.zeromq.spring.core.ZmqSocketType.SUB;
import static org.zeromq.spring.core.ZmqSocketType.XPUB;
import static org.zeromq.spring.core.ZmqSocketType.XSUB;

/**
 * Checks socket declarations before anything opens, so that a mistake fails startup with the
 * property to change and how, instead of a socket that silently receives nothing (the guide's
 * "missing message" cases that configuration alone can reveal).
 */
public final class SocketSpecValidator {

	// Which types an option means something for (libzmq's zmq_setsockopt "Applicable socket
	// types"); options not listed apply to every type.
	private static final Map<String, Set<ZmqSocketType>> TYPE_SPECIFIC = Map.of(
			"identity", EnumSet.of(REQ, REP, DEALER, ROUTER),
			"conflate", EnumSet.of(PUSH, PULL, PUB, SUB, DEALER),
			"router-mandatory", EnumSet.of(ROUTER),
			"xpub-nodrop", EnumSet.of(PUB, XPUB),
			"xpub-verbose", EnumSet.of(XPUB),
			"req-relaxed", EnumSet.of(REQ),
			"req-correlate", EnumSet.of(REQ));

	private static final Set<String> SEND_SIDE = Set.of("send-hwm", "send-timeout");

	private static final Set<String> RECEIVE_SIDE = Set.of("receive-hwm", "receive-timeout");

	private final String prefix;

	/**
	 * @param prefix what a socket's name is prefixed with in messages, e.g. {@code zeromq.sockets}
	 */
	public SocketSpecValidator(String prefix) {
		this.prefix = prefix;
	}

	/** Throws {@link InvalidSocketSpecException} listing every violation across all specs. */
	public void validateAll(Collection<SocketSpec> specs) {
		List<SpecViolation> violations = new ArrayList<>();
		for (SocketSpec spec : specs) {
			violations.addAll(validate(spec));
		}
		if (!violations.isEmpty()) {
			throw new InvalidSocketSpecException(violations);
		}
	}

	public List<SpecViolation> validate(SocketSpec spec) {
		List<SpecViolation> violations = new ArrayList<>();
		String at = this.prefix + "." + spec.name();
		if (spec.binds().isEmpty() && spec.connects().isEmpty()) {
			violations.add(new SpecViolation(at + ".bind", "a " + spec.type() + " socket with neither bind nor connect never talks to anyone",
					"add bind: tcp://127.0.0.1:5555 (or connect: tcp://127.0.0.1:5555 to reach a peer that binds)"));
		}
		checkEndpoints(at + ".bind", spec.binds(), violations);
		checkEndpoints(at + ".connect", spec.connects(), violations);
		checkSubscriptions(spec, at, violations);
		checkOptions(spec, at, violations);
		checkHwmPolicy(spec, at, violations);
		return violations;
	}

	private void checkEndpoints(String property, List<String> endpoints, List<SpecViolation> violations) {
		for (String endpoint : endpoints) {
			try {
				Endpoint.parse(endpoint);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new SpecViolation(property, ex.getMessage(), "tcp://127.0.0.1:5555, ipc://name and inproc://name are the forms JeroMQ opens"));
			}
		}
	}

	private void checkSubscriptions(SocketSpec spec, String at, List<SpecViolation> violations) {
		if (spec.type() == SUB && spec.subscriptions().isEmpty()) {
			violations.add(new SpecViolation(at + ".subscribe", "a SUB socket with no 'subscribe' entries receives nothing",
					"add subscribe: [\"\"] to receive everything, or list the topic prefixes you want"));
		}
		if (spec.type() != SUB && spec.type() != XSUB && !spec.subscriptions().isEmpty()) {
			violations.add(new SpecViolation(at + ".subscribe", "subscribe applies to SUB and XSUB sockets only, this one is " + spec.type(),
					"remove subscribe, or make the socket type: SUB"));
		}
	}

	private void checkOptions(SocketSpec spec, String at, List<SpecViolation> violations) {
		ZmqSocketType type = spec.type();
		spec.options().explicitlySet().forEach((option, value) -> {
			Set<ZmqSocketType> applicable = TYPE_SPECIFIC.get(option);
			if (applicable != null && !applicable.contains(type)) {
				violations.add(new SpecViolation(at + "." + option, option + " does not apply to a " + type + " socket",
						"remove it, or use it on " + applicable));
			}
			else if (SEND_SIDE.contains(option) && !type.canSend()) {
				violations.add(new SpecViolation(at + "." + option, "a " + type + " socket never sends, so " + option + " has no effect",
						"remove it"));
			}
			else if (RECEIVE_SIDE.contains(option) && !type.canReceive()) {
				violations.add(new SpecViolation(at + "." + option, "a " + type + " socket never receives, so " + option + " has no effect",
						"remove it"));
			}
			else if (option.equals("immediate") && spec.connects().isEmpty()) {
				violations.add(new SpecViolation(at + "." + option, "immediate only affects connections this socket makes, and it has no connect",
						"remove it, or add connect"));
			}
			checkRange(at, option, value, violations);
		});
	}

	private void checkRange(String at, String option, Object value, List<SpecViolation> violations) {
		String property = at + "." + option;
		if (value instanceof Duration duration && duration.isNegative()) {
			violations.add(new SpecViolation(property, "must not be negative, was " + duration, "use a duration such as 500ms or 2s"));
		}
		if (value instanceof Number number && number.longValue() < 0
				&& !(option.equals("max-message-size") && number.longValue() == PeerInputGuard.NO_LIMIT)) {
			violations.add(new SpecViolation(property, "must not be negative, was " + number, nonNegativeFix(option)));
		}
	}

	// 0 means "no limit" for a high-water mark only: a max-message-size of 0 refuses every
	// non-empty message, and "no limit" there is -1, as in ZeroMQ (unset means the starter's default).
	private static String nonNegativeFix(String option) {
		return switch (option) {
			case "send-hwm", "receive-hwm" -> "use 0 or more (0 means no limit)";
			case "max-message-size" -> "use a size in bytes, or -1 for no limit";
			default -> "use 0 or more";
		};
	}

	private void checkHwmPolicy(SocketSpec spec, String at, List<SpecViolation> violations) {
		if (spec.hwmPolicy() != HwmPolicy.BLOCK && !spec.type().canSend()) {
			violations.add(new SpecViolation(at + ".hwm-policy", "a " + spec.type() + " socket never sends, so hwm-policy has no effect",
					"remove it"));
		}
	}

}
