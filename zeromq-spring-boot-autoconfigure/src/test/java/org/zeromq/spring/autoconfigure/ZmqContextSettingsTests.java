package org.zeromq.spring.autoconfigure;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeromq.ZContext;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zeromq.context.*} reaches the one ZContext, and its threads say what they are. */
class ZmqContextSettingsTests {

	private static final Pattern IO_THREAD = Pattern.compile("zmq-io-(\\d+)-\\d+");

	private static final Pattern REAPER_THREAD = Pattern.compile("zmq-reaper-(\\d+)");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			(defaults)                                                 | 1 | 1024 | false | 1000
			io-threads=2,max-sockets=77,ipv6=true,linger=250ms         | 2 |   77 | true  |  250
			""")
	void settingsReachTheContext(String settings, int ioThreads, int maxSockets, boolean ipv6, int lingerMillis) {
		String[] properties = settings.startsWith("(") ? new String[0]
				: Arrays.stream(settings.split(",")).map((setting) -> "zeromq.context." + setting).toArray(String[]::new);
		ZmqApplication.runner().withPropertyValues(properties).run((context) -> {
			ZContext zmq = context.getBean(ZContext.class);
			assertThat(zmq.getContext().getIOThreads()).isEqualTo(ioThreads);
			assertThat(zmq.getContext().getMaxSockets()).isEqualTo(maxSockets);
			assertThat(zmq.getContext().isIPv6()).isEqualTo(ipv6);
			assertThat(zmq.getLinger()).isEqualTo(lingerMillis);
		});
	}

	@Test
	void ioAndReaperThreadsAreNamedAfterTheContext() {
		LiveThreads before = LiveThreads.now();
		// JeroMQ starts its threads with the first socket
		ZmqApplication.runner()
			.withPropertyValues("zeromq.context.io-threads=2")
			.withPropertyValues(ZmqApplication.socket("x", "type=PULL", "bind=inproc://threads"))
			.run((context) -> {
				Set<String> started = LiveThreads.now().startedSince(before);
				assertThat(started).filteredOn((name) -> IO_THREAD.matcher(name).matches()).hasSize(2);
				assertThat(started).filteredOn((name) -> REAPER_THREAD.matcher(name).matches()).hasSize(1);
				assertThat(started).noneMatch((name) -> name.startsWith("iothread-") || name.startsWith("reaper-"));
				assertThat(started.stream().filter((name) -> name.startsWith("zmq-")).map(ZmqContextSettingsTests::contextId))
					.as("every thread names the same context")
					.containsOnly(contextId(started.stream().filter(REAPER_THREAD.asMatchPredicate()).findFirst().orElseThrow()));
			});
	}

	private static String contextId(String threadName) {
		for (Pattern pattern : new Pattern[] { IO_THREAD, REAPER_THREAD }) {
			Matcher matcher = pattern.matcher(threadName);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return "not a context thread: " + threadName;
	}

}
