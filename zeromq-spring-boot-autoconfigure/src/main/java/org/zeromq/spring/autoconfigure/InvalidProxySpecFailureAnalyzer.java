package org.zeromq.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.proxy.InvalidProxySpecException;
import org.zeromq.spring.proxy.ProxyViolation;

/**
 * Lists every invalid {@code zeromq.proxies.*} property with where it is set and what to write
 * instead, as the socket declarations' analysis does.
 */
class InvalidProxySpecFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProxySpecException> {

	private final SocketProperties properties;

	private final InvalidPropertiesAnalysis<ProxyViolation> analysis;

	InvalidProxySpecFailureAnalyzer(@Nullable Environment environment) {
		this.properties = new SocketProperties(environment);
		this.analysis = new InvalidPropertiesAnalysis<>(
				InvalidProxySpecFailureAnalyzer::property, (violation) -> violation.problem() + origin(violation),
				ProxyViolation::fix);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidProxySpecException cause) {
		return this.analysis.of("The ZeroMQ proxy configuration is invalid", cause.violations(), cause);
	}

	private String origin(ProxyViolation violation) {
		return this.properties.originOf(property(violation))
			.map((origin) -> " (set in " + origin + ")")
			.or(() -> this.properties.originUnder(proxyPrefix(violation.proxy()))
				.map((origin) -> " (proxy declared in " + origin + ")"))
			.orElse("");
	}

	static String property(ProxyViolation violation) {
		return proxyPrefix(violation.proxy()) + "." + violation.setting();
	}

	/** {@code zeromq.proxies.<proxy>}, with the name in brackets when it is not a plain key. */
	static String proxyPrefix(String proxy) {
		String key = proxy.matches("[a-z0-9][a-z0-9-]*") ? proxy : "[" + proxy + "]";
		return ZmqProperties.PROXIES_PREFIX + "." + key;
	}

}
