package org.zeromq.spring.samples.weather;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the roles are asked to do; the defaults are the guide's, in {@code application.yml}.
 *
 * @param lowestZip the lowest zip code the server makes updates for
 * @param highestZip the highest zip code the server makes updates for
 * @param zip the zip code the client subscribes to
 * @param samples how many updates the client averages before it exits
 * @param patience how long the client waits for them before it gives up
 * @param envelopeInterval how long the envelope publisher waits between two pairs of envelopes
 */
@ConfigurationProperties("weather")
record WeatherProperties(int lowestZip, int highestZip, String zip, int samples, Duration patience,
		Duration envelopeInterval) {

}
