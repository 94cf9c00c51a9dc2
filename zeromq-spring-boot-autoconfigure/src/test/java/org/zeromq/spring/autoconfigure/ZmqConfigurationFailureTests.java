package org.zeromq.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when {@code application.yml} gets the ZeroMQ configuration wrong: a real
 * application starting from a YAML file fails, and Spring Boot's report names the key, the file
 * and line it is on, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqConfigurationFailureTests {

	@Test
	void aMisspeltOptionStopsStartupNamingTheNearestOptionAndItsLine(CapturedOutput output) {
		failsToStart("option-typo.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("`zeromq.sockets.jobs.send-hwn` is not a socket option; did you mean `send-hwm`?"
					+ " (set in class path resource [config-errors/option-typo.yml] - 6:17)");
	}

	@Test
	void misspeltKeysOfEveryGroupAreNamedWithTheNearestKeyOrTheKeysThereAre(CapturedOutput output) {
		failsToStart("group-typos.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("`zeromq.context.io-thread` is not a context option; did you mean `io-threads`?")
			.contains("`zeromq.listener.shutdown-timout` is not a listener option; did you mean `shutdown-timeout`?")
			.contains("`zeromq.sokets.jobs.type`: `sokets` is not a zeromq option; did you mean `sockets`?")
			.contains("`zeromq.security.curve.allow-anyone` is not a curve option; did you mean `allow-any`?")
			.contains("(set in class path resource [config-errors/group-typos.yml] - 3:16)");
	}

	@Test
	void anUnknownTypeStopsStartupNamingThePropertyAndTheTypes(CapturedOutput output) {
		failsToStart("unknown-type.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: zeromq.sockets.jobs.type")
			.contains("Value: \"PUSHER\"")
			.contains("class path resource [config-errors/unknown-type.yml] - 4:13")
			.contains("The following values are valid:");
		assertThat(output.toString().lines()).contains("    REQ", "    REP", "    PUB", "    SUB", "    PUSH", "    PULL",
				"    PAIR", "    DEALER", "    ROUTER", "    XPUB", "    XSUB");
	}

	@Test
	void aMissingTypeStopsStartupNamingThePropertyAndTheTypes(CapturedOutput output) {
		failsToStart("missing-type.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.sockets.jobs.type: no socket type given"
					+ " (socket declared in class path resource [config-errors/missing-type.yml] - 4:13)")
			.contains("zeromq.sockets.jobs.type: use one of REQ, REP, PUB, SUB, PUSH, PULL, PAIR, DEALER, ROUTER, XPUB, XSUB");
	}

	@Test
	void aSubWithoutSubscriptionsStopsStartupWithTheYamlThatFixesIt(CapturedOutput output) {
		failsToStart("sub-without-subscribe.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.sockets.updates.subscribe: a SUB socket with no 'subscribe' entries receives nothing"
					+ " (socket declared in class path resource [config-errors/sub-without-subscribe.yml] - 4:13)")
			.contains("zeromq.sockets.jobs.send-hwm: a PULL socket never sends, so send-hwm has no effect"
					+ " (set in class path resource [config-errors/sub-without-subscribe.yml] - 9:17)")
			.contains("zeromq.sockets.updates.subscribe: add subscribe: [\"\"] to receive everything,"
					+ " or list the topic prefixes you want")
			.contains("zeromq.sockets.jobs.send-hwm: remove it");
	}

	private static void failsToStart(String configuration) {
		SpringApplication application = new SpringApplication(ZmqOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		assertThatException().isThrownBy(
				() -> application.run("--spring.config.location=classpath:/config-errors/" + configuration).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

}
