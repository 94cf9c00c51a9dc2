package org.zeromq.spring.interop;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zeromq.spring.proxy.ProxyStats;
import org.zeromq.spring.proxy.ZmqProxyRegistry;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A broker declared in properties alone (the guide's msgqueue: ROUTER in front, DEALER behind)
 * between a libzmq REQ client and a libzmq REP worker, both pyzmq.
 */
class ProxyInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void aPythonClientReachesAPythonWorkerThroughABrokerDeclaredInProperties() {
		PythonZmqPeer.assumeAvailable();
		ZmqApplication.runner()
			.withPropertyValues(socket("frontend", "type=ROUTER", "bind=" + ANY_TCP))
			.withPropertyValues(socket("backend", "type=DEALER", "bind=" + ANY_TCP))
			.withPropertyValues("zeromq.proxies.broker.frontend=frontend", "zeromq.proxies.broker.backend=backend")
			.run((context) -> {
				try (PythonZmqPeer worker = PythonZmqPeer.start("rep_worker.py", endpoint(context, "backend"), "5");
						PythonZmqPeer client = PythonZmqPeer.start("req_client.py", endpoint(context, "frontend"), "5")) {
					assertThat(client.nextLines(5, WAIT)).containsOnly("World");
					assertThat(worker.nextLines(5, WAIT))
						.containsExactlyElementsOf(IntStream.range(0, 5).mapToObj((i) -> "Hello " + i).toList());
					assertThat(client.awaitExit(WAIT)).isZero();
					assertThat(worker.awaitExit(WAIT)).isZero();
				}
				ProxyStats stats = context.getBean(ZmqProxyRegistry.class).stats("broker");
				assertThat(stats.frontToBack().messages()).isEqualTo(5);
				assertThat(stats.backToFront().messages()).isEqualTo(5);
			});
	}

}
