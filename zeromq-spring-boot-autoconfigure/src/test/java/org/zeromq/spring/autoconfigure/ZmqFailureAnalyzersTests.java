package org.zeromq.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DescriptiveResource;
import org.springframework.mock.env.MockEnvironment;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.core.ZmqBindException;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A startup that fails because of ZeroMQ configuration is explained the Boot way: a description
 * of what is wrong and the action that fixes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqFailureAnalyzersTests {

	private static final SpecViolation NO_SUBSCRIPTION = new SpecViolation("updates", "subscribe",
			"a SUB socket with no 'subscribe' entries receives nothing", Remedy.add("subscribe", "", "to receive everything"));

	private static final SpecViolation SEND_HWM_ON_PULL = new SpecViolation("jobs", "send-hwm",
			"a PULL socket never sends, so send-hwm has no effect", Remedy.remove("send-hwm"));

	private static final SpecViolation SUBSCRIBE_ON_PUB = new SpecViolation("news", "subscribe",
			"subscribe applies to SUB and XSUB sockets only, this one is PUB", Remedy.remove("subscribe"),
			Remedy.change("type", "SUB"));

	@Test
	void invalidSpecAnalysisListsEveryPropertyWithItsProblemAndItsFix() {
		InvalidSocketSpecException invalid = new InvalidSocketSpecException(
				List.of(NO_SUBSCRIPTION, SEND_HWM_ON_PULL, SUBSCRIBE_ON_PUB));
		FailureAnalysis analysis = new InvalidSocketSpecFailureAnalyzer(new MockEnvironment())
			.analyze(new BeanCreationException("zmqSocketRegistry", "failed", invalid));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(invalid);
		assertThat(analysis.getDescription()).contains("The ZeroMQ socket configuration is invalid")
			.contains("zeromq.sockets.updates.subscribe: a SUB socket with no 'subscribe' entries receives nothing")
			.contains("zeromq.sockets.jobs.send-hwm: a PULL socket never sends, so send-hwm has no effect");
		assertThat(analysis.getAction()).contains("zeromq.sockets.updates.subscribe: add subscribe: [\"\"] to receive everything")
			.contains("zeromq.sockets.jobs.send-hwm: remove it")
			.contains("zeromq.sockets.news.subscribe: remove subscribe, or set type: SUB");
	}

	@Test
	void invalidSpecAnalysisNamesWhereEachPropertyIsSetOrItsSocketDeclared() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("application.yml", Map.of(
					"zeromq.sockets.updates.type", OriginTrackedValue.of("SUB", origin("application.yml", 2, 11)),
					"zeromq.sockets.jobs.send-hwm", OriginTrackedValue.of("5", origin("application.yml", 7, 15)))));
		InvalidSocketSpecException invalid = new InvalidSocketSpecException(List.of(NO_SUBSCRIPTION, SEND_HWM_ON_PULL));
		FailureAnalysis analysis = new InvalidSocketSpecFailureAnalyzer(environment).analyze(invalid);
		assertThat(analysis.getDescription())
			.contains("zeromq.sockets.updates.subscribe: a SUB socket with no 'subscribe' entries receives nothing"
					+ " (socket declared in application.yml - 2:11)")
			.contains("zeromq.sockets.jobs.send-hwm: a PULL socket never sends, so send-hwm has no effect"
					+ " (set in application.yml - 7:15)");
	}

	@Test
	void undeclaredSocketAnalysisSaysWhereToDeclareIt() {
		UnknownSocketException unknown = new UnknownSocketException("ghost", List.of("jobs"));
		FailureAnalysis analysis = new UnknownSocketFailureAnalyzer()
			.analyze(new ZmqException("@ZmqListener OnGhost.handle: " + unknown.getMessage(), unknown));
		assertThat(analysis.getDescription())
			.isEqualTo("@ZmqListener OnGhost.handle: No socket named 'ghost' is declared (declared: [jobs])");
		assertThat(analysis.getAction()).contains("Declare it under zeromq.sockets.ghost")
			.contains("declared sockets: [jobs]");
	}

	private static Origin origin(String file, int line, int column) {
		return new TextResourceOrigin(new DescriptiveResource(file), new TextResourceOrigin.Location(line - 1, column - 1));
	}

	@Test
	void bindAnalysisNamesTheEndpointThePropertyAndAFreeAlternative() {
		// what JeroMQ throws when the port is taken: a bare error number
		ZmqBindException bindFailure = new ZmqBindException("orders", "tcp://127.0.0.1:5555",
				new ZMQException(ZMQ.Error.EADDRINUSE.getCode()));
		FailureAnalysis analysis = new ZmqBindFailureAnalyzer(new MockEnvironment())
			.analyze(new BeanCreationException("zmqSocketRegistry", "failed", bindFailure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(bindFailure);
		assertThat(analysis.getDescription())
			.contains("ZeroMQ socket 'orders' could not bind tcp://127.0.0.1:5555: Address already in use");
		assertThat(analysis.getAction()).contains("already be bound to tcp://127.0.0.1:5555")
			.contains("change zeromq.sockets.orders.bind to a free endpoint")
			.contains("tcp://127.0.0.1:* picks a free port");
	}

	@Test
	void analyzersIgnoreFailuresThatAreNotTheirs() {
		IllegalStateException unrelated = new IllegalStateException("not ZeroMQ");
		assertThat(new InvalidSocketSpecFailureAnalyzer(new MockEnvironment()).analyze(unrelated)).isNull();
		assertThat(new ZmqBindFailureAnalyzer(new MockEnvironment()).analyze(unrelated)).isNull();
		assertThat(new UnknownSocketFailureAnalyzer().analyze(unrelated)).isNull();
		assertThat(new UnknownZmqPropertyFailureAnalyzer().analyze(unrelated)).isNull();
	}

	@Test
	void endpointInUseFailsStartupWithABindFailure() {
		try (PeerSockets peers = new PeerSockets()) {
			String taken = peers.bind(SocketType.PULL).getLastEndpoint();
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("first", "type=PUSH", "bind=tcp://127.0.0.1:*"))
				.withPropertyValues(ZmqApplication.socket("orders", "type=PULL", "bind=" + taken))
				.run((context) -> {
					assertThat(context).hasFailed();
					ZmqBindException failure = ZmqApplication.startupFailure(context, ZmqBindException.class);
					assertThat(failure.socketName()).isEqualTo("orders");
					assertThat(failure.endpoint()).isEqualTo(taken);
					assertThat(failure).hasMessageContaining("Address already in use");
					assertThat(new ZmqBindFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure()).getAction())
						.contains("zeromq.sockets.orders.bind");
				});
		}
	}

	@Test
	void endpointInUseIsExplainedWhenTheApplicationFailsToStart(CapturedOutput output) {
		try (PeerSockets peers = new PeerSockets()) {
			String taken = peers.bind(SocketType.PULL).getLastEndpoint();
			assertThatException().isThrownBy(() -> run("--zeromq.sockets.orders.type=PULL", "--zeromq.sockets.orders.bind=" + taken));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("ZeroMQ socket 'orders' could not bind " + taken + ": Address already in use")
				.contains("change zeromq.sockets.orders.bind to a free endpoint");
		}
	}

	@Test
	void invalidSpecIsExplainedWhenTheApplicationFailsToStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--zeromq.sockets.updates.type=SUB",
				"--zeromq.sockets.updates.connect=tcp://127.0.0.1:5556"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zeromq.sockets.updates.subscribe: a SUB socket with no 'subscribe' entries receives nothing")
			.contains("zeromq.sockets.updates.subscribe: add subscribe: [\"\"] to receive everything");
	}

	// A real SpringApplication, so that the analyzers are found where Boot looks for them
	// (META-INF/spring.factories) and reported the way a user sees them.
	private static void run(String... args) {
		SpringApplication application = new SpringApplication(ZmqOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

}
