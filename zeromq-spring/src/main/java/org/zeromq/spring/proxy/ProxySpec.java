package org.zeromq.spring.proxy;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One declared proxy: the declared sockets it joins. Which of the {@link ProxyShape shapes} it is
 * follows from their types.
 *
 * @param name the name the proxy is paused, resumed and stopped by, and its thread is named after
 * @param frontend the socket facing clients, publishers or producers
 * @param backend the socket facing workers or subscribers
 * @param capture a socket that receives a copy of every message forwarded, or {@code null}
 */
public record ProxySpec(String name, @Nullable String frontend, @Nullable String backend, @Nullable String capture) {

	public ProxySpec {
		Objects.requireNonNull(name, "name");
	}

	/** A proxy between two sockets, without capture. */
	public static ProxySpec of(String name, String frontend, String backend) {
		return new ProxySpec(name, frontend, backend, null);
	}

	public Optional<String> captureSocket() {
		return Optional.ofNullable(this.capture);
	}

}
