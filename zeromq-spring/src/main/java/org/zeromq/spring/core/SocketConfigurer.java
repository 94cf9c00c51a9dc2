package org.zeromq.spring.core;

import java.time.Duration;
import java.util.Optional;

import org.zeromq.ZMQ;

/**
 * Applies a {@link SocketSpec}'s options to a JeroMQ socket, before it binds or connects (most
 * options only affect connections made afterwards): for every {@link SocketOption} that applies
 * to the socket, the spec's value, else the starter's default, else the context's value where
 * the starter sets that itself. Options left to JeroMQ's default are not touched.
 */
public final class SocketConfigurer {

	private final ContextSettings context;

	/** @param context the settings of the context the sockets belong to, for context-wide defaults */
	public SocketConfigurer(ContextSettings context) {
		this.context = context;
	}

	/** @param defaultLinger the linger of sockets whose spec sets none */
	public SocketConfigurer(Duration defaultLinger) {
		this(ContextSettings.DEFAULTS.withLinger(defaultLinger));
	}

	public void configure(ZMQ.Socket socket, SocketSpec spec) {
		for (SocketOption<?> option : SocketOption.values()) {
			if (option.scope().appliesTo(spec)) {
				configure(socket, spec, option);
			}
		}
	}

	private <T> void configure(ZMQ.Socket socket, SocketSpec spec, SocketOption<T> option) {
		Optional<T> value = spec.options().effective(option).or(() -> fromContext(option));
		if (value.isPresent()) {
			apply(socket, spec.name(), option, value.get());
		}
	}

	private <T> Optional<T> fromContext(SocketOption<T> option) {
		if (option.defaultValue() instanceof OptionDefault.FromContext<T> fromContext) {
			return fromContext.resolver().map((resolver) -> resolver.apply(this.context));
		}
		return Optional.empty();
	}

	/**
	 * Whether a REQ socket of this spec may send its next request after one went unanswered and
	 * then tells the late reply from the one it waits for: req-relaxed and req-correlate are both
	 * on, as they are unless the spec turns one off. Decided from the spec because JeroMQ cannot
	 * read either option back from a socket.
	 */
	public static boolean recoversFromUnansweredRequest(SocketSpec spec) {
		return spec.options().effective(SocketOption.REQ_RELAXED).orElse(false)
				&& spec.options().effective(SocketOption.REQ_CORRELATE).orElse(false);
	}

	private static <T> void apply(ZMQ.Socket socket, String name, SocketOption<T> option, T value) {
		boolean accepted;
		try {
			accepted = option.applyTo(socket, value);
		}
		catch (RuntimeException ex) {
			// a secret's rejection keeps its cause out of the message, in case JeroMQ quoted the value
			String why = option.isSecret() ? "" : ": " + ex.getMessage();
			throw new ZmqException("JeroMQ rejected " + option.key() + " on socket '" + name + "'" + why,
					option.isSecret() ? null : ex);
		}
		if (!accepted) {
			throw new ZmqException("JeroMQ rejected " + option.key() + " on socket '" + name + "'");
		}
	}

}
