package org.zeromq.spring.samples.broker;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.proxy.ProxyStats;
import org.zeromq.spring.proxy.ZmqProxyRegistry;
import org.zeromq.spring.samples.support.RoleProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each role with the guide's own programs in the other two, in pyzmq, on ports the system picks:
 * the client through the guide's broker to the guide's worker, the broker (a
 * {@code zeromq.proxies} entry) between the guide's client and worker, and the worker behind the
 * guide's broker. And the broker, a process with a proxy and nothing else, stopped with a signal.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerGuideTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void theClientGetsTenRepliesThroughTheGuidesBrokerFromTheGuidesWorker(CapturedOutput output) throws Exception {
		try (PythonZmqPeer broker = PythonZmqPeer.start("rrbroker.py");
				PythonZmqPeer worker = PythonZmqPeer.start("rrworker.py", backend(broker), "10")) {
			ConfigurableApplicationContext client = role("client", "--broker.frontend-port=" + port(frontend(broker)));
			assertThat(BrokerApplication.playAndExit(client)).isZero();
			assertThat(worker.nextLines(10, WAIT)).containsOnly("Received request: [Hello]");
			assertThat(worker.awaitExit(WAIT)).isZero();
		}
		assertThat(output).contains("Received reply 0 [World]", "Received reply 9 [World]");
	}

	@Test
	void theBrokerCarriesTheGuidesClientsRequestsToTheGuidesWorkerAndBack() throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext broker = role("broker", "--broker.frontend-port=*", "--broker.backend-port=*")) {
			assertThat(BrokerApplication.playAndExit(broker)).isEqualTo(BrokerApplication.SERVING);
			ZmqSocketRegistry sockets = broker.getBean(ZmqSocketRegistry.class);
			try (PythonZmqPeer worker = PythonZmqPeer.start("rrworker.py", sockets.endpoint("backend"), "10");
					PythonZmqPeer client = PythonZmqPeer.start("rrclient.py", sockets.endpoint("frontend"), "10")) {
				assertThat(client.nextLines(10, WAIT))
					.containsExactlyElementsOf(IntStream.range(0, 10).mapToObj((i) -> "Received reply " + i + " [World]").toList());
				assertThat(client.awaitExit(WAIT)).isZero();
				assertThat(worker.awaitExit(WAIT)).isZero();
			}
			ZmqProxyRegistry proxies = broker.getBean(ZmqProxyRegistry.class);
			// The proxy counts a batch once it has forwarded it: the client can have the reply first.
			await().atMost(WAIT).until(() -> proxies.stats("broker").backToFront().messages() >= 10);
			ProxyStats stats = proxies.stats("broker");
			assertThat(stats.frontToBack().messages()).isEqualTo(10);
			assertThat(stats.backToFront().messages()).isEqualTo(10);
		}
	}

	@Test
	void theWorkerAnswersTheGuidesClientBehindTheGuidesBroker(CapturedOutput output) throws Exception {
		try (PythonZmqPeer broker = PythonZmqPeer.start("rrbroker.py");
				ConfigurableApplicationContext worker = role("worker", "--broker.backend-port=" + port(backend(broker)))) {
			assertThat(BrokerApplication.playAndExit(worker)).isEqualTo(BrokerApplication.SERVING);
			try (PythonZmqPeer client = PythonZmqPeer.start("rrclient.py", frontend(broker), "3")) {
				assertThat(client.nextLines(3, WAIT)).containsExactly("Received reply 0 [World]", "Received reply 1 [World]",
						"Received reply 2 [World]");
				assertThat(client.awaitExit(WAIT)).isZero();
			}
		}
		assertThat(output.toString().lines().filter("Received request: [Hello]"::equals)).hasSize(3);
	}

	@Test
	void theBrokerStoppedWithASignalEndsItsProxyAndExitsWithoutAStackTrace() throws Exception {
		try (RoleProcess broker = RoleProcess.start(BrokerApplication.class, "--spring.profiles.active=broker",
				"--broker.frontend-port=*", "--broker.backend-port=*")) {
			broker.awaitLine("Started proxy 'broker' (queue) from 'frontend' to 'backend'", WAIT);
			assertThat(broker.terminate(WAIT)).isEqualTo(143);
			assertThat(broker.output()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	private static ConfigurableApplicationContext role(String role, String... args) {
		return new SpringApplicationBuilder(BrokerApplication.class).profiles(role).run(append(args, "--broker.work=0s"));
	}

	private static String[] append(String[] args, String arg) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

	private static String frontend(PythonZmqPeer broker) {
		return broker.readyInfo().split(" ")[0];
	}

	private static String backend(PythonZmqPeer broker) {
		return broker.readyInfo().split(" ")[1];
	}

	private static String port(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf(':') + 1);
	}

}
