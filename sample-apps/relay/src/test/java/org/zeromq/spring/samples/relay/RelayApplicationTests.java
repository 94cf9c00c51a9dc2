package org.zeromq.spring.samples.relay;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay as {@code main} runs it: the three steps signal each other in order, each on its own
 * thread, the application prints what the guide prints and exits with 0, and no thread of the
 * starter is left behind. (Inproc has no other process to talk to: the guide's relay is one
 * process too.)
 */
@ExtendWith(OutputCaptureExtension.class)
class RelayApplicationTests {

	@Test
	void theThreeStepsSignalEachOtherInOrderAndTheRelayEnds(CapturedOutput output) throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RelayApplication.class).run();
		assertThat(RelayApplication.playAndExit(context)).isZero();
		assertThat(context.isActive()).isFalse();
		List<String> lines = output.toString().lines().filter((line) -> line.startsWith("Step") || line.startsWith("Test")).toList();
		assertThat(lines).containsExactly("Step 1 ready, signaling step 2", "Step 2 ready, signaling step 3", "Step 3 ready",
				"Test successful!");
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> !before.contains(thread) && thread.isAlive())
			.noneMatch((thread) -> thread.getName().startsWith("zmq-listener-"));
	}

}
