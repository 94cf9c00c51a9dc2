package org.zeromq.spring.benchmarks.harness;

import org.zeromq.ZMQ;

/**
 * A hand-written receive loop on its own thread, the way a raw JeroMQ application serves a
 * socket: it owns the socket from start to close. The socket's receive timeout bounds each wait
 * so that the loop sees a stop request without being interrupted.
 */
public final class RawLoop implements AutoCloseable {

	/** Handles one message; returns {@code false} when the receive timed out with nothing. */
	@FunctionalInterface
	public interface Step {

		boolean handleOne(ZMQ.Socket socket);

	}

	private static final int POLL_MILLIS = 100;

	private final ZMQ.Socket socket;

	private final Step step;

	private final Thread thread;

	private volatile boolean running = true;

	public RawLoop(String name, ZMQ.Socket socket, Step step) {
		this.socket = socket;
		this.step = step;
		socket.setReceiveTimeOut(POLL_MILLIS);
		// Thread.start() hands the socket over with the memory barrier a socket changing threads needs.
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				this.step.handleOne(this.socket);
			}
		}
		finally {
			this.socket.close();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(10_000);
	}

}
