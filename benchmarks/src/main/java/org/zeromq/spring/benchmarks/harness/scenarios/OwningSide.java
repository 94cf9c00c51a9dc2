package org.zeromq.spring.benchmarks.harness.scenarios;

import org.zeromq.spring.benchmarks.harness.Side;

/**
 * A side that owns what it runs on (application contexts, raw contexts, receive loops) and closes
 * it in the {@link ClosingOrder} given.
 */
abstract class OwningSide implements Side {

	private final ClosingOrder closing;

	OwningSide(AutoCloseable... closeInOrder) {
		this.closing = new ClosingOrder(closeInOrder);
	}

	@Override
	public final void close() throws Exception {
		this.closing.close();
	}

}
