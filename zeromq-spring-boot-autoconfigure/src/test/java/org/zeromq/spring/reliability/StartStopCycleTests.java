package org.zeromq.spring.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * An application that starts and stops 100 times, each time binding and connecting over tcp, with
 * a listener, a publisher, a DEALER request and peers outside it, leaves nothing behind: the threads
 * and the file descriptors of the JVM (sockets, selectors, the pipes JeroMQ signals with) are
 * back to what they were before.
 */
class StartStopCycleTests {

	private static final int CYCLES = 100;

	/** How long the census may take to settle: JeroMQ closes its selectors just after the context ends. */
	private static final Duration SETTLE = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withUserConfiguration(Service.class)
		.withPropertyValues(socket("service", "type=ROUTER", "bind=" + ANY_TCP))
		.withPropertyValues(socket("news", "type=PUB", "bind=" + ANY_TCP));

	// The count is the whole JVM's: in a full build other test classes' peers and processes open
	// and close a few descriptors meanwhile (180 against 178 once). A leak of one per cycle would
	// be a hundred.
	private static final int UNRELATED_DESCRIPTORS = 8;

	@Test
	void aHundredStartStopCyclesLeaveThreadsAndFileDescriptorsAtTheirBaseline() {
		OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
		assumeThat(system).as("a JVM that counts its file descriptors").isInstanceOf(UnixOperatingSystemMXBean.class);
		UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean) system;
		try (PeerSockets peers = new PeerSockets()) {
			// One cycle first, so that what the JVM opens once and keeps (jars, classes) is part of the baseline.
			ZMQ.Socket backend = peers.bind(SocketType.ROUTER);
			cycle(peers, backend);
			LiveThreads threads = LiveThreads.now();
			long descriptors = unix.getOpenFileDescriptorCount();
			for (int i = 0; i < CYCLES; i++) {
				cycle(peers, backend);
			}
			threads.awaitThreadsEnded();
			await().pollInSameThread()
				.atMost(SETTLE)
				.untilAsserted(() -> assertThat(unix.getOpenFileDescriptorCount()).as("open file descriptors")
					.isLessThanOrEqualTo(descriptors + UNRELATED_DESCRIPTORS));
			report(CYCLES + " start/stop cycles: threads / file descriptors before and after",
					threads.count() + " / " + descriptors + " and " + LiveThreads.now().count() + " / "
							+ unix.getOpenFileDescriptorCount());
			assertThat(LiveThreads.now().count()).as("live threads").isLessThanOrEqualTo(threads.count());
		}
	}

	// Starts the application, uses every kind of thread and connection it has, and closes it.
	private void cycle(PeerSockets peers, ZMQ.Socket backend) {
		this.runner
			.withPropertyValues(socket("client", "type=DEALER", "connect=" + backend.getLastEndpoint()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqOperations template = context.getBean(ZmqOperations.class);
				// A request over tcp to a backend outside the application, which echoes it: the
				// DEALER's owner thread starts for it and must end with the close.
				CompletableFuture<String> reply = template.requestAsync("client", "from inside", ZmqApplication.WAIT,
						String.class);
				List<byte[]> request = PeerFrames.receiveWithinTimeout(backend);
				assertThat(request).as("the request at the backend").isNotNull();
				PeerFrames.send(backend, request);
				assertThat(reply).succeedsWithin(ZmqApplication.WAIT).isEqualTo("from inside");
				ZMQ.Socket outsider = peers.connect(SocketType.REQ, endpoint(context, "service"));
				ZMQ.Socket subscriber = peers.create(SocketType.SUB);
				try {
					assertThat(PeerFrames.request(outsider, "from outside")).containsExactly("re:from outside");
					subscriber.subscribe(new byte[0]);
					subscriber.connect(endpoint(context, "news"));
					subscriber.setReceiveTimeOut(50);
					await().pollInSameThread().atMost(ZmqApplication.WAIT).until(() -> {
						template.send("news", "tick");
						return subscriber.recvStr() != null;
					});
				}
				finally {
					peers.context().destroySocket(outsider);
					peers.context().destroySocket(subscriber);
				}
			});
	}

	static class Service {

		@ZmqListener("service")
		String serve(String request) {
			return "re:" + request;
		}

	}

}
