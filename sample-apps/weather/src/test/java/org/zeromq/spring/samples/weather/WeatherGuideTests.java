package org.zeromq.spring.samples.weather;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.proxy.ProxyState;
import org.zeromq.spring.proxy.ZmqProxyRegistry;
import org.zeromq.spring.samples.support.UnreadableMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each role of the sample against the guide's own programs for the other side, in pyzmq, on
 * ports the system picks: the server feeds the guide's wuclient, the client averages what the
 * guide's wuserver publishes, the proxy sits between the two guide programs, the envelope
 * publisher feeds the guide's psenvsub and the envelope subscriber reads the guide's psenvpub.
 * The servers publish for ten zip codes instead of the guide's 100 000, so that a client's
 * zip code comes up often.
 */
@ExtendWith(OutputCaptureExtension.class)
class WeatherGuideTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String TEN_ZIPS = "--weather.lowest-zip=10000";

	private static final String TEN_ZIPS_END = "--weather.highest-zip=10009";

	@Test
	void theServerFeedsTheGuidesClient() throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext server = role("server", "--weather.port=*", TEN_ZIPS, TEN_ZIPS_END)) {
			assertThat(WeatherApplication.playAndExit(server)).isEqualTo(WeatherApplication.RUNNING);
			try (PythonZmqPeer client = PythonZmqPeer.start("wuclient.py", endpoint(server, "weather"), "10001", "100")) {
				assertThat(client.nextLine(WAIT)).matches("Average temperature for zipcode '10001' was -?\\d+F");
				assertThat(client.awaitExit(WAIT)).isZero();
			}
			assertThat(server.getBean(WeatherServer.class).published()).isPositive();
		}
	}

	@Test
	void theClientAveragesTheGuidesServerAndSaysOnceHowManyItCouldNotRead(CapturedOutput output) throws Exception {
		try (PythonZmqPeer server = PythonZmqPeer.start("wuserver.py", "10000", "10009", "10001")) {
			ConfigurableApplicationContext client = role("client", "--weather.port=" + port(server.readyInfo()),
					"--weather.samples=20");
			assertThat(WeatherApplication.playAndExit(client)).isZero();
			assertThat(client.isActive()).isFalse();
		}
		assertThat(output).contains("Collecting updates from weather server...")
			.containsPattern("Average temperature for zipcode '10001' was -?\\d+F");
		List<String> unreadable = output.toString().lines().filter((line) -> line.contains("could not be read")).toList();
		assertThat(unreadable).singleElement()
			.asString()
			.matches("\\d+ arrived but could not be read: not \"<zip> <temperature> <humidity>\" \\(the first: '10001 hot humid'\\)");
	}

	@Test
	void theProxyForwardsTheGuidesServerToTheGuidesClientAndItsSubscriptionBack() throws Exception {
		try (PythonZmqPeer server = PythonZmqPeer.start("wuserver.py", "10000", "10009");
				ConfigurableApplicationContext proxy = role("proxy", "--weather.port=" + port(server.readyInfo()),
						"--weather.proxy-port=*")) {
			assertThat(WeatherApplication.playAndExit(proxy)).isEqualTo(WeatherApplication.RUNNING);
			ZmqProxyRegistry proxies = proxy.getBean(ZmqProxyRegistry.class);
			assertThat(proxies.state("weather")).isEqualTo(ProxyState.RUNNING);
			try (PythonZmqPeer client = PythonZmqPeer.start("wuclient.py", endpoint(proxy, "subscribers"), "10002", "50")) {
				assertThat(client.nextLine(WAIT)).matches("Average temperature for zipcode '10002' was -?\\d+F");
				assertThat(client.awaitExit(WAIT)).isZero();
			}
			// The server sent only what the subscription forwarded up asked for: one zip code in ten.
			assertThat(proxies.stats("weather").backToFront().messages()).isPositive();
		}
	}

	@Test
	void theEnvelopePublisherFeedsTheGuidesSubscriberItsBMessagesOnly() throws Exception {
		PythonZmqPeer.assumeAvailable();
		try (ConfigurableApplicationContext publisher = role("envelope-publisher", "--weather.envelope-port=*",
				"--weather.envelope-interval=10ms")) {
			assertThat(WeatherApplication.playAndExit(publisher)).isEqualTo(WeatherApplication.RUNNING);
			try (PythonZmqPeer subscriber = PythonZmqPeer.start("psenvsub.py", endpoint(publisher, "envelopes"), "3")) {
				assertThat(subscriber.nextLines(3, WAIT)).containsOnly("[B] We would like to see this");
				assertThat(subscriber.awaitExit(WAIT)).isZero();
			}
		}
	}

	@Test
	void theEnvelopeSubscriberPrintsTheGuidesBMessagesAndCountsWhatItCannotRead(CapturedOutput output)
			throws Exception {
		try (PythonZmqPeer publisher = PythonZmqPeer.start("psenvpub.py", "10", "unkeyed")) {
			ConfigurableApplicationContext subscriber = role("envelope-subscriber",
					"--weather.envelope-port=" + port(publisher.readyInfo()));
			assertThat(WeatherApplication.playAndExit(subscriber)).isEqualTo(WeatherApplication.RUNNING);
			UnreadableMessages unreadable = subscriber.getBean(UnreadableMessages.class);
			await().atMost(WAIT).until(() -> output.toString().contains("[B] We would like to see this") && unreadable.count() >= 2);
			subscriber.close();
		}
		assertThat(output).doesNotContain("[A]").doesNotContain("\tat ");
		assertThat(output.toString().lines().filter((line) -> line.contains("could not be read")).toList()).singleElement()
			.asString()
			.matches("\\d+ arrived but could not be read: \\w+ \\(the first: 'B without an envelope'\\)");
	}

	@Test
	void withoutARoleTheApplicationSaysWhichToChooseAndExits(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WeatherApplication.class).run();
		assertThat(WeatherApplication.playAndExit(context)).isEqualTo(2);
		assertThat(output).contains("Choose one role: --spring.profiles.active=server, client, proxy, envelope-publisher, envelope-subscriber");
	}

	private static ConfigurableApplicationContext role(String role, String... args) {
		return new SpringApplicationBuilder(WeatherApplication.class).profiles(role).run(args);
	}

	private static String endpoint(ConfigurableApplicationContext context, String socket) {
		return context.getBean(ZmqSocketRegistry.class).endpoint(socket);
	}

	private static String port(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf(':') + 1);
	}

}
