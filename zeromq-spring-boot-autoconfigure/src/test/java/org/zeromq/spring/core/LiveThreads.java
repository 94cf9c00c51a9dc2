package org.zeromq.spring.core;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The threads alive in this JVM, to prove which ones a piece of code started and whether they
 * ended again.
 */
public final class LiveThreads {

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

	/** Names of the threads the ZeroMQ starter and JeroMQ name {@code zmq-…}, sorted. */
	public Set<String> zmqThreadNames() {
		return this.threads.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("zmq-"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
