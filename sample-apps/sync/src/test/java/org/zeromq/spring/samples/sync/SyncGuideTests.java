package org.zeromq.spring.samples.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.interop.PythonZmqPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role with the guide's own program in the other, in pyzmq, on ports the system picks: the
 * publisher waits for two of the guide's subscribers and each receives every update, and the
 * subscriber synchronizes with the guide's publisher and counts all it sends. Ten thousand updates
 * instead of the guide's million keep the run short; every one of them must arrive.
 */
@ExtendWith(OutputCaptureExtension.class)
class SyncGuideTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final int UPDATES = 10_000;

	@Test
	void thePublisherWaitsForTheGuidesSubscribersThenEachGetsEveryUpdate(CapturedOutput output) throws Exception {
		PythonZmqPeer.assumeAvailable();
		ConfigurableApplicationContext publisher = role("publisher", "--sync.publisher-port=*", "--sync.sync-port=*",
				"--sync.subscribers=2");
		ZmqSocketRegistry sockets = publisher.getBean(ZmqSocketRegistry.class);
		try (PythonZmqPeer subscriber1 = PythonZmqPeer.start("syncsub.py", sockets.endpoint(SyncPublisher.PUBLISHER),
				sockets.endpoint("sync"));
				PythonZmqPeer subscriber2 = PythonZmqPeer.start("syncsub.py", sockets.endpoint(SyncPublisher.PUBLISHER),
						sockets.endpoint("sync"))) {
			assertThat(SyncApplication.playAndExit(publisher)).isZero();
			assertThat(subscriber1.nextLine(WAIT)).isEqualTo("Received " + UPDATES + " updates");
			assertThat(subscriber2.nextLine(WAIT)).isEqualTo("Received " + UPDATES + " updates");
			assertThat(subscriber1.awaitExit(WAIT)).isZero();
			assertThat(subscriber2.awaitExit(WAIT)).isZero();
		}
		assertThat(output).contains("Waiting for subscribers", "+1 subscriber (1/2)", "+1 subscriber (2/2)",
				"Broadcasting messages");
	}

	@Test
	void theSubscriberSynchronizesWithTheGuidesPublisherAndCountsEveryUpdate(CapturedOutput output) throws Exception {
		try (PythonZmqPeer publisher = PythonZmqPeer.start("syncpub.py", "1", Integer.toString(UPDATES))) {
			String[] endpoints = publisher.readyInfo().split(" ");
			ConfigurableApplicationContext subscriber = role("subscriber", "--sync.publisher-port=" + port(endpoints[0]),
					"--sync.sync-port=" + port(endpoints[1]));
			assertThat(SyncApplication.playAndExit(subscriber)).isZero();
			assertThat(publisher.nextLine(WAIT)).isEqualTo("+1 subscriber (1/1)");
			assertThat(publisher.awaitExit(WAIT)).isZero();
		}
		assertThat(output).contains("Received " + UPDATES + " updates");
	}

	private static ConfigurableApplicationContext role(String role, String... args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--sync.updates=" + UPDATES;
		all[args.length + 1] = "--sync.patience=" + WAIT.toSeconds() + "s";
		return new SpringApplicationBuilder(SyncApplication.class).profiles(role).run(all);
	}

	private static String port(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf(':') + 1);
	}

}
