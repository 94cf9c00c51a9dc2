package org.zeromq.spring.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a socket option is when its spec does not set it.
 *
 * @param <T> the option's value type
 */
public sealed interface OptionDefault<T> permits OptionDefault.Jeromq, OptionDefault.Starter, OptionDefault.FromContext {

	/** The socket keeps JeroMQ's own default, described in {@code jeromq} ("1000", "forever"). */
	static <T> OptionDefault<T> jeromq(String jeromq) {
		return new Jeromq<>(jeromq);
	}

	/** The starter sets {@code value} because JeroMQ's default ({@code jeromq}) does harm. */
	static <T> OptionDefault<T> starter(T value, String jeromq) {
		return new Starter<>(value, jeromq);
	}

	/**
	 * The value comes from the context: the starter sets it from the {@link ContextSettings}
	 * with {@code resolver}, or, when the resolver is absent, JeroMQ gives every socket its
	 * context's value by itself.
	 */
	static <T> OptionDefault<T> fromContext(String setting, Function<ContextSettings, T> resolver) {
		return new FromContext<>(setting, Optional.of(resolver));
	}

	/** JeroMQ gives every socket its context's value of {@code setting} by itself. */
	static <T> OptionDefault<T> inheritedFromContext(String setting) {
		return new FromContext<>(setting, Optional.empty());
	}

	/** The value the starter sets when the spec does not: empty when JeroMQ's or the context's applies. */
	default Optional<T> starterValue() {
		return Optional.empty();
	}

	/** @param jeromq JeroMQ's default, in words */
	record Jeromq<T>(String jeromq) implements OptionDefault<T> {
	}

	/**
	 * @param value the starter's default
	 * @param jeromq JeroMQ's default, in words, which the starter's replaces
	 */
	record Starter<T>(T value, String jeromq) implements OptionDefault<T> {

		@Override
		public Optional<T> starterValue() {
			return Optional.of(this.value);
		}

	}

	/**
	 * @param setting the context setting the value comes from ({@code linger}, {@code ipv6})
	 * @param resolver reads it from the context's settings, when the starter sets it itself
	 */
	record FromContext<T>(String setting, Optional<Function<ContextSettings, T>> resolver) implements OptionDefault<T> {
	}

}
