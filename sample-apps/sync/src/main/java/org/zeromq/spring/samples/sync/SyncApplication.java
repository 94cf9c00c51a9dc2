package org.zeromq.spring.samples.sync;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ZeroMQ guide's node coordination (syncpub, syncsub) as roles, each a process that works with
 * the guide's own programs in any language: {@code publisher} waits for its subscribers to
 * synchronize over REQ/REP, then broadcasts; {@code subscriber} synchronizes and counts. Choose one
 * with {@code --spring.profiles.active=<role>}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SyncProperties.class)
public class SyncApplication {

	static final List<String> ROLES = List.of("publisher", "subscriber");

	/** What {@link #playAndExit} returns for a role that serves until the process is stopped. */
	static final int SERVING = -1;

	public static void main(String[] args) throws InterruptedException {
		int exitCode = playAndExit(SpringApplication.run(SyncApplication.class, args));
		if (exitCode != SERVING) {
			System.exit(exitCode);
		}
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application (which stops the
	 * listeners and proxies and closes the sockets and the ZeroMQ context).
	 * @return the exit code, or {@link #SERVING} for a role that serves until stopped
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		Role role = context.getBeanProvider(Role.class).getIfUnique();
		if (role == null) {
			if (Arrays.stream(context.getEnvironment().getActiveProfiles()).anyMatch(ROLES::contains)) {
				return SERVING;
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
