package org.zeromq.spring.samples.sync;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.samples.support.RolePlay;

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
	static final int SERVING = RolePlay.SERVING;

	private static final RolePlay ROLE_PLAY = new RolePlay(ROLES);

	public static void main(String[] args) throws InterruptedException {
		ROLE_PLAY.exitWhenPlayed(SpringApplication.run(SyncApplication.class, args));
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application.
	 * @return the exit code, or {@link #SERVING} for a role that serves until stopped
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		return ROLE_PLAY.playAndExit(context);
	}

}
