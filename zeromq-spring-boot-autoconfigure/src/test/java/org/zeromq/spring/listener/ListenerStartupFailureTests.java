package org.zeromq.spring.listener;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Listener mistakes that fail startup, each with a message naming the method and what to do.
 */
class ListenerStartupFailureTests {

	@Test
	void reqSocketIsNotAListenerType() {
		assertStartupFails(OnClient.class, "OnClient.handle", "is a REQ socket, which is not a listener type",
				socket("client", "type=REQ", "connect=inproc://startup-failure"));
		assertStartupFails(OnClient.class, "OnClient.handle", "ZmqTemplate.request(...)",
				socket("client", "type=REQ", "connect=inproc://startup-failure"));
	}

	@Test
	void undeclaredSocketIsNamedWithWhereToDeclareIt() {
		assertStartupFails(OnGhost.class, "OnGhost.handle", "No socket named 'ghost' is declared (declared: [other])",
				socket("other", "type=PULL", "bind=inproc://startup-failure"));
		// the library names no property; the Boot layer's analysis says where to declare it
		ZmqApplication.runner()
			.withUserConfiguration(OnGhost.class)
			.withPropertyValues(socket("other", "type=PULL", "bind=inproc://startup-failure"))
			.run((context) -> assertThat(ZmqApplication.failureAnalysis(context).getAction())
				.contains("Declare it under zeromq.sockets.ghost"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUB", "PUSH", "XPUB" })
	void sendOnlySocketCannotListen(String type) {
		assertStartupFails(OnOut.class, "OnOut.handle", "is a " + type + " socket, which only sends",
				socket("out", "type=" + type, "bind=inproc://startup-failure"));
	}

	@Test
	void concurrencyOnSubIsRefused() {
		assertStartupFails(ConcurrentSub.class, "ConcurrentSub.handle", "concurrency 2 on a SUB socket would not share work",
				socket("updates", "type=SUB", "connect=inproc://startup-failure", "subscribe=news"));
	}

	@Test
	void oneIdentityForSeveralConnectingSocketsIsRefused() {
		assertStartupFails(ConcurrentWorker.class, "ConcurrentWorker.handle", "identity 'worker' with concurrency 2",
				socket("worker", "type=DEALER", "connect=inproc://startup-failure", "identity=worker"));
	}

	@Test
	void routerMandatoryOnABindingRouterWithConcurrencyIsRefused() {
		assertStartupFails(ConcurrentWorker.class, "ConcurrentWorker.handle", "router-mandatory with concurrency 2",
				socket("worker", "type=ROUTER", "bind=inproc://startup-failure", "router-mandatory=true"));
	}

	@Test
	void xsubWithoutSubscriptionsIsRefused() {
		assertStartupFails(OnXsub.class, "OnXsub.handle", "XSUB socket with no 'subscribe' entries",
				socket("feed", "type=XSUB", "connect=inproc://startup-failure"));
	}

	@Test
	void sendToOnRepIsRefused() {
		assertStartupFails(ForwardingRep.class, "ForwardingRep.handle", "@SendTo cannot take it",
				socket("service", "type=REP", "bind=inproc://startup-failure"),
				socket("results", "type=PUSH", "connect=inproc://startup-failure-results"));
	}

	@Test
	void secondListenerOnOneSocketIsRefused() {
		assertStartupFails(TwoOnOneSocket.class, "TwoOnOneSocket.", "socket 'jobs' already has a listener ('jobs')",
				socket("jobs", "type=PULL", "bind=inproc://startup-failure"));
	}

	@Test
	void unsupportedParametersAreNamed() {
		String[] jobs = socket("jobs", "type=PULL", "bind=inproc://startup-failure");
		assertStartupFails(PrimitivePayload.class, "PrimitivePayload.handle parameter 0 (int)",
				"primitive parameters cannot hold a payload", jobs);
		assertStartupFails(UnknownHeader.class, "UnknownHeader.handle parameter 0 (String)", "unknown header 'priority'", jobs);
		assertStartupFails(TwoPayloads.class, "TwoPayloads.handle has 2 payload parameters", "a message has one payload", jobs);
	}

	private static void assertStartupFails(Class<?> handlers, String method, String reason, String[]... sockets) {
		var runner = ZmqApplication.runner().withUserConfiguration(handlers);
		for (String[] declaration : sockets) {
			runner = runner.withPropertyValues(declaration);
		}
		runner.run((context) -> assertThat(context).getFailure()
			.isInstanceOf(ZmqException.class)
			.hasMessageContaining(method)
			.hasMessageContaining(reason));
	}

	static class OnClient {

		@ZmqListener("client")
		void handle(String reply) {
		}

	}

	static class OnGhost {

		@ZmqListener("ghost")
		void handle(String message) {
		}

	}

	static class OnOut {

		@ZmqListener("out")
		void handle(String message) {
		}

	}

	static class ConcurrentSub {

		@ZmqListener(value = "updates", concurrency = "2")
		void handle(String update) {
		}

	}

	static class ConcurrentWorker {

		@ZmqListener(value = "worker", concurrency = "2")
		String handle(String task) {
			return task;
		}

	}

	static class OnXsub {

		@ZmqListener("feed")
		void handle(String update) {
		}

	}

	static class ForwardingRep {

		@ZmqListener("service")
		@SendTo("results")
		String handle(String request) {
			return request;
		}

	}

	static class TwoOnOneSocket {

		@ZmqListener("jobs")
		void first(String job) {
		}

		@ZmqListener("jobs")
		void second(String job) {
		}

	}

	static class PrimitivePayload {

		@ZmqListener("jobs")
		void handle(int job) {
		}

	}

	static class UnknownHeader {

		@ZmqListener("jobs")
		void handle(@Header("priority") String priority, String job) {
		}

	}

	static class TwoPayloads {

		@ZmqListener("jobs")
		void handle(String job, byte[] again) {
		}

	}

}
