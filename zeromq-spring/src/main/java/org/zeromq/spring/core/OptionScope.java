package org.zeromq.spring.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sockets a {@link SocketOption} means something for: libzmq's "applicable socket types"
 * of {@code zmq_setsockopt}, plus the starter's rule that a send-side option is refused on a
 * type that never sends and a receive-side one on a type that never receives. Setting an
 * option outside its scope would change nothing, so it is refused rather than ignored.
 */
public final class OptionScope {

	/** Every socket. */
	public static final OptionScope ALL_SOCKETS = new OptionScope(Kind.ALL, EnumSet.allOf(ZmqSocketType.class));

	/** Types that send: all but SUB and PULL. */
	public static final OptionScope SENDING_TYPES = new OptionScope(Kind.SENDING, typesWhere(true));

	/** Types that receive: all but PUB and PUSH. */
	public static final OptionScope RECEIVING_TYPES = new OptionScope(Kind.RECEIVING, typesWhere(false));

	/** Sockets that connect: the option concerns connections the socket makes itself. */
	public static final OptionScope CONNECTING_SOCKETS = new OptionScope(Kind.CONNECTING,
			EnumSet.allOf(ZmqSocketType.class));

	private enum Kind {

		ALL, SENDING, RECEIVING, TYPES, CONNECTING

	}

	private final Kind kind;

	private final Set<ZmqSocketType> types;

	private OptionScope(Kind kind, Set<ZmqSocketType> types) {
		this.kind = kind;
		this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
	}

	/** Only the given types. */
	public static OptionScope types(ZmqSocketType first, ZmqSocketType... rest) {
		return new OptionScope(Kind.TYPES, EnumSet.of(first, rest));
	}

	/** The socket types the option can apply to. */
	public Set<ZmqSocketType> types() {
		return this.types;
	}

	/** Whether the option means something for this socket. */
	public boolean appliesTo(SocketSpec spec) {
		return this.types.contains(spec.type()) && (this.kind != Kind.CONNECTING || !spec.connects().isEmpty());
	}

	/** The scope in words, as the option table shows it: "sending types", "REQ, ROUTER", … */
	public String describe() {
		return switch (this.kind) {
			case ALL -> "all";
			case SENDING -> "sending types";
			case RECEIVING -> "receiving types";
			case CONNECTING -> "sockets with connect";
			case TYPES -> this.types.stream().map(Enum::name).collect(Collectors.joining(", "));
		};
	}

	/** What is wrong when {@code option} is set on a socket outside this scope. */
	Optional<SpecViolation> check(SocketSpec spec, String option) {
		if (appliesTo(spec)) {
			return Optional.empty();
		}
		ZmqSocketType type = spec.type();
		return Optional.of(switch (this.kind) {
			case SENDING -> new SpecViolation(spec.name(), option,
					"a " + type + " socket never sends, so " + option + " has no effect", Remedy.remove(option));
			case RECEIVING -> new SpecViolation(spec.name(), option,
					"a " + type + " socket never receives, so " + option + " has no effect", Remedy.remove(option));
			case CONNECTING -> new SpecViolation(spec.name(), option,
					option + " only affects connections this socket makes, and it has no connect", Remedy.remove(option),
					Remedy.advice("add connect"));
			case TYPES, ALL -> new SpecViolation(spec.name(), option, option + " does not apply to a " + type + " socket",
					Remedy.remove(option), Remedy.advice("use it on " + this.types));
		});
	}

	private static Set<ZmqSocketType> typesWhere(boolean sending) {
		Set<ZmqSocketType> types = EnumSet.noneOf(ZmqSocketType.class);
		for (ZmqSocketType type : ZmqSocketType.values()) {
			if (sending ? type.canSend() : type.canReceive()) {
				types.add(type);
			}
		}
		return types;
	}

	@Override
	public String toString() {
		return describe();
	}

}
