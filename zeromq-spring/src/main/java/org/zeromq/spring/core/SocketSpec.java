package org.zeromq.spring.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one named socket: its type, where it binds and connects, its
 * subscriptions and its options. Immutable; {@link SocketSpecValidator} says whether it makes
 * sense before any socket is opened.
 *
 * @param name the name senders and listeners use to refer to the socket
 * @param type the socket type
 * @param binds endpoints to bind, in order ({@code tcp://127.0.0.1:*} picks a free port)
 * @param connects endpoints to connect to, in order
 * @param subscriptions SUB prefix filters ({@code ""} matches everything)
 * @param options the {@link SocketOption}s it sets; the others keep their defaults
 * @param hwmPolicy what a send does at the high-water mark
 * @param traceContext whether messages carry a trace-context frame after their last frame
 * ({@link TraceContextFrame}); both ends must agree, and plain ZeroMQ peers must not have it
 */
public record SocketSpec(String name, ZmqSocketType type, List<String> binds, List<String> connects,
		List<String> subscriptions, SocketOptions options, HwmPolicy hwmPolicy, boolean traceContext) {

	public SocketSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		binds = (binds != null) ? List.copyOf(binds) : List.of();
		connects = (connects != null) ? List.copyOf(connects) : List.of();
		subscriptions = (subscriptions != null) ? List.copyOf(subscriptions) : List.of();
		options = (options != null) ? options : SocketOptions.DEFAULTS;
		hwmPolicy = (hwmPolicy != null) ? hwmPolicy : HwmPolicy.BLOCK;
	}

	/** A socket whose messages carry no trace context, as every plain ZeroMQ peer expects. */
	public SocketSpec(String name, ZmqSocketType type, List<String> binds, List<String> connects,
			List<String> subscriptions, SocketOptions options, HwmPolicy hwmPolicy) {
		this(name, type, binds, connects, subscriptions, options, hwmPolicy, false);
	}

	public static SocketSpec bind(String name, ZmqSocketType type, String endpoint) {
		return new SocketSpec(name, type, List.of(endpoint), List.of(), List.of(), SocketOptions.DEFAULTS, HwmPolicy.BLOCK);
	}

	public static SocketSpec connect(String name, ZmqSocketType type, String endpoint) {
		return new SocketSpec(name, type, List.of(), List.of(endpoint), List.of(), SocketOptions.DEFAULTS, HwmPolicy.BLOCK);
	}

	public boolean isBindSide() {
		return !this.binds.isEmpty();
	}

	public SocketSpec withOptions(SocketOptions newOptions) {
		return new SocketSpec(this.name, this.type, this.binds, this.connects, this.subscriptions, newOptions,
				this.hwmPolicy, this.traceContext);
	}

	public SocketSpec withSubscriptions(List<String> newSubscriptions) {
		return new SocketSpec(this.name, this.type, this.binds, this.connects, newSubscriptions, this.options,
				this.hwmPolicy, this.traceContext);
	}

	public SocketSpec withHwmPolicy(HwmPolicy newPolicy) {
		return new SocketSpec(this.name, this.type, this.binds, this.connects, this.subscriptions, this.options,
				newPolicy, this.traceContext);
	}

	/** The same socket with trace-context frames on or off. */
	public SocketSpec withTraceContext(boolean on) {
		return new SocketSpec(this.name, this.type, this.binds, this.connects, this.subscriptions, this.options,
				this.hwmPolicy, on);
	}

}
