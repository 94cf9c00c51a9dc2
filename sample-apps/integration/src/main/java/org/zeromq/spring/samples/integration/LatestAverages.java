package org.zeromq.spring.samples.integration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The latest average of each zip code, for the queries; written by the aggregating flow, read by
 * the query gateway's thread. It holds one entry per followed zip code at most.
 */
@Component
class LatestAverages {

	private final Map<String, Average> latest = new ConcurrentHashMap<>();

	Average record(Average average) {
		this.latest.put(average.zip(), average);
		return average;
	}

	/** The answer to a query: {@code "avg 10001"} gets {@code "10001 21.4 40.7"}. */
	String answer(String query) {
		String[] words = query.trim().split(" +");
		if (words.length != 2 || !words[0].equals("avg")) {
			return "usage: avg <zip>";
		}
		Average average = this.latest.get(words[1]);
		return (average != null) ? average.line() : words[1] + " no average yet";
	}

}
