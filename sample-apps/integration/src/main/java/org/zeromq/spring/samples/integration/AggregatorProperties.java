package org.zeromq.spring.samples.integration;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the aggregator follows; the defaults are in {@code application.yml}.
 *
 * @param zipCodes the zip codes it averages (its SUB socket subscribes to these prefixes, and the
 * flow drops any other update, so that a publisher cannot make it keep samples for every zip code)
 * @param samples how many updates make one average
 */
@ConfigurationProperties("aggregator")
record AggregatorProperties(List<String> zipCodes, int samples) {

	AggregatorProperties {
		zipCodes = List.copyOf(zipCodes);
		if (samples < 1) {
			throw new IllegalArgumentException("aggregator.samples must be at least 1, was " + samples);
		}
	}

}
