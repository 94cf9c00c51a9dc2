package org.zeromq.spring.security;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Secret keys and passwords never show: not in the log of an application that starts, serves,
 * refuses peers and fails to start, at debug level, and not in Actuator's configuration reports
 * even when they are told to show values.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverShownTests {

	private static final String SERVER_SECRET = CurveKeyPairs.SERVER.secretKey;

	private static final String CLIENT_SECRET = CurveKeyPairs.CLIENT.secretKey;

	private static final String PASSWORD = "pl41n-p4ssw0rd-never-shown";

	private static final String USER_PASSWORD = "us3r-p4ssw0rd-never-shown";

	private static final List<String> SECRETS = List.of(SERVER_SECRET, CLIENT_SECRET, PASSWORD, USER_PASSWORD);

	@Test
	void noSecretReachesTheLogOfAnApplicationThatServesRefusesAndFails(CapturedOutput output) {
		String[] settings = { "--logging.level.org.zeromq=TRACE", "--debug",
				"--zeromq.sockets.hello.type=REP", "--zeromq.sockets.hello.bind=" + ANY_TCP,
				"--zeromq.sockets.hello.curve.server=true", "--zeromq.sockets.hello.curve.secret-key=" + SERVER_SECRET,
				"--zeromq.security.curve.authorized-keys=" + CurveKeyPairs.CLIENT.publicKey,
				"--zeromq.sockets.users.type=REP", "--zeromq.sockets.users.bind=" + ANY_TCP,
				"--zeromq.sockets.users.plain.server=true", "--zeromq.security.plain.users.alice=" + USER_PASSWORD,
				"--zeromq.sockets.client.type=DEALER", "--zeromq.sockets.client.connect=tcp://127.0.0.1:9",
				"--zeromq.sockets.client.plain.username=alice", "--zeromq.sockets.client.plain.password=" + PASSWORD };
		try (ConfigurableApplicationContext context = application().run(settings);
				PeerSockets peers = new PeerSockets()) {
			SecuredPeers.curveClient(peers, SocketType.REQ, endpoint(context, "hello"), CurveKeyPairs.STRANGER,
					CurveKeyPairs.SERVER.publicKey).send("let me in");
			SecuredPeers.plainClient(peers, SocketType.REQ, endpoint(context, "users"), "alice", PASSWORD).send("me too");
			ZmqSecurity security = context.getBean(ZmqSecurity.class);
			await().atMost(PeerSockets.TIMEOUT).until(() -> security.status("hello").orElseThrow().denied() == 1
					&& security.status("users").orElseThrow().denied() == 1);
		}
		String truncated = SERVER_SECRET.substring(1);
		assertThatException().isThrownBy(() -> application().run("--zeromq.sockets.hello.type=REP",
				"--zeromq.sockets.hello.bind=" + ANY_TCP, "--zeromq.sockets.hello.curve.server=true",
				"--zeromq.sockets.hello.curve.secret-key=" + truncated, "--zeromq.security.curve.allow-any=true"));
		assertThat(output).contains("refused a CURVE peer from 127.0.0.1")
			.contains("the password of PLAIN user 'alice' is wrong")
			.contains("APPLICATION FAILED TO START");
		for (String secret : SECRETS) {
			assertThat(output.toString()).doesNotContain(secret);
		}
		assertThat(output.toString()).doesNotContain(truncated);
	}

	@Test
	void actuatorMasksSecretKeysAndPasswordsEvenWhenItShowsValues() {
		ZmqApplication.runner()
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "curve.server=true",
					"curve.secret-key=" + SERVER_SECRET))
			.withPropertyValues(socket("client", "type=DEALER", "connect=tcp://127.0.0.1:9",
					"curve.public-key=" + CurveKeyPairs.CLIENT.publicKey, "curve.secret-key=" + CLIENT_SECRET,
					"curve.server-key=" + CurveKeyPairs.SERVER.publicKey))
			.withPropertyValues(socket("plain", "type=DEALER", "connect=tcp://127.0.0.1:9", "plain.username=alice",
					"plain.password=" + PASSWORD))
			.withPropertyValues("zeromq.security.curve.allow-any=true", "zeromq.security.plain.users.alice=" + USER_PASSWORD)
			.run((context) -> {
				List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
				assertThat(functions).as("the starter's sanitizing function is a bean").isNotEmpty();
				ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(functions,
						Show.ALWAYS);
				configprops.setApplicationContext(context);
				String report = JsonMapper.builder().build().writeValueAsString(configprops.configurationProperties());
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS);
				String environment = JsonMapper.builder().build().writeValueAsString(env.environment("zeromq.*"));
				for (String shown : List.of(report, environment)) {
					for (String secret : SECRETS) {
						assertThat(shown).doesNotContain(secret);
					}
					assertThat(shown).as("public keys stay visible").contains(CurveKeyPairs.CLIENT.publicKey)
						.contains("alice")
						.contains("******");
				}
			});
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(ZmqOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

}
