package org.zeromq.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * Turns {@code zeromq.sockets.*} into the immutable {@link SocketSpec}s the core works with.
 * Options are read by the {@link SocketOption} table: each option is the {@link ZmqProperties.Socket}
 * property of the same name, so a new row needs no mapping here.
 */
final class SocketSpecs {

	private static final Map<SocketOption<?>, OptionProperty> OPTION_PROPERTIES = optionProperties();

	private SocketSpecs() {
	}

	static List<SocketSpec> from(ZmqProperties properties) {
		List<SocketSpec> specs = new ArrayList<>();
		List<SpecViolation> untyped = new ArrayList<>();
		for (Map.Entry<String, ZmqProperties.Socket> entry : properties.getSockets().entrySet()) {
			String name = entry.getKey();
			ZmqProperties.Socket socket = entry.getValue();
			if (socket.getType() == null) {
				untyped.add(new SpecViolation(name, "type", "no socket type given",
						Remedy.advice("use one of " + ZmqSocketType.names())));
			}
			else {
				specs.add(new SocketSpec(name, socket.getType(), socket.getBind(), socket.getConnect(),
						socket.getSubscribe(), options(socket), socket.getHwmPolicy(), socket.isTraceContext()));
			}
		}
		// The other checks need the type, so an untyped socket is reported on its own.
		if (!untyped.isEmpty()) {
			throw new InvalidSocketSpecException(untyped);
		}
		return specs;
	}

	/** The socket options a declaration sets. */
	static SocketOptions options(ZmqProperties.Socket socket) {
		SocketOptions.Builder options = SocketOptions.builder();
		OPTION_PROPERTIES.forEach((option, property) -> options.setValue(option, property.read(socket)));
		return options.build();
	}

	/**
	 * The property of {@link ZmqProperties.Socket} that holds each option: {@code send-hwm} is
	 * {@code sendHwm}, and a key with a group, {@code curve.server}, is {@code server} of the
	 * socket's {@code curve}.
	 */
	static Map<SocketOption<?>, OptionProperty> optionProperties() {
		Map<SocketOption<?>, OptionProperty> properties = new LinkedHashMap<>();
		for (SocketOption<?> option : SocketOption.values()) {
			properties.put(option, OptionProperty.of(option));
		}
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * The getters from a socket declaration to one option's value.
	 *
	 * @param path the group getters, if any, then the option's
	 */
	record OptionProperty(List<PropertyDescriptor> path) {

		static OptionProperty of(SocketOption<?> option) {
			List<PropertyDescriptor> path = new ArrayList<>();
			Class<?> group = ZmqProperties.Socket.class;
			String[] keys = option.key().split("\\.");
			for (int i = 0; i < keys.length; i++) {
				PropertyDescriptor property = property(group, keys[i]);
				boolean last = i == keys.length - 1;
				if (property == null || property.getReadMethod() == null
						|| (last && (property.getWriteMethod() == null || property.getPropertyType() != option.type()))) {
					throw new IllegalStateException("ZmqProperties.Socket needs a property '" + option.key() + "' of type "
							+ option.type().getName() + " for the socket option of that name");
				}
				path.add(property);
				group = property.getPropertyType();
			}
			return new OptionProperty(List.copyOf(path));
		}

		/** The bean property path from a socket declaration: {@code sendHwm}, {@code curve.publicKey}. */
		String beanPath() {
			return this.path.stream().map(PropertyDescriptor::getName).collect(Collectors.joining("."));
		}

		@Nullable Object read(ZmqProperties.Socket socket) {
			@Nullable Object value = socket;
			for (PropertyDescriptor property : this.path) {
				try {
					value = property.getReadMethod().invoke(value);
				}
				catch (IllegalAccessException | InvocationTargetException ex) {
					throw new IllegalStateException("Cannot read " + property.getName() + " of a socket declaration", ex);
				}
				if (value == null) {
					return null;
				}
			}
			return value;
		}

		private static @Nullable PropertyDescriptor property(Class<?> group, String key) {
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(group)) {
				if (DataObjectPropertyName.toDashedForm(property.getName()).equals(key)) {
					return property;
				}
			}
			return null;
		}

	}

}
