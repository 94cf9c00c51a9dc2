package org.zeromq.spring.samples.weather;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both roles as separate application contexts in one JVM, talking over tcp on 127.0.0.1: the
 * publisher binds a free port and the subscriber connects to the endpoint the publisher's
 * registry resolved.
 * <p>
 * The subscriber joins while updates are already flowing, so it cannot know which updates it
 * will miss (the guide's slow joiner); the publisher therefore keeps publishing (up to a
 * generous bound) until the subscriber has its samples, and is then closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class WeatherApplicationTests {

	private static final long BOUND_SECONDS = 20;

	@Test
	void theSubscriberReceivesOnlyItsZipCodeAndPrintsTheAverageTemperature(CapturedOutput output) throws Exception {
		ExecutorService publisherThread = Executors.newSingleThreadExecutor();
		try (ConfigurableApplicationContext publisher = start("publisher", "--zeromq.sockets.weather.bind=tcp://127.0.0.1:*",
				"--weather.lowest-zip=10000", "--weather.highest-zip=10009", "--weather.updates=50000000");
				ConfigurableApplicationContext subscriber = start("subscriber",
						"--zeromq.sockets.updates.connect=" + publisher.getBean(ZmqSocketRegistry.class).endpoint(WeatherStation.SOCKET),
						"--weather.zip=10003", "--weather.samples=50", "--weather.patience=" + BOUND_SECONDS + "s")) {
			WeatherStation station = publisher.getBean(WeatherStation.class);
			WeatherReport report = subscriber.getBean(WeatherReport.class);
			Future<Integer> publishing = publisherThread.submit(() -> WeatherApplication.playAndExit(publisher));

			assertThat(WeatherApplication.playAndExit(subscriber)).isZero();
			station.close();
			assertThat(publishing.get(BOUND_SECONDS, TimeUnit.SECONDS)).isZero();

			List<Weather> samples = report.samples();
			assertThat(samples).hasSize(50).allSatisfy((weather) -> {
				assertThat(weather.zip()).isEqualTo("10003");
				assertThat(weather.temperature()).isBetween(-80, 134);
				assertThat(weather.humidity()).isBetween(10, 59);
			});
			assertThat(report.topics()).containsExactly("10003");
			long total = samples.stream().mapToLong(Weather::temperature).sum();
			assertThat(output).contains("Average temperature for zipcode '10003' was " + (total / samples.size()) + "F");
			assertThat(publisher.isActive()).isFalse();
			assertThat(subscriber.isActive()).isFalse();
		}
		finally {
			publisherThread.shutdown();
		}
	}

	@Test
	void withoutARoleTheApplicationSaysWhichToChooseAndExits(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WeatherApplication.class).run()) {
			assertThat(WeatherApplication.playAndExit(context)).isEqualTo(2);
			assertThat(output).contains("--spring.profiles.active=publisher");
		}
	}

	private static ConfigurableApplicationContext start(String role, String... args) {
		return new SpringApplicationBuilder(WeatherApplication.class).profiles(role).run(args);
	}

}
