package org.zeromq.spring.samples.hello;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.samples.support.RoleProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role of the sample against the guide's own programs for the other side, written in pyzmq
 * (libzmq underneath), on ports the system picks: hwserver answers the guide's hwclient, hwclient
 * asks the guide's hwserver, mtserver serves several guide clients at once on several threads.
 * And a server stopped with a signal ends cleanly.
 */
@ExtendWith(OutputCaptureExtension.class)
class HelloWorldGuideTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void theServerAnswersWorldToTheGuidesClient(CapturedOutput output) throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext server = role("server", "--hello.port=*")) {
			assertThat(HelloWorldApplication.playAndExit(server)).isEqualTo(HelloWorldApplication.SERVING);
			try (PythonZmqPeer client = PythonZmqPeer.start("hwclient.py", endpoint(server), "10")) {
				assertThat(client.nextLines(10, WAIT))
					.containsExactlyElementsOf(IntStream.range(0, 10).mapToObj((i) -> "Received reply " + i + " [World]").toList());
				assertThat(client.awaitExit(WAIT)).isZero();
			}
			assertThat(output.toString().lines().filter("Received request: [Hello]"::equals)).hasSize(10);
		}
	}

	@Test
	void theClientAsksTheGuidesServerTenTimesPrintsEachReplyAndExits(CapturedOutput output) throws Exception {
		try (PythonZmqPeer server = PythonZmqPeer.start("hwserver.py", "10")) {
			ConfigurableApplicationContext client = role("client", "--hello.port=" + port(server.readyInfo()));
			assertThat(HelloWorldApplication.playAndExit(client)).isZero();
			assertThat(client.isActive()).isFalse();
			assertThat(server.nextLines(10, WAIT)).containsOnly("Received request: [Hello]");
			assertThat(server.awaitExit(WAIT)).isZero();
		}
		assertThat(output).contains("Connecting to hello world server...", "Sending Hello 0...", "Received World 0",
				"Sending Hello 9...", "Received World 9");
	}

	@Test
	void theMtserverServesSeveralOfTheGuidesClientsOnSeveralThreads(CapturedOutput output) throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext server = role("mtserver", "--hello.port=*", "--hello.work=100ms")) {
			List<PythonZmqPeer> clients = Collections.synchronizedList(new ArrayList<>());
			try {
				for (int i = 0; i < 3; i++) {
					clients.add(PythonZmqPeer.start("hwclient.py", endpoint(server), "2"));
				}
				for (PythonZmqPeer client : clients) {
					assertThat(client.nextLines(2, WAIT)).containsExactly("Received reply 0 [World]", "Received reply 1 [World]");
					assertThat(client.awaitExit(WAIT)).isZero();
				}
			}
			finally {
				clients.forEach(PythonZmqPeer::close);
			}
		}
		Set<String> workers = new TreeSet<>();
		Matcher served = Pattern.compile("(zmq-listener-hello-\\d+) Received request: \\[Hello]").matcher(output.toString());
		int requests = 0;
		while (served.find()) {
			workers.add(served.group(1));
			requests++;
		}
		assertThat(requests).isEqualTo(6);
		assertThat(workers).as("the threads that served").hasSizeGreaterThan(1);
	}

	@Test
	void withAnUnknownRoleTheApplicationSaysWhichToChooseAndExits(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = role("nonsense");
		assertThat(HelloWorldApplication.playAndExit(context)).isEqualTo(2);
		assertThat(output).contains("Choose one role: --spring.profiles.active=server, client, mtserver");
	}

	@Test
	void aServerStoppedWithASignalEndsWithinItsShutdownTimeoutWithoutAStackTrace() throws Exception {
		try (RoleProcess server = RoleProcess.start(HelloWorldApplication.class, "--spring.profiles.active=server",
				"--hello.port=*", "--spring.main.log-startup-info=true")) {
			server.awaitLine("Started HelloWorldApplication", WAIT);
			// 128 + 15: ended by SIGTERM, after the shutdown hook closed the application.
			assertThat(server.terminate(WAIT)).isEqualTo(143);
			assertThat(server.output()).doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	// No "work" unless a test asks for some: the guide's one second per request would only slow the tests.
	private static ConfigurableApplicationContext role(String role, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (all.stream().noneMatch((arg) -> arg.startsWith("--hello.work="))) {
			all.add("--hello.work=0s");
		}
		return new SpringApplicationBuilder(HelloWorldApplication.class).profiles(role).run(all.toArray(String[]::new));
	}

	private static String endpoint(ConfigurableApplicationContext context) {
		return context.getBean(ZmqSocketRegistry.class).endpoint(HelloServer.SOCKET);
	}

	private static String port(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf(':') + 1);
	}

}
