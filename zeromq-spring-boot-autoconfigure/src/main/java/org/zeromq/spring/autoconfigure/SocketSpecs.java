package org.zeromq.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	private static final Map<SocketOption<?>, PropertyDescriptor> OPTION_PROPERTIES = optionProperties();

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
						socket.getSubscribe(), options(socket), socket.getHwmPolicy()));
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
		OPTION_PROPERTIES.forEach((option, property) -> options.setValue(option, read(property, socket)));
		return options.build();
	}

	/** The property of {@link ZmqProperties.Socket} that holds each option. */
	static Map<SocketOption<?>, PropertyDescriptor> optionProperties() {
		Map<String, PropertyDescriptor> byKey = new LinkedHashMap<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(ZmqProperties.Socket.class)) {
			byKey.put(DataObjectPropertyName.toDashedForm(property.getName()), property);
		}
		Map<SocketOption<?>, PropertyDescriptor> properties = new LinkedHashMap<>();
		for (SocketOption<?> option : SocketOption.values()) {
			PropertyDescriptor property = byKey.get(option.key());
			if (property == null || property.getReadMethod() == null || property.getWriteMethod() == null
					|| property.getPropertyType() != option.type()) {
				throw new IllegalStateException("ZmqProperties.Socket needs a property '" + option.key() + "' of type "
						+ option.type().getName() + " for the socket option of that name");
			}
			properties.put(option, property);
		}
		return Collections.unmodifiableMap(properties);
	}

	private static @Nullable Object read(PropertyDescriptor property, ZmqProperties.Socket socket) {
		try {
			return property.getReadMethod().invoke(socket);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + property.getName() + " of a socket declaration", ex);
		}
	}

}
