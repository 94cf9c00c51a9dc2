package org.zeromq.spring.samples.weather;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ZeroMQ guide's publish-subscribe examples as roles, each a process that works with the
 * guide's own programs in any language: {@code server} (wuserver), {@code client} (wuclient),
 * {@code proxy} (wuproxy, a {@code zeromq.proxies} entry and nothing else),
 * {@code envelope-publisher} (psenvpub) and {@code envelope-subscriber} (psenvsub). Choose one
 * with {@code --spring.profiles.active=<role>}.
 */
@SpringBootApplication
@EnableConfigurationProperties(WeatherProperties.class)
public class WeatherApplication {

	static final List<String> ROLES = List.of("server", "client", "proxy", "envelope-publisher", "envelope-subscriber");

	/** What {@link #playAndExit} returns for a role that runs until the process is stopped. */
	static final int RUNNING = -1;

	public static void main(String[] args) throws InterruptedException {
		int exitCode = playAndExit(SpringApplication.run(WeatherApplication.class, args));
		if (exitCode != RUNNING) {
			System.exit(exitCode);
		}
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application (which stops the
	 * listeners and closes the sockets and the ZeroMQ context).
	 * @return the exit code, or {@link #RUNNING} for a role that runs until stopped
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		Role role = context.getBeanProvider(Role.class).getIfUnique();
		if (role == null) {
			if (Arrays.stream(context.getEnvironment().getActiveProfiles()).anyMatch(ROLES::contains)) {
				return RUNNING;
			}
			System.err.println("Choose one role: --spring.profiles.active=" + String.join(", ", ROLES));
			return SpringApplication.exit(context, () -> 2);
		}
		int exitCode;
		try {
			exitCode = role.play();
		}
		catch (RuntimeException ex) {
			if (context.isClosed()) {
				// Ctrl-C while playing: the shutdown hook is closing everything; nothing to add.
				return 130;
			}
			throw ex;
		}
		return SpringApplication.exit(context, () -> exitCode);
	}

}
