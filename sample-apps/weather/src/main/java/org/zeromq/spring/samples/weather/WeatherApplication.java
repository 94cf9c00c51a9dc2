package org.zeromq.spring.samples.weather;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.zeromq.spring.samples.support.RolePlay;
import org.zeromq.spring.samples.support.UnreadableMessages;

/**
 * The ZeroMQ guide's publish-subscribe examples as roles, each a process that works with the
 * guide's own programs in any language: {@code server} (wuserver), {@code client} (wuclient),
 * {@code proxy} (wuproxy, a {@code zeromq.proxies} entry and nothing else),
 * {@code envelope-publisher} (psenvpub) and {@code envelope-subscriber} (psenvsub). Choose one
 * with {@code --spring.profiles.active=<role>}.
 */
@SpringBootApplication
@Import(UnreadableMessages.class)
@EnableConfigurationProperties(WeatherProperties.class)
public class WeatherApplication {

	static final List<String> ROLES = List.of("server", "client", "proxy", "envelope-publisher", "envelope-subscriber");

	/** What {@link #playAndExit} returns for a role that runs until the process is stopped. */
	static final int RUNNING = RolePlay.SERVING;

	private static final RolePlay ROLE_PLAY = new RolePlay(ROLES);

	public static void main(String[] args) throws InterruptedException {
		ROLE_PLAY.exitWhenPlayed(SpringApplication.run(WeatherApplication.class, args));
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application.
	 * @return the exit code, or {@link #RUNNING} for a role that runs until stopped
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		return ROLE_PLAY.playAndExit(context);
	}

}
