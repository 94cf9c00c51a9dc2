package org.zeromq.spring.proxy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.failureAnalysis;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A proxy declaration that cannot work stops startup, before any proxy runs, with Boot's report
 * naming each {@code zeromq.proxies.*} property at fault, where it is set, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProxyConfigurationFailureTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withPropertyValues(socket("clients", "type=ROUTER", "bind=" + ANY_TCP))
		.withPropertyValues(socket("workers", "type=DEALER", "bind=" + ANY_TCP))
		.withPropertyValues(socket("tasks", "type=PUSH", "bind=" + ANY_TCP))
		.withPropertyValues(socket("requests", "type=REP", "bind=" + ANY_TCP));

	private static String[] proxy(String name, String... settings) {
		return Arrays.stream(settings).map((setting) -> "zeromq.proxies." + name + "." + setting).toArray(String[]::new);
	}

	@Test
	void aBackendOfTheWrongTypeIsNamedWithTheTypeItNeeds() {
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=tasks")).run((context) -> {
			FailureAnalysis analysis = failureAnalysis(context);
			assertThat(analysis.getDescription()).contains("The ZeroMQ proxy configuration is invalid:",
					"zeromq.proxies.broker.backend: a queue forwards from a ROUTER to a DEALER, but the backend 'tasks' is a PUSH");
			assertThat(analysis.getAction())
				.contains("zeromq.proxies.broker.backend: name a DEALER socket, or declare 'tasks' with type DEALER");
		});
	}

	@Test
	void frontendAndBackendTheWrongWayRoundAreToldToSwap() {
		this.runner.withPropertyValues(proxy("broker", "frontend=workers", "backend=clients"))
			.run((context) -> assertThat(failureAnalysis(context).getAction())
				.contains("zeromq.proxies.broker.frontend: swap frontend and backend: the ROUTER faces the clients or publishers"));
	}

	@Test
	void aPairThatIsNoShapeListsTheShapesThereAre() {
		this.runner.withPropertyValues(proxy("odd", "frontend=requests", "backend=tasks"))
			.run((context) -> assertThat(failureAnalysis(context).getAction())
				.contains("zeromq.proxies.odd.frontend: name a PULL socket, or declare 'requests' with type PULL"));
		this.runner.withPropertyValues(socket("pair", "type=PAIR", "bind=inproc://pair"))
			.withPropertyValues(proxy("odd", "frontend=requests", "backend=pair"))
			.run((context) -> assertThat(failureAnalysis(context).getAction()).contains(
					"zeromq.proxies.odd.frontend: use ROUTER/DEALER (queue), XSUB/XPUB (forwarder) or PULL/PUSH (streamer) as frontend/backend"));
	}

	@Test
	void aMissingOrUndeclaredSocketIsNamedWithTheDeclaredOnes() {
		this.runner.withPropertyValues(proxy("broker", "frontend=client")).run((context) -> {
			FailureAnalysis analysis = failureAnalysis(context);
			assertThat(analysis.getDescription()).contains("zeromq.proxies.broker.frontend: socket 'client' is not declared",
					"zeromq.proxies.broker.backend: no backend socket given");
			assertThat(analysis.getAction()).contains(
					"zeromq.proxies.broker.frontend: declare socket 'client' (its type, and bind or connect), or name one of [clients, workers, tasks, requests]");
		});
	}

	@Test
	void aSocketUsedTwiceIsRefusedWhicheverUsesItFirst() {
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers"))
			.withPropertyValues(proxy("other", "frontend=clients", "backend=workers"))
			.run((context) -> assertThat(failureAnalysis(context).getDescription()).contains(
					"zeromq.proxies.other.frontend: socket 'clients' is already the frontend of proxy 'broker'",
					"zeromq.proxies.other.backend: socket 'workers' is already the backend of proxy 'broker'"));
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers", "capture=workers"))
			.run((context) -> assertThat(failureAnalysis(context).getDescription())
				.contains("zeromq.proxies.broker.capture: socket 'workers' is already this proxy's backend"));
	}

	@Test
	void aListenerOnAProxysSocketIsRefusedWithTheWiretapAdvice() {
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers"))
			.withBean(ListenerOnClients.class)
			.run((context) -> {
				FailureAnalysis analysis = failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("socket 'clients' is already used by proxy 'broker'");
				assertThat(analysis.getAction()).contains("listen on a socket connected to its capture");
			});
	}

	@Test
	void aCaptureThatCannotSendCopiesIsRefused() {
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers", "capture=requests"))
			.run((context) -> assertThat(failureAnalysis(context).getDescription())
				.contains("zeromq.proxies.broker.capture: the capture 'requests' is a REP socket, which cannot send copies"));
	}

	@Test
	void aFailedStartupLeavesNoProxyThreadBehind() {
		LiveThreads before = LiveThreads.now();
		this.runner.withPropertyValues(proxy("broker", "frontend=clients", "backend=workers"))
			.withPropertyValues(proxy("bad", "frontend=tasks", "backend=workers"))
			.run((context) -> assertThat(context).hasFailed());
		before.awaitZmqThreadsEnded();
	}

	@Test
	void theReportSaysWhereInTheYamlTheProxyIsDeclared(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ZmqOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		assertThatException().isThrownBy(() -> application
			.run("--spring.config.location=classpath:/config-errors/proxy-wrong-pair.yml")
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.proxies.weather.backend: a forwarder forwards from an XSUB to an XPUB, but the backend 'updates' is a PUB"
					+ " (set in class path resource [config-errors/proxy-wrong-pair.yml] - 12:16)");
	}

	static class ListenerOnClients {

		@ZmqListener("clients")
		String onRequest(String request) {
			return request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

}
