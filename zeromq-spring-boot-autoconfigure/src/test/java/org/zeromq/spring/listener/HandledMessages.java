package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zeromq.spring.test.ZmqApplication;

import static org.awaitility.Awaitility.await;

/**
 * What a test's listener method was called with, and on which threads; listener methods record
 * here and tests wait on it.
 *
 * @param <T> what is recorded per message
 */
final class HandledMessages<T> {

	private final List<T> values = new CopyOnWriteArrayList<>();

	private final Set<String> threadNames = ConcurrentHashMap.newKeySet();

	void record(T value) {
		this.values.add(value);
		this.threadNames.add(Thread.currentThread().getName());
	}

	List<T> values() {
		return List.copyOf(this.values);
	}

	int count() {
		return this.values.size();
	}

	/** Names of the threads that called the listener method. */
	Set<String> threadNames() {
		return Set.copyOf(this.threadNames);
	}

	/** Waits until {@code count} messages were handled and returns them. */
	List<T> awaitCount(int count) {
		await().atMost(ZmqApplication.WAIT).until(() -> this.values.size() >= count);
		return values();
	}

	/** Checks that the count stays as it is for a while: the negative half of pause and stop tests. */
	void assertStaysAt(int count, Duration during) {
		await().during(during).atMost(during.plus(ZmqApplication.WAIT)).until(() -> this.values.size() == count);
	}

}
