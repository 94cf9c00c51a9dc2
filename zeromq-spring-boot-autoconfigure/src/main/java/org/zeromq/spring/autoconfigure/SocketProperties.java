package org.zeromq.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SpecViolation;

/**
 * Says the core's socket settings in the application's configuration terms: the property
 * ({@code zeromq.sockets.updates.subscribe}), where it is set (file and line, when Spring Boot
 * knows them) and the fix as YAML ({@code add subscribe: [""]}).
 */
final class SocketProperties {

	/** How a violation names the context's security settings, {@code zeromq.security.*}. */
	private static final String SECURITY = "security.";

	private final List<ConfigurationPropertySource> sources;

	/** @param environment where the configuration came from; {@code null} when unknown */
	SocketProperties(@Nullable Environment environment) {
		this.sources = (environment instanceof ConfigurableEnvironment)
				? asList(ConfigurationPropertySources.get(environment)) : List.of();
	}

	/**
	 * {@code zeromq.sockets.<socket>.<setting>}; a setting under {@code security.} is one of the
	 * context's security settings, {@code zeromq.security.<setting>}, whichever socket asks.
	 */
	static String property(String socket, String setting) {
		if (setting.startsWith(SECURITY)) {
			return securityProperty(setting.substring(SECURITY.length()));
		}
		return socketPrefix(socket) + "." + setting;
	}

	/** {@code zeromq.security.<setting>}. */
	static String securityProperty(String setting) {
		return ZmqProperties.PREFIX + "." + SECURITY + setting;
	}

	/** {@code zeromq.sockets.<socket>}, with the name in brackets when it is not a plain key. */
	static String socketPrefix(String socket) {
		String key = socket.matches("[a-z0-9][a-z0-9-]*") ? socket : "[" + socket + "]";
		return ZmqProperties.SOCKETS_PREFIX + "." + key;
	}

	/**
	 * Where the setting is set or, when it is not set at all, where the socket is declared:
	 * " (set in class path resource [application.yml] - 5:17)"; empty when nobody knows.
	 */
	String origin(String socket, String setting) {
		return originOf(property(socket, setting)).map((origin) -> " (set in " + origin + ")")
			.or(() -> originUnder(socketPrefix(socket)).map((origin) -> " (socket declared in " + origin + ")"))
			.orElse("");
	}

	Optional<Origin> originOf(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			return Optional.empty();
		}
		for (ConfigurationPropertySource source : this.sources) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null && found.getOrigin() != null) {
				return Optional.of(found.getOrigin());
			}
		}
		return Optional.empty();
	}

	Optional<Origin> originUnder(String prefix) {
		ConfigurationPropertyName parent = ConfigurationPropertyName.ofIfValid(prefix);
		if (parent == null) {
			return Optional.empty();
		}
		for (ConfigurationPropertySource source : this.sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				for (ConfigurationPropertyName name : iterable.filter(parent::isAncestorOf)) {
					ConfigurationProperty found = iterable.getConfigurationProperty(name);
					if (found != null && found.getOrigin() != null) {
						return Optional.of(found.getOrigin());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The violation's remedies as changes to the YAML declaration, as alternatives. */
	static String fix(SpecViolation violation) {
		String it = Remedy.aboutSubjectOnly(violation.remedies(), violation.setting()) ? violation.setting() : null;
		return violation.remedies().stream().map((remedy) -> yaml(remedy, it)).collect(Collectors.joining(", or "));
	}

	private static String yaml(Remedy remedy, @Nullable String subject) {
		if (remedy instanceof Remedy.Add add && add.setting().startsWith(SECURITY)) {
			String purpose = add.purpose().isEmpty() ? "" : " " + add.purpose();
			return "add " + add.example() + " to " + property("", add.setting()) + purpose;
		}
		if (remedy instanceof Remedy.Change change && change.setting().startsWith(SECURITY)) {
			return "set " + property("", change.setting()) + ": " + yamlValue(change.value());
		}
		if (remedy instanceof Remedy.Add add) {
			String purpose = add.purpose().isEmpty() ? "" : " " + add.purpose();
			return "add " + add.setting() + ": " + yamlValue(add.example()) + purpose;
		}
		if (remedy instanceof Remedy.Change change) {
			return "set " + change.setting() + ": " + yamlValue(change.value());
		}
		return remedy.describe(subject);
	}

	// An empty string alone would bind as an empty list, so it is written as a one-element list.
	private static String yamlValue(String value) {
		return value.isEmpty() ? "[\"\"]" : value;
	}

	private static List<ConfigurationPropertySource> asList(Iterable<ConfigurationPropertySource> sources) {
		List<ConfigurationPropertySource> list = new ArrayList<>();
		sources.forEach(list::add);
		return list;
	}

}
