package org.zeromq.spring.samples.integration;

import java.util.Collection;
import java.util.Locale;

/**
 * The average of a zip code's samples.
 *
 * @param zip the zip code
 * @param temperature the average temperature
 * @param humidity the average relative humidity
 * @param samples how many updates it averages
 */
record Average(String zip, double temperature, double humidity, int samples) {

	static Average of(String zip, Collection<WeatherUpdate> updates) {
		double temperature = updates.stream().mapToInt(WeatherUpdate::temperature).average().orElse(Double.NaN);
		double humidity = updates.stream().mapToInt(WeatherUpdate::humidity).average().orElse(Double.NaN);
		return new Average(zip, temperature, humidity, updates.size());
	}

	/** As the aggregator publishes and answers it, in the format of the updates: {@code "10001 21.4 40.7"}. */
	String line() {
		return String.format(Locale.ROOT, "%s %.1f %.1f", this.zip, this.temperature, this.humidity);
	}

}
