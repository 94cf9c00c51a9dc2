package org.zeromq.spring.benchmarks.harness.scenarios;

/**
 * A running peer "process" a side talks to (a server, a receiver), with its own context.
 *
 * @param endpoint the resolved tcp endpoint it bound
 * @param closing what stops it
 */
record Peer(String endpoint, ClosingOrder closing) implements AutoCloseable {

	@Override
	public void close() throws Exception {
		this.closing.close();
	}

}
