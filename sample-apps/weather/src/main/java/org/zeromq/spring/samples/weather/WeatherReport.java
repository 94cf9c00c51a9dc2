package org.zeromq.spring.samples.weather;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;

/**
 * The subscriber role (the guide's wuclient): its {@code updates} SUB socket subscribes to one
 * zip code, so the publisher sends it nothing else; it collects {@code weather.samples} updates
 * and prints their average temperature.
 * <p>
 * Which updates arrive first is not known (a subscriber joins a stream already flowing, and the
 * first updates after it connects are lost while its subscription travels to the publisher);
 * the report simply takes the first samples it gets.
 */
@Component
@Profile("subscriber")
class WeatherReport implements Role {

	private final WeatherProperties properties;

	private final CountDownLatch complete = new CountDownLatch(1);

	// Written by the listener thread, read by the main thread: guarded by this.
	private final List<Weather> samples = new ArrayList<>();

	private final Set<String> topics = new LinkedHashSet<>();

	WeatherReport(WeatherProperties properties) {
		this.properties = properties;
	}

	@ZmqListener("updates")
	synchronized void onUpdate(@Header(ZmqHeaders.TOPIC) String zip, Weather weather) {
		if (this.samples.size() == this.properties.samples()) {
			return;
		}
		this.topics.add(zip);
		this.samples.add(weather);
		if (this.samples.size() == this.properties.samples()) {
			this.complete.countDown();
		}
	}

	@Override
	public int play() throws InterruptedException {
		System.out.printf("Collecting updates from weather server for zipcode '%s'...%n", this.properties.zip());
		boolean complete = this.complete.await(this.properties.patience().toMillis(), TimeUnit.MILLISECONDS);
		List<Weather> collected = samples();
		if (collected.isEmpty()) {
			System.out.printf("No update for zipcode '%s' arrived within %s%n", this.properties.zip(), this.properties.patience());
			return 1;
		}
		System.out.printf("Average temperature for zipcode '%s' was %dF%n", this.properties.zip(), averageTemperature(collected));
		if (!complete) {
			System.out.printf("(from only %d of %d updates: no more arrived within %s)%n", collected.size(),
					this.properties.samples(), this.properties.patience());
			return 1;
		}
		return 0;
	}

	/** The updates collected so far. */
	synchronized List<Weather> samples() {
		return List.copyOf(this.samples);
	}

	/** The topic frames (zip codes) the collected updates came with. */
	synchronized Set<String> topics() {
		return Set.copyOf(this.topics);
	}

	/** Like the guide, the whole-degree average, rounded towards zero. */
	static int averageTemperature(List<Weather> updates) {
		long total = 0;
		for (Weather update : updates) {
			total += update.temperature();
		}
		return (int) (total / updates.size());
	}

}
