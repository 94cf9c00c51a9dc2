package org.zeromq.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;

/**
 * The harness over real tcp sockets: raw peers send to the application's listeners and the test
 * reads back, by listener id, what each call received, returned or threw.
 */
class ZmqListenerTestHarnessTests {

	private static final List<SocketSpec> SOCKETS = List.of(SocketSpec.bind("orders", ZmqSocketType.PULL, ANY_TCP),
			SocketSpec.bind("quotes", ZmqSocketType.REP, ANY_TCP));

	@Test
	void capturesTheArgumentsResultAndThreadOfEachCallByListenerId() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, Capturing.class);
				PeerSockets peers = new PeerSockets()) {
			ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "quotes"));
			assertThat(request(client, "EURUSD")).containsExactly("quote for EURUSD");
			InvocationData call = harness.awaitInvocation("quote-desk");
			assertThat(call.listenerId()).isEqualTo("quote-desk");
			assertThat(call.arguments()).containsExactly("EURUSD");
			assertThat(call.result()).isEqualTo("quote for EURUSD");
			assertThat(call.threw()).isFalse();
			assertThat(call.threadName()).startsWith("zmq-listener-quote-desk");
		}
	}

	@Test
	void aLatchCountsTheCallsThatEndAfterItWasTakenAndFailuresAreCapturedToo() throws InterruptedException {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, Capturing.class);
				PeerSockets peers = new PeerSockets()) {
			ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
			CountDownLatch threeOrders = harness.latchFor("orders", 3);
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "orders"));
			send(push, "book-1");
			send(push, "reject-me");
			send(push, "book-2");
			assertThat(threeOrders.await(PeerSockets.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(harness.invocationsFor("orders")).extracting((call) -> call.argument(0))
				.containsExactly("book-1", "reject-me", "book-2");
			InvocationData rejected = harness.invocationsFor("orders").get(1);
			assertThat(rejected.thrown()).isInstanceOf(IllegalArgumentException.class).hasMessage("rejected reject-me");
			assertThat(rejected.result()).isNull();
			// handed out one by one, in order, each once
			assertThat(harness.awaitInvocation("orders").<String>argument(0)).isEqualTo("book-1");
			assertThat(harness.awaitInvocation("orders").<String>argument(0)).isEqualTo("reject-me");
			assertThat(harness.awaitInvocation("orders").<String>argument(0)).isEqualTo("book-2");
			assertThat(harness.getNextInvocationDataFor("orders", Duration.ofMillis(50))).isNull();
		}
	}

	@Test
	void spiesAreMockitoSpiesOfTheListenerBeansThatStillRunTheRealMethod() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, Spying.class);
				PeerSockets peers = new PeerSockets()) {
			ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "quotes"));
			assertThat(request(client, "GBPUSD")).containsExactly("quote for GBPUSD");
			Listeners spy = harness.getSpy("quote-desk");
			verify(spy, times(1)).quote("GBPUSD");
		}
	}

	@Test
	void aListenerBeanThatIsAlreadyAnAopProxyIsRecordedThroughItsOwnProxy() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, CapturingProxied.class);
				PeerSockets peers = new PeerSockets()) {
			ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "quotes"));
			assertThat(request(client, "USDJPY")).containsExactly("quote for USDJPY");
			assertThat(harness.awaitInvocation("quote-desk").result()).isEqualTo("quote for USDJPY");
			assertThat(context.getBean(Listeners.class)).isInstanceOf(Advised.class);
			assertThatExceptionOfType(BeanCreationException.class)
				.isThrownBy(() -> PlainZmqApplication.run(SOCKETS, SpyingProxied.class).close())
				.withMessageContaining("cannot spy on bean 'listeners', which is already an AOP proxy");
		}
	}

	@Test
	void anUnknownListenerIdFailsNamingTheListenersThereAre() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, Capturing.class)) {
			ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
			assertThatExceptionOfType(ZmqException.class).isThrownBy(() -> harness.awaitInvocation("quotes"))
				.withMessageContaining("'quotes'")
				.withMessageContaining("quote-desk")
				.withMessageContaining("orders");
		}
	}

	@Test
	void getSpyWithoutSpyingSaysHowToEnableIt() {
		try (AnnotationConfigApplicationContext context = PlainZmqApplication.run(SOCKETS, Capturing.class)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(ZmqListenerTestHarness.class).getSpy("orders"))
				.withMessageContaining("@ZmqListenerTest(spy = true)");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ZmqListenerTest
	@Import(Listeners.class)
	static class Capturing {

	}

	@Configuration(proxyBeanMethods = false)
	@ZmqListenerTest(spy = true)
	@Import(Listeners.class)
	static class Spying {

	}

	@Configuration(proxyBeanMethods = false)
	@ZmqListenerTest
	static class CapturingProxied {

		@Bean
		Listeners listeners() {
			return proxied(new Listeners());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ZmqListenerTest(spy = true)
	static class SpyingProxied {

		@Bean
		Listeners listeners() {
			return proxied(new Listeners());
		}

	}

	// As another AOP feature (transactions, caching) would have proxied it.
	static Listeners proxied(Listeners listeners) {
		ProxyFactory factory = new ProxyFactory(listeners);
		factory.setProxyTargetClass(true);
		return (Listeners) factory.getProxy();
	}

	static class Listeners {

		@ZmqListener(socket = "quotes", id = "quote-desk")
		String quote(String pair) {
			return "quote for " + pair;
		}

		@ZmqListener("orders")
		void order(String order) {
			if (order.startsWith("reject")) {
				throw new IllegalArgumentException("rejected " + order);
			}
		}

	}

}
