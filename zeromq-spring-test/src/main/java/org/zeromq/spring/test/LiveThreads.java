package org.zeromq.spring.test;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A census of the threads alive in this JVM, to prove which ones a piece of code started and
 * that they ended again. The starter and its ZeroMQ context name theirs {@code zmq-…}: listener
 * workers and devices, template requesters, JeroMQ's I/O and reaper threads.
 */
public final class LiveThreads {

	// As patient as the tests' other waits: JeroMQ's threads may take a moment after the context closed.
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Predicate<String> ZMQ_THREAD = (name) -> name.startsWith("zmq-");

	private final Set<Thread> threads;

	private LiveThreads(Set<Thread> threads) {
		this.threads = threads;
	}

	public static LiveThreads now() {
		return new LiveThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
	}

	public int count() {
		return this.threads.size();
	}

	/** Names of threads alive now that were not alive in {@code earlier}, sorted. */
	public Set<String> startedSince(LiveThreads earlier) {
		return this.threads.stream()
			.filter((thread) -> !earlier.threads.contains(thread))
			.map(Thread::getName)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Names of the {@code zmq-…} threads of this census, sorted. */
	public Set<String> zmqThreadNames() {
		return this.threads.stream()
			.map(Thread::getName)
			.filter(ZMQ_THREAD)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Waits until every thread started since this census has ended; fails naming the others. */
	public void awaitThreadsEnded() {
		awaitEnded((name) -> true);
	}

	/** Waits until every {@code zmq-…} thread started since this census has ended; fails naming the others. */
	public void awaitZmqThreadsEnded() {
		awaitEnded(ZMQ_THREAD);
	}

	// JeroMQ's threads may need a moment to end after their context closed. Polled in the calling
	// thread, so that the poller itself is not a thread started since the census.
	private void awaitEnded(Predicate<String> counted) {
		try {
			await().pollInSameThread().atMost(WAIT).until(() -> notEnded(counted).isEmpty());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("threads started since the census and not ended within " + WAIT.toSeconds()
					+ " s: " + notEnded(counted));
		}
	}

	private Set<String> notEnded(Predicate<String> counted) {
		return now().startedSince(this)
			.stream()
			.filter(counted)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
