package org.zeromq.spring.test.context;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.PropertySource;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * {@code local.zeromq.sockets.<name>.endpoint}: where a declared socket bound, read from the
 * socket registry when asked. It answers only once the registry exists and the socket has
 * bound, and never creates the registry itself, so asking early (while the configuration is
 * still being read) finds nothing instead of opening sockets out of order.
 */
final class LocalZmqEndpointsPropertySource extends PropertySource<ConfigurableListableBeanFactory> {

	static final String NAME = "local.zeromq";

	private static final String PREFIX = "local.zeromq.sockets.";

	private static final String SUFFIX = ".endpoint";

	LocalZmqEndpointsPropertySource(ConfigurableListableBeanFactory beanFactory) {
		super(NAME, beanFactory);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() <= PREFIX.length() + SUFFIX.length()) {
			return null;
		}
		String socket = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
		ZmqSocketRegistry registry = existingRegistry();
		if (registry == null || !registry.isDeclared(socket)) {
			return null;
		}
		try {
			return registry.endpoint(socket);
		}
		catch (ZmqException ex) {
			// Not bound (yet, or at all): unresolved, as any missing property.
			return null;
		}
	}

	private @Nullable ZmqSocketRegistry existingRegistry() {
		for (String bean : getSource().getBeanNamesForType(ZmqSocketRegistry.class, false, false)) {
			if (getSource().containsSingleton(bean)) {
				return getSource().getBean(bean, ZmqSocketRegistry.class);
			}
		}
		return null;
	}

}
