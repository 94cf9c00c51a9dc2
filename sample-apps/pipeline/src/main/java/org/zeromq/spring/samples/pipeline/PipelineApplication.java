package org.zeromq.spring.samples.pipeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ZeroMQ guide's parallel pipeline with a kill signal (taskvent, taskwork2, tasksink2), on the
 * guide's ports and wire, so that each role works with the guide's own programs for the others.
 * One application, three roles, each run as its own process:
 * <ul>
 * <li>{@code sink}: collects the results, reports the elapsed time, then publishes KILL;</li>
 * <li>{@code worker} (start several): takes tasks, does them, sends each result to the sink,
 * and exits on KILL;</li>
 * <li>{@code ventilator}: waits for the workers, sends a batch of tasks, then exits.</li>
 * </ul>
 * Select the role with {@code --spring.profiles.active=<role>}.
 */
@SpringBootApplication
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineApplication {

	public static void main(String[] args) throws InterruptedException {
		System.exit(playAndExit(SpringApplication.run(PipelineApplication.class, args)));
	}

	/**
	 * Plays the role of the active profile, then closes the application, which stops the
	 * listeners and closes the sockets and the ZeroMQ context.
	 * @return the exit code
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		Role role = context.getBeanProvider(Role.class).getIfUnique();
		if (role == null) {
			System.err.println("Choose one role: --spring.profiles.active=sink, worker or ventilator");
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
