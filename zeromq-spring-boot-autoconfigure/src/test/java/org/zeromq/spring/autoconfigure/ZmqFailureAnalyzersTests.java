package org.zeromq.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.ZmqBindException;
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

	private static final SpecViolation NO_SUBSCRIPTION = new SpecViolation("zeromq.sockets.updates.subscribe",
			"a SUB socket with no 'subscribe' entries receives nothing", "add subscribe: [\"\"] to receive everything");

	private static final SpecViolation SEND_HWM_ON_PULL = new SpecViolation("zeromq.sockets.jobs.send-hwm",
			"a PULL socket never sends, so send-hwm has no effect", "remove it");

	@Test
	void invalidSpecAnalysisListsEveryPropertyWithItsProblemAndItsFix() {
		InvalidSocketSpecException invalid = new InvalidSocketSpecException(List.of(NO_SUBSCRIPTION, SEND_HWM_ON_PULL));
		FailureAnalysis analysis = new InvalidSocketSpecFailureAnalyzer()
			.analyze(new BeanCreationException("zmqSocketRegistry", "failed", invalid));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(invalid);
		assertThat(analysis.getDescription()).contains("The ZeroMQ socket configuration is invalid")
			.contains("zeromq.sockets.updates.subscribe: a SUB socket with no 'subscribe' entries receives nothing")
			.contains("zeromq.sockets.jobs.send-hwm: a PULL socket never sends, so send-hwm has no effect");
		assertThat(analysis.getAction()).contains("zeromq.sockets.updates.subscribe: add subscribe: [\"\"] to receive everything")
			.contains("zeromq.sockets.jobs.send-hwm: remove it");
	}

	@Test
	void bindAnalysisNamesTheEndpointThePropertyAndAFreeAlternative() {
		// what JeroMQ throws when the port is taken: a bare error number
		ZmqBindException bindFailure = new ZmqBindException("orders", "tcp://127.0.0.1:5555",
				new ZMQException(ZMQ.Error.EADDRINUSE.getCode()));
		FailureAnalysis analysis = new ZmqBindFailureAnalyzer()
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
		assertThat(new InvalidSocketSpecFailureAnalyzer().analyze(unrelated)).isNull();
		assertThat(new ZmqBindFailureAnalyzer().analyze(unrelated)).isNull();
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
					assertThat(new ZmqBindFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
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
