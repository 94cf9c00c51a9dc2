package org.zeromq.spring.samples.integration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The ZeroMQ guide's weather updates, aggregated by a Spring Integration flow: an inbound SUB
 * adapter takes the {@code "zip temperature humidity"} updates a weather server publishes (the
 * guide's wuserver), the flow keeps the well-formed ones for the zip codes it follows and averages
 * every {@code aggregator.samples} of them per zip code, an outbound PUB adapter publishes each
 * average, and an inbound REP gateway answers {@code "avg <zip>"} queries with the latest one.
 * It runs until it is stopped; the sockets are in {@code application.yml}, the flows in
 * {@link AggregatorFlows}.
 */
@SpringBootApplication
@EnableConfigurationProperties(AggregatorProperties.class)
public class WeatherAggregatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherAggregatorApplication.class, args);
	}

}
