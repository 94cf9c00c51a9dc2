package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks socket declarations before anything opens, so that a mistake fails startup with the
 * setting to change and how, instead of a socket that silently receives nothing (the guide's
 * "missing message" cases that configuration alone can reveal). Options are checked against
 * the {@link SocketOption} table: the sockets each applies to and the values it accepts.
 */
public final class SocketSpecValidator {

	private final Function<SocketSpec, List<SpecViolation>> moreChecks;

	/** Checks declarations by themselves. */
	public SocketSpecValidator() {
		this((spec) -> List.of());
	}

	/**
	 * @param moreChecks checks beyond the declaration itself, such as a
	 * {@link ZmqSocketFactory#check(SocketSpec) factory's}
	 */
	public SocketSpecValidator(Function<SocketSpec, List<SpecViolation>> moreChecks) {
		this.moreChecks = moreChecks;
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
		if (spec.binds().isEmpty() && spec.connects().isEmpty()) {
			violations.add(new SpecViolation(spec.name(), "bind",
					"a " + spec.type() + " socket with neither bind nor connect never talks to anyone",
					Remedy.add("bind", "tcp://127.0.0.1:5555", ""),
					Remedy.add("connect", "tcp://127.0.0.1:5555", "to reach a peer that binds")));
		}
		checkEndpoints(spec, "bind", spec.binds(), violations);
		checkEndpoints(spec, "connect", spec.connects(), violations);
		checkSubscriptions(spec, violations);
		checkOptions(spec, violations);
		checkHwmPolicy(spec, violations);
		violations.addAll(new SecurityRules(spec).violations());
		violations.addAll(this.moreChecks.apply(spec));
		return violations;
	}

	@SuppressWarnings("NullAway") // Endpoint.parse always says why it refuses
	private void checkEndpoints(SocketSpec spec, String setting, List<String> endpoints, List<SpecViolation> violations) {
		for (String endpoint : endpoints) {
			try {
				Endpoint parsed = Endpoint.parse(endpoint);
				if (setting.equals("connect")) {
					parsed.connectProblem()
						.ifPresent((problem) -> violations.add(new SpecViolation(spec.name(), setting, problem,
								Remedy.advice("a connect names the peer's endpoint, e.g. tcp://127.0.0.1:5555"))));
				}
			}
			catch (IllegalArgumentException ex) {
				violations.add(new SpecViolation(spec.name(), setting, ex.getMessage(),
						Remedy.advice("tcp://127.0.0.1:5555, ipc://name and inproc://name are the forms JeroMQ opens")));
			}
		}
	}

	private void checkSubscriptions(SocketSpec spec, List<SpecViolation> violations) {
		ZmqSocketType type = spec.type();
		if (type == ZmqSocketType.SUB && spec.subscriptions().isEmpty()) {
			violations.add(new SpecViolation(spec.name(), "subscribe",
					"a SUB socket with no 'subscribe' entries receives nothing",
					Remedy.add("subscribe", "", "to receive everything"),
					Remedy.advice("list the topic prefixes you want")));
		}
		if (type != ZmqSocketType.SUB && type != ZmqSocketType.XSUB && !spec.subscriptions().isEmpty()) {
			violations.add(new SpecViolation(spec.name(), "subscribe",
					"subscribe applies to SUB and XSUB sockets only, this one is " + type, Remedy.remove("subscribe"),
					Remedy.change("type", "SUB")));
		}
	}

	private void checkOptions(SocketSpec spec, List<SpecViolation> violations) {
		for (Map.Entry<SocketOption<?>, Object> set : spec.options().explicitlySet().entrySet()) {
			SocketOption<?> option = set.getKey();
			option.scope().check(spec, option.key()).ifPresent(violations::add);
			checkRange(spec, option, set.getValue(), violations);
		}
	}

	private <T> void checkRange(SocketSpec spec, SocketOption<T> option, Object value, List<SpecViolation> violations) {
		option.range()
			.check(option.cast(value))
			.ifPresent((outOfRange) -> violations.add(new SpecViolation(spec.name(), option.key(), outOfRange.problem(),
					Remedy.advice(outOfRange.fix()))));
	}

	private void checkHwmPolicy(SocketSpec spec, List<SpecViolation> violations) {
		if (spec.hwmPolicy() != HwmPolicy.BLOCK && !spec.type().canSend()) {
			violations.add(new SpecViolation(spec.name(), "hwm-policy",
					"a " + spec.type() + " socket never sends, so hwm-policy has no effect", Remedy.remove("hwm-policy")));
		}
	}

}
