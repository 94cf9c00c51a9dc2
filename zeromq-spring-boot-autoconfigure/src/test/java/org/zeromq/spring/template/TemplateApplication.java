package org.zeromq.spring.template;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;

/**
 * The application the template tests run: the starter's auto-configuration with Boot's Jackson
 * (so JSON goes through Boot's {@code JsonMapper}), and sockets declared as properties the way a
 * user writes them in {@code application.yml}.
 */
final class TemplateApplication {

	private TemplateApplication() {
	}

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ZmqAutoConfiguration.class));
	}

	/** The application with one socket declared, as {@link #socket} writes it. */
	static ApplicationContextRunner runnerWith(String name, String type, String... settings) {
		return runner().withPropertyValues(socket(name, type, settings));
	}

	/**
	 * {@code zeromq.sockets.<name>.*} properties.
	 * @param settings {@code key=value} pairs under the socket, e.g. {@code "connect=tcp://…"}
	 */
	static String[] socket(String name, String type, String... settings) {
		String prefix = "zeromq.sockets." + name + ".";
		List<String> properties = new ArrayList<>(settings.length + 1);
		properties.add(prefix + "type=" + type);
		for (String setting : settings) {
			properties.add(prefix + setting);
		}
		return properties.toArray(String[]::new);
	}

}
