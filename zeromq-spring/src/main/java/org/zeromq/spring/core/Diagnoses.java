package org.zeromq.spring.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The findings of one declared socket: each logged at WARN the first time it is seen, with the
 * socket, the endpoint and the fix, then only counted, so that a condition that recurs with
 * every message is one log line, not a flood. Kinds and endpoints are both bounded (the
 * endpoints are the socket's own), so the findings are too. Thread-safe; reporting never blocks
 * beyond that one log line.
 */
final class Diagnoses {

	private static final Log logger = LogFactory.getLog("org.zeromq.spring.diagnostics");

	private final String socket;

	private final ZmqSocketType type;

	private final Map<Key, Finding> findings = new ConcurrentHashMap<>();

	Diagnoses(String socket, ZmqSocketType type) {
		this.socket = socket;
		this.type = type;
	}

	void report(Diagnosis.Kind kind, String endpoint, String description) {
		Key key = new Key(kind, endpoint);
		Finding finding = this.findings.get(key);
		if (finding == null) {
			Finding created = new Finding(description);
			finding = this.findings.putIfAbsent(key, created);
			if (finding == null) {
				finding = created;
				if (logger.isWarnEnabled()) {
					logger.warn("ZeroMQ socket '" + this.socket + "' (" + this.type + ") at " + endpoint + ": "
							+ description + ". Fix: " + kind.fix() + " [" + kind.id() + ", see docs/diagnostics.md]");
				}
			}
		}
		finding.count.increment();
		finding.lastSeen = System.currentTimeMillis();
	}

	List<Diagnosis> list() {
		return this.findings.entrySet()
			.stream()
			.map((entry) -> entry.getValue().snapshot(this.socket, entry.getKey()))
			.sorted(Comparator.comparing(Diagnosis::firstSeen))
			.toList();
	}

	long count(Diagnosis.Kind kind) {
		long total = 0;
		for (Map.Entry<Key, Finding> entry : this.findings.entrySet()) {
			if (entry.getKey().kind() == kind) {
				total += entry.getValue().count.sum();
			}
		}
		return total;
	}

	private record Key(Diagnosis.Kind kind, String endpoint) {
	}

	private static final class Finding {

		private final String description;

		private final long firstSeen = System.currentTimeMillis();

		private final LongAdder count = new LongAdder();

		private volatile long lastSeen = this.firstSeen;

		private Finding(String description) {
			this.description = description;
		}

		Diagnosis snapshot(String socket, Key key) {
			return new Diagnosis(key.kind(), socket, key.endpoint(), this.description, key.kind().fix(),
					this.count.sum(), Instant.ofEpochMilli(this.firstSeen), Instant.ofEpochMilli(this.lastSeen));
		}

	}

}
