package org.zeromq.spring.samples.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a sample's {@code main} plays the role its active profile chose: the {@link Role} bean, if
 * there is one, on the main thread, then it closes the application (which stops the listeners and
 * proxies and closes the sockets and the ZeroMQ context). A role without a {@link Role} bean
 * serves until the process is stopped; no role at all is a usage error.
 */
public final class RolePlay {

	/** What {@link #playAndExit} returns for a role that serves until the process is stopped. */
	public static final int SERVING = -1;

	/** The exit code of a process started without a role. */
	static final int USAGE = 2;

	/** The exit code of a role interrupted by Ctrl-C, as shells report SIGINT. */
	static final int INTERRUPTED = 130;

	private final List<String> roles;

	private final String choices;

	/**
	 * Roles named by the profiles in {@code roles}, listed as they are in the usage message; a role
	 * among them without a {@link Role} bean serves.
	 */
	public RolePlay(List<String> roles) {
		this(roles, String.join(", ", roles));
	}

	private RolePlay(List<String> roles, String choices) {
		this.roles = List.copyOf(roles);
		this.choices = choices;
	}

	/**
	 * Roles that all end, listed in the usage message as {@code choices}: without exactly one
	 * {@link Role} bean there is nothing to play, whatever the profiles.
	 */
	public static RolePlay ending(String choices) {
		return new RolePlay(List.of(), choices);
	}

	/** Plays the role of the started application, and exits the process unless the role serves. */
	public void exitWhenPlayed(ConfigurableApplicationContext context) throws InterruptedException {
		int exitCode = playAndExit(context);
		if (exitCode != SERVING) {
			System.exit(exitCode);
		}
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application.
	 * @return the exit code, or {@link #SERVING} for a role that serves until stopped
	 */
	public int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		Role role = context.getBeanProvider(Role.class).getIfUnique();
		if (role == null) {
			if (Arrays.stream(context.getEnvironment().getActiveProfiles()).anyMatch(this.roles::contains)) {
				return SERVING;
			}
			System.err.println("Choose one role: --spring.profiles.active=" + this.choices);
			return SpringApplication.exit(context, () -> USAGE);
		}
		int exitCode;
		try {
			exitCode = role.play();
		}
		catch (RuntimeException ex) {
			if (context.isClosed()) {
				// Ctrl-C while playing: the shutdown hook is closing everything; nothing to add.
				return INTERRUPTED;
			}
			throw ex;
		}
		return SpringApplication.exit(context, () -> exitCode);
	}

}
