package org.zeromq.spring.benchmarks.harness.scenarios;

/**
 * What a side or a server started, closed in the order given: senders before receivers, worker
 * loops before their proxy, sockets before their context.
 *
 * @param closeables closed first to last
 */
record ClosingOrder(AutoCloseable... closeables) implements AutoCloseable {

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

}
