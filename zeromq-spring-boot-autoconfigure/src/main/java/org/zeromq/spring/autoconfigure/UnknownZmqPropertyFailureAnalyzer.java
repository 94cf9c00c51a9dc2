package org.zeromq.spring.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains {@code zeromq.*} keys that bind to nothing, each with the nearest key that exists
 * and where it is set. Ordered before Boot's own analysis of unbound properties, which would
 * only say that the key was left unbound.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownZmqPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<String> explained = cause.getUnboundProperties()
			.stream()
			.flatMap((property) -> ZmqPropertyKeys.explain(property.getName()).map((text) -> text + origin(property)).stream())
			.toList();
		if (explained.isEmpty()) {
			return null;
		}
		String description = "Unknown ZeroMQ configuration:" + explained.stream()
			.map((line) -> System.lineSeparator() + "    " + line)
			.collect(Collectors.joining());
		String action = "Correct or remove these keys. The starter refuses keys it does not know, so that a misspelt "
				+ "or unsupported setting cannot look configured while it does nothing.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String origin(ConfigurationProperty property) {
		return (property.getOrigin() != null) ? " (set in " + property.getOrigin() + ")" : "";
	}

}
