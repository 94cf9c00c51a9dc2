package org.zeromq.spring.samples.weather;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ZeroMQ guide's weather server and client (wuserver and wuclient), written with pub-sub
 * envelopes (psenvpub and psenvsub): the topic frame is the zip code and the payload is the
 * update as JSON. One application, two roles, run as separate processes:
 * <ul>
 * <li>{@code --spring.profiles.active=publisher}: publishes updates for random zip codes, then exits;</li>
 * <li>{@code --spring.profiles.active=subscriber}: subscribes to one zip code, averages its
 * temperatures, prints the average, then exits.</li>
 * </ul>
 */
@SpringBootApplication
@EnableConfigurationProperties(WeatherProperties.class)
public class WeatherApplication {

	public static void main(String[] args) throws InterruptedException {
		System.exit(playAndExit(SpringApplication.run(WeatherApplication.class, args)));
	}

	/**
	 * Plays the role of the active profile, then closes the application, which stops the
	 * listener and closes the sockets and the ZeroMQ context.
	 * @return the exit code
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		Role role = context.getBeanProvider(Role.class).getIfUnique();
		if (role == null) {
			System.err.println("Choose one role: --spring.profiles.active=publisher or --spring.profiles.active=subscriber");
			return SpringApplication.exit(context, () -> 2);
		}
		int exitCode = role.play();
		return SpringApplication.exit(context, () -> exitCode);
	}

}
