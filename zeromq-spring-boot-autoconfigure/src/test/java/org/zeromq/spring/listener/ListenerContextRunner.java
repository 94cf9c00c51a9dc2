package org.zeromq.spring.listener;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * The application a listener test starts: the starter's auto-configuration, to which each test
 * adds its handler beans and declares its sockets.
 */
final class ListenerContextRunner {

	/** Loopback with a port the system picks; tests read the real one back from the registry. */
	static final String ANY_TCP = "tcp://127.0.0.1:*";

	/** How long a test waits for something that should happen; a failing test fails within it. */
	static final Duration WAIT = Duration.ofSeconds(10);

	private ListenerContextRunner() {
	}

	static ApplicationContextRunner create() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class));
	}

	/** Where a declared socket bound, as resolved: {@code tcp://127.0.0.1:*} reads back with its port. */
	static String endpoint(ApplicationContext context, String socket) {
		return context.getBean(ZmqSocketRegistry.class).endpoint(socket);
	}

	/**
	 * The properties declaring one socket, e.g. {@code socket("hello", "REP", "bind=" + ANY_TCP)}.
	 * @param settings {@code key=value} pairs under {@code zeromq.sockets.<name>}
	 */
	static String[] socket(String name, String type, String... settings) {
		String prefix = "zeromq.sockets." + name + ".";
		String[] properties = new String[settings.length + 1];
		properties[0] = prefix + "type=" + type;
		for (int i = 0; i < settings.length; i++) {
			properties[i + 1] = prefix + settings[i];
		}
		return properties;
	}

}
