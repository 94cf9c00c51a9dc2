package org.zeromq.spring.samples.pipeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.zeromq.spring.samples.support.RolePlay;
import org.zeromq.spring.samples.support.UnreadableMessages;

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
@Import(UnreadableMessages.class)
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineApplication {

	private static final RolePlay ROLE_PLAY = RolePlay.ending("sink, worker or ventilator");

	public static void main(String[] args) throws InterruptedException {
		ROLE_PLAY.exitWhenPlayed(SpringApplication.run(PipelineApplication.class, args));
	}

	/**
	 * Plays the role of the active profile, then closes the application.
	 * @return the exit code
	 */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		return ROLE_PLAY.playAndExit(context);
	}

}
