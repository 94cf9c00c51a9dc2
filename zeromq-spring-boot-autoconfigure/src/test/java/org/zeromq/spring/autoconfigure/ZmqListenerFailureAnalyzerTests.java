package org.zeromq.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.listener.ListenerConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A listener that cannot run as declared stops the application with Boot's "APPLICATION FAILED TO
 * START" report: what is wrong with which listener, and what to change; not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerFailureAnalyzerTests {

	@Test
	void listenerOnAnUndeclaredSocketIsExplained(CapturedOutput output) {
		assertFailsToStart(OnGhost.class, output, "--zeromq.sockets.other.type=PULL",
				"--zeromq.sockets.other.bind=inproc://analyzer");
		assertThat(output).contains("The ZeroMQ listener @ZmqListener OnGhost.handle (id 'ghost') on socket 'ghost' cannot run:")
			.contains("No socket named 'ghost' is declared")
			.contains("Declare it under zeromq.sockets.ghost")
			.contains("or use one of the declared sockets: [other]");
	}

	@Test
	void reqSocketAsAListenerIsExplained(CapturedOutput output) {
		assertFailsToStart(OnClient.class, output, "--zeromq.sockets.client.type=REQ",
				"--zeromq.sockets.client.connect=inproc://analyzer");
		assertThat(output).contains("socket 'client' is a REQ socket, which is not a listener type")
			.contains("send requests with ZmqTemplate.request(...); to serve requests declare a REP or ROUTER socket");
	}

	@Test
	void methodWithTwoPayloadParametersIsExplained(CapturedOutput output) {
		assertFailsToStart(TwoPayloads.class, output, "--zeromq.sockets.jobs.type=PULL",
				"--zeromq.sockets.jobs.bind=inproc://analyzer");
		assertThat(output).contains("TwoPayloads.handle has 2 payload parameters")
			.contains("a message has one payload");
	}

	@Test
	void concurrencyThatIsNotANumberIsExplained(CapturedOutput output) {
		assertFailsToStart(BadConcurrency.class, output, "--zeromq.sockets.jobs.type=PULL",
				"--zeromq.sockets.jobs.bind=inproc://analyzer", "--app.workers=many");
		assertThat(output).contains("concurrency 'many' is not a number")
			.contains("write a whole number of threads, 1 or more");
	}

	@Test
	void concurrencyOnASubscriberIsExplained(CapturedOutput output) {
		assertFailsToStart(ConcurrentSubscriber.class, output, "--zeromq.sockets.news.type=SUB",
				"--zeromq.sockets.news.connect=inproc://analyzer", "--zeromq.sockets.news.subscribe=news");
		assertThat(output).contains("concurrency 2 on a SUB socket would not share work").contains("use concurrency 1");
	}

	@Test
	void analysisCarriesTheProblemAndTheAction() {
		ListenerConfigurationException failure = new ListenerConfigurationException("@ZmqListener Jobs.handle (id 'jobs')",
				"jobs", "socket 'jobs' is a PUSH socket, which only sends", "listen on a socket that receives");
		FailureAnalysis analysis = new ZmqListenerFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("@ZmqListener Jobs.handle (id 'jobs') on socket 'jobs' cannot run")
			.contains("socket 'jobs' is a PUSH socket, which only sends");
		assertThat(analysis.getAction()).contains("listen on a socket that receives");
		assertThat(new ZmqListenerFailureAnalyzer().analyze(new IllegalStateException("not ZeroMQ"))).isNull();
	}

	// A real SpringApplication, so that the analyzer is found where Boot looks for it
	// (META-INF/spring.factories) and reported the way a user sees it.
	private static void assertFailsToStart(Class<?> listener, CapturedOutput output, String... args) {
		SpringApplication application = new SpringApplication(ZmqOnly.class, listener);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		assertThatException().isThrownBy(() -> application.run(args).close());
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Action:");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	static class ZmqOnly {

	}

	static class OnGhost {

		@ZmqListener("ghost")
		void handle(String message) {
		}

	}

	static class OnClient {

		@ZmqListener("client")
		void handle(String reply) {
		}

	}

	static class TwoPayloads {

		@ZmqListener("jobs")
		void handle(String job, byte[] again) {
		}

	}

	static class BadConcurrency {

		@ZmqListener(value = "jobs", concurrency = "${app.workers}")
		void handle(String job) {
		}

	}

	static class ConcurrentSubscriber {

		@ZmqListener(value = "news", concurrency = "2")
		void handle(String news) {
		}

	}

}
