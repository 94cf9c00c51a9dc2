package org.zeromq.spring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@link SocketOption}s a {@link SocketSpec} sets, by option. An option that is not set
 * keeps its {@link SocketOption#defaultValue() default}; {@link #effective} says which value
 * that is, so that every reader of a spec sees the value the socket really gets.
 */
public final class SocketOptions {

	/** What a secret value reads as wherever options are shown. */
	public static final String MASK = "******";

	/** No option set: every default applies. */
	public static final SocketOptions DEFAULTS = new SocketOptions(Map.of());

	private final Map<SocketOption<?>, Object> values;

	private SocketOptions(Map<SocketOption<?>, Object> values) {
		this.values = values;
	}

	public static Builder builder() {
		return new Builder(Map.of());
	}

	/** The value the spec sets, if it sets one. */
	public <T> Optional<T> get(SocketOption<T> option) {
		return Optional.ofNullable(this.values.get(option)).map(option::cast);
	}

	/**
	 * The value the socket gets from the spec or, when the spec does not set it, from the
	 * starter's default; empty when neither does and JeroMQ's own default (or the context's)
	 * applies.
	 */
	public <T> Optional<T> effective(SocketOption<T> option) {
		return get(option).or(() -> option.defaultValue().starterValue());
	}

	/** The options that are set, in table order. */
	public Map<SocketOption<?>, Object> explicitlySet() {
		return this.values;
	}

	/** A builder that starts from these options. */
	public Builder toBuilder() {
		return new Builder(this.values);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof SocketOptions that) && this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	/** The options that are set, with every secret value masked. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("{");
		this.values.forEach((option, value) -> text.append((text.length() > 1) ? ", " : "")
			.append(option.key())
			.append('=')
			.append(option.isSecret() ? MASK : value));
		return text.append('}').toString();
	}

	/** Sets options one at a time; most sockets set two or three. */
	public static final class Builder {

		private final Map<SocketOption<?>, Object> values;

		private Builder(Map<SocketOption<?>, Object> values) {
			this.values = new LinkedHashMap<>(values);
		}

		/** Sets the option, or unsets it when {@code value} is {@code null}. */
		public <T> Builder set(SocketOption<T> option, @Nullable T value) {
			return setValue(option, value);
		}

		/**
		 * Sets the option from a value of unchecked type, as read from configuration.
		 * @throws ClassCastException when the value is not of the option's type
		 */
		public Builder setValue(SocketOption<?> option, @Nullable Object value) {
			if (value == null) {
				this.values.remove(option);
			}
			else {
				this.values.put(option, option.cast(value));
			}
			return this;
		}

		public SocketOptions build() {
			if (this.values.isEmpty()) {
				return DEFAULTS;
			}
			Map<SocketOption<?>, Object> ordered = new LinkedHashMap<>();
			for (SocketOption<?> option : SocketOption.values()) {
				if (this.values.containsKey(option)) {
					ordered.put(option, this.values.get(option));
				}
			}
			return new SocketOptions(Collections.unmodifiableMap(ordered));
		}

	}

}
