package org.zeromq.spring.test.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.zeromq.spring.autoconfigure.ZmqProperties;

/**
 * Rewrites the declared sockets' tcp binds to {@code tcp://127.0.0.1:*} before the context
 * refreshes, and adds the {@code local.zeromq.*} property source that reads the resolved
 * endpoints back. Equal to every other instance, so that test classes with the same
 * configuration share a cached context.
 */
final class EphemeralEndpointsContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "zeromq-ephemeral-endpoints";

	static final String ANY_LOOPBACK_PORT = "tcp://127.0.0.1:*";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		// Bound as the auto-configuration binds them, so that placeholders, relaxed names,
		// YAML lists and comma-separated values all read as the application would read them.
		ZmqProperties declared = Binder.get(environment)
			.bind(ZmqProperties.PREFIX, ZmqProperties.class)
			.orElseGet(ZmqProperties::new);
		Map<String, Object> rewritten = new LinkedHashMap<>();
		declared.getSockets().forEach((name, socket) -> {
			List<String> binds = socket.getBind();
			if (binds.stream().anyMatch(EphemeralEndpointsContextCustomizer::isTcp)) {
				List<String> ephemeral = binds.stream()
					.map((endpoint) -> isTcp(endpoint) ? ANY_LOOPBACK_PORT : endpoint)
					.toList();
				// Brackets keep a socket name with dots one map key. A list is taken whole from
				// the first property source that has it, so this one replaces the declared binds.
				rewritten.put(ZmqProperties.SOCKETS_PREFIX + "[" + name + "].bind", String.join(",", ephemeral));
			}
		});
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, rewritten));
		environment.getPropertySources().addLast(new LocalZmqEndpointsPropertySource(context.getBeanFactory()));
	}

	private static boolean isTcp(String endpoint) {
		return endpoint.trim().regionMatches(true, 0, "tcp://", 0, "tcp://".length());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof EphemeralEndpointsContextCustomizer;
	}

	@Override
	public int hashCode() {
		return EphemeralEndpointsContextCustomizer.class.hashCode();
	}

}
