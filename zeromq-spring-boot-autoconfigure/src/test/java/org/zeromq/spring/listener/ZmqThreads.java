package org.zeromq.spring.listener;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The threads the starter and its ZeroMQ context run, all named {@code zmq-…}: listener workers
 * and devices, template requesters, JeroMQ's I/O and reaper threads. Tests take a census before
 * an application and check that none of the threads it started outlives it.
 */
final class ZmqThreads {

	private ZmqThreads() {
	}

	static Set<Thread> alive() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().startsWith("zmq-") && thread.isAlive())
			.collect(Collectors.toUnmodifiableSet());
	}

	static Set<String> aliveNames() {
		return alive().stream().map(Thread::getName).collect(Collectors.toUnmodifiableSet());
	}

	/** Waits until every {@code zmq-} thread alive now was alive at the census; fails naming the others. */
	static void awaitNoneBeyond(Set<Thread> census) {
		await().atMost(ListenerContextRunner.WAIT)
			.alias("threads started since the census have ended")
			.until(() -> alive().stream().filter((thread) -> !census.contains(thread)).map(Thread::getName).toList(),
					List::isEmpty);
	}

}
