package org.zeromq.spring.samples.weather;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.samples.support.UnreadableMessages;

/**
 * The client role (the guide's wuclient): its {@code updates} SUB socket subscribes to
 * {@code "<zip> "} (the zip code and the space after it, so that 10001 does not also match
 * 100010), collects {@code weather.samples} updates, prints their average temperature and exits.
 * An update that is not three whole numbers is counted, not averaged.
 */
@Component
@Profile("client")
class WeatherClient implements Role {

	private final WeatherProperties properties;

	private final UnreadableMessages unreadable;

	private final CountDownLatch complete;

	// Written by the listener thread, read by the main thread: guarded by this.
	private long totalTemperature;

	private int samples;

	WeatherClient(WeatherProperties properties, UnreadableMessages unreadable) {
		this.properties = properties;
		this.unreadable = unreadable;
		this.complete = new CountDownLatch(properties.samples());
	}

	@ZmqListener("updates")
	synchronized void onUpdate(String update) {
		if (this.samples == this.properties.samples()) {
			return;
		}
		String[] fields = update.trim().split(" ");
		try {
			if (fields.length != 3) {
				throw new NumberFormatException();
			}
			Integer.parseInt(fields[0]);
			int temperature = Integer.parseInt(fields[1]);
			Integer.parseInt(fields[2]);
			this.totalTemperature += temperature;
			this.samples++;
			this.complete.countDown();
		}
		catch (NumberFormatException ex) {
			this.unreadable.record("not \"<zip> <temperature> <humidity>\"", update);
		}
	}

	@Override
	public int play() throws InterruptedException {
		System.out.println("Collecting updates from weather server...");
		boolean complete = this.complete.await(this.properties.patience().toMillis(), TimeUnit.MILLISECONDS);
		this.unreadable.report();
		synchronized (this) {
			if (this.samples == 0) {
				System.out.printf("No update for zipcode '%s' arrived within %s%n", this.properties.zip(),
						DurationText.of(this.properties.patience()));
				return 1;
			}
			// Like the guide, the whole-degree average, rounded towards zero.
			System.out.printf("Average temperature for zipcode '%s' was %dF%n", this.properties.zip(),
					this.totalTemperature / this.samples);
			if (!complete) {
				System.out.printf("(from only %d of %d updates: no more arrived within %s)%n", this.samples,
						this.properties.samples(), DurationText.of(this.properties.patience()));
				return 1;
			}
			return 0;
		}
	}

}
