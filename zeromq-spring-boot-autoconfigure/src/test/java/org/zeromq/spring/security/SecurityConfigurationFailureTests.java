package org.zeromq.spring.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when {@code application.yml} leaves a secured socket open to everyone or
 * names a key directory that is not there: Boot's report names the key, the file and line, and
 * the fix, and never the secret key the file refers to.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityConfigurationFailureTests {

	@Test
	void aCurveServerWithoutAuthorizedKeysIsReportedWithItsLineAndTheFix(CapturedOutput output) {
		failsToStart("curve-server-without-keys.yml", "--test.server-secret-key=" + CurveKeyPairs.SERVER.secretKey);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.sockets.hello.curve.server: a CURVE server lets in the clients whose public keys are "
					+ "authorized, and no key is (set in class path resource [config-errors/curve-server-without-keys.yml]"
					+ " - 7:17)")
			.contains("zeromq.sockets.hello.curve.server: add <a client's public key> to "
					+ "zeromq.security.curve.authorized-keys")
			.doesNotContain(CurveKeyPairs.SERVER.secretKey);
	}

	@Test
	void aMissingKeyDirectoryIsReportedWithItsLine(CapturedOutput output) {
		failsToStart("missing-key-directory.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The ZeroMQ security settings are invalid:")
			.contains("zeromq.security.curve.authorized-keys-location: there is no directory /nonexistent/zeromq-clients "
					+ "(set in class path resource [config-errors/missing-key-directory.yml] - 4:33)")
			.contains("zeromq.security.curve.authorized-keys-location: create it and put the clients' public "
					+ "certificates in it, or correct the path");
	}

	private static void failsToStart(String configuration, String... more) {
		SpringApplication application = new SpringApplication(ZmqOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		String[] args = new String[more.length + 1];
		args[0] = "--spring.config.location=classpath:/config-errors/" + configuration;
		System.arraycopy(more, 0, args, 1, more.length);
		assertThatException().isThrownBy(() -> application.run(args).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

}
