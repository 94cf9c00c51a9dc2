package org.zeromq.spring.samples.broker;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.samples.support.RolePlay;

/**
 * The ZeroMQ guide's request-reply broker as roles, each a process that works with the guide's own
 * programs in any language: {@code client} (rrclient), {@code broker} (rrbroker and msgqueue:
 * a {@code zeromq.proxies} entry in {@code application-broker.yml}, and no Java) and
 * {@code worker} (rrworker). Choose one with {@code --spring.profiles.active=<role>}.
 */
@SpringBootApplication
@EnableConfigurationProperties(BrokerProperties.class)
public class BrokerApplication {

	static final List<String> ROLES = List.of("client", "broker", "worker");

	/** What {@link #playAndExit} returns for a role that serves until the process is stopped. */
	static final int SERVING = RolePlay.SERVING;

	private static final RolePlay ROLE_PLAY = new RolePlay(ROLES);

	public static void main(String[] args) throws InterruptedException {
		ROLE_PLAY.exitWhenPlayed(SpringApplication.run(BrokerApplication.class, args));
	}

	/**
	 * Plays the role that ends, if there is one, then closes the application.
	 * @return the exit code, or {@link #SERVING} for a role that serves until stopped
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		return ROLE_PLAY.playAndExit(context);
	}

}
