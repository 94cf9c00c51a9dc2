package org.zeromq.spring.samples.weather;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the two roles are asked to do; the defaults are in {@code application.yml}.
 *
 * @param updates how many updates the publisher sends before it exits
 * @param lowestZip the lowest zip code the publisher makes updates for
 * @param highestZip the highest zip code the publisher makes updates for
 * @param zip the zip code the subscriber subscribes to
 * @param samples how many updates the subscriber averages before it exits
 * @param patience how long the subscriber waits for its samples before it gives up
 */
@ConfigurationProperties("weather")
record WeatherProperties(long updates, int lowestZip, int highestZip, String zip, int samples, Duration patience) {

}
