package org.zeromq.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * What a test's listener method was called with, and on which threads; listener methods record
 * here and tests wait on it.
 *
 * @param <T> what is recorded per message
 */
public final class HandledMessages<T> {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<T> values = new CopyOnWriteArrayList<>();

	private final Set<String> threadNames = ConcurrentHashMap.newKeySet();

	public void record(T value) {
		this.values.add(value);
		this.threadNames.add(Thread.currentThread().getName());
	}

	public List<T> values() {
		return List.copyOf(this.values);
	}

	public int count() {
		return this.values.size();
	}

	/** Names of the threads that called the listener method. */
	public Set<String> threadNames() {
		return Set.copyOf(this.threadNames);
	}

	/** Waits until {@code count} messages were handled and returns them. */
	public List<T> awaitCount(int count) {
		await().atMost(WAIT).until(() -> this.values.size() >= count);
		return values();
	}

	/** Checks that the count stays as it is for a while: the negative half of pause and stop tests. */
	public void assertStaysAt(int count, Duration during) {
		await().during(during).atMost(during.plus(WAIT)).until(() -> this.values.size() == count);
	}

}
