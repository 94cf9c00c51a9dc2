package org.zeromq.spring.autoconfigure.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.integration.ZmqInboundChannelAdapter;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.failureAnalysis;
import static org.zeromq.spring.test.ZmqApplication.socket;
import static org.zeromq.spring.test.ZmqApplication.startupFailure;

/**
 * Bridges that cannot work stop startup, naming the property at fault and what to write instead:
 * an undeclared socket, a missing channel, a socket of the wrong kind, settings that contradict
 * each other, a channel nobody consumes, and bridges without the module that builds them.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntegrationBridgeValidationTests {

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithIntegration();

	@Test
	void aBridgeOnAnUndeclaredSocketNamesTheDeclaredOnes() {
		this.runner.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.taks.channel=received")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessage("zeromq.integration.inbound.taks: no socket 'taks' is declared; declare it under "
						+ "zeromq.sockets.taks (its type, and bind or connect), or bridge one of the declared sockets: [tasks]"));
	}

	@Test
	void aBridgeWithoutAChannelSaysWhatTheChannelIsFor() {
		this.runner.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.concurrency=2")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessage("zeromq.integration.inbound.tasks.channel: is required; set it to the name of the channel the "
						+ "messages go to"));
	}

	@Test
	void anInboundBridgeOnASocketThatOnlySendsIsRefused() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.out.channel=received")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.inbound.out: a PUSH socket cannot receive messages; "
						+ "bridge it under zeromq.integration.outbound"));
	}

	@Test
	void anOutboundBridgeOnAReqSocketNeedsAReplyChannel() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=tcp://127.0.0.1:5999"))
			.withPropertyValues("zeromq.integration.outbound.client.channel=requests")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessage("zeromq.integration.outbound.client: a REQ socket must read the reply of each request; "
						+ "set zeromq.integration.outbound.client.reply-channel to the channel the replies go to"));
	}

	@Test
	void aReplyChannelOnASocketThatCannotAskIsRefused() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=tcp://127.0.0.1:5999"))
			.withPropertyValues("zeromq.integration.outbound.out.channel=toZmq",
					"zeromq.integration.outbound.out.reply-channel=replies")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.outbound.out.reply-channel: replies come from REQ and DEALER "
						+ "sockets, and 'out' is a PUSH"));
	}

	@Test
	void aTopicAndATopicExpressionTogetherAreRefused() {
		this.runner.withPropertyValues(socket("out", "type=PUB", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.outbound.out.channel=toZmq", "zeromq.integration.outbound.out.topic=a",
					"zeromq.integration.outbound.out.topic-expression=headers['zip']")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.outbound.out.topic: is set together with topic-expression"));
	}

	@Test
	void asyncOnlyAppliesToADealerGateway() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=tcp://127.0.0.1:5999"))
			.withPropertyValues("zeromq.integration.outbound.client.channel=requests",
					"zeromq.integration.outbound.client.reply-channel=replies", "zeromq.integration.outbound.client.async=true")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.outbound.client.async: applies to DEALER gateways"));
	}

	@Test
	void expectReplyOnlyAppliesToARouter() {
		this.runner.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.hello.channel=requests",
					"zeromq.integration.inbound.hello.expect-reply=false")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessage("zeromq.integration.inbound.hello.expect-reply: applies to ROUTER sockets only, and 'hello' is a "
						+ "REP; remove it: a REP socket always answers"));
	}

	@Test
	void aSocketCannotBeBridgedBothWays() {
		this.runner.withPropertyValues(socket("pair", "type=PAIR", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.pair.channel=in", "zeromq.integration.outbound.pair.channel=out")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.inbound.pair: socket 'pair' is bridged both ways"));
	}

	@Test
	void anInboundBridgeIntoAChannelNobodyConsumesStopsStartup() {
		this.runner.withUserConfiguration(Unconsumed.class)
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=tasksIn")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageStartingWith("zeromq.integration.inbound.tasks.channel: nothing consumes channel 'tasksIn'"));
	}

	@Test
	void theFailureAnalysisNamesThePropertyAndTheFix() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=tcp://127.0.0.1:5999"))
			.withPropertyValues("zeromq.integration.outbound.client.channel=requests")
			.run((context) -> {
				FailureAnalysis analysis = failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.integration.outbound.client: a REQ socket must read "
						+ "the reply of each request");
				assertThat(analysis.getAction()).contains("set zeromq.integration.outbound.client.reply-channel");
			});
	}

	@Test
	void anEndpointOfTheApplicationsOwnFlowThatCannotRunIsExplained() {
		this.runner.withUserConfiguration(AdapterOnRep.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				FailureAnalysis analysis = failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("The ZeroMQ Spring Integration endpoint zeromq:inbound-channel-adapter")
					.contains("on socket 'hello' cannot run")
					.contains("a REP socket must answer every request");
				assertThat(analysis.getAction()).contains("use an inbound gateway (Zmq.inboundGateway)");
			});
	}

	@Test
	void bridgesWithoutTheIntegrationModuleStopStartupSayingWhatToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader(ZmqInboundChannelAdapter.class))
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.integration.inbound.tasks.channel=received")
			.run((context) -> assertThat(startupFailure(context, IntegrationBridgeException.class))
				.hasMessageContaining("zeromq.integration.inbound.tasks: a Spring Integration bridge is declared, but "
						+ "zeromq-spring-integration is not on the class path")
				.hasMessageContaining("add the dependency org.zeromq.spring:zeromq-spring-integration"));
	}

	@Test
	void withoutTheIntegrationModuleAndWithoutBridgesTheApplicationStarts() {
		this.runner.withClassLoader(new FilteredClassLoader(ZmqInboundChannelAdapter.class))
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IntegrationFlow.class));
	}

	@Test
	void aMisspeltBridgeSettingInYamlStopsStartupNamingTheNearestSetting(CapturedOutput output) {
		failsToStart("bridge-typo.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("`zeromq.integration.inbound.tasks.chanel` is not an inbound bridge option; did you mean `channel`?"
					+ " (set in class path resource [config-errors/bridge-typo.yml] - 9:17)");
	}

	@Test
	void anInvalidBridgeInYamlStopsStartupWithItsProperty(CapturedOutput output) {
		failsToStart("bridge-invalid.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.integration.outbound.client: a REQ socket must read the reply of each request")
			.contains("set zeromq.integration.outbound.client.reply-channel to the channel the replies go to");
	}

	private static void failsToStart(String configuration) {
		SpringApplication application = new SpringApplication(ZmqWithIntegration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		assertThatException().isThrownBy(
				() -> application.run("--spring.config.location=classpath:/config-errors/" + configuration).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZmqAutoConfiguration.class, ZmqIntegrationAutoConfiguration.class })
	static class ZmqWithIntegration {

	}

	@Configuration(proxyBeanMethods = false)
	static class Unconsumed {

		@Bean
		DirectChannel tasksIn() {
			return new DirectChannel();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AdapterOnRep {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("hello"))
				.channel("nullChannel")
				.get();
		}

	}

}
