package org.zeromq.spring.samples.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;
import org.zeromq.spring.core.ManagedSocket;

/**
 * Counts the peers connected to a bound socket, from the socket's own events: a peer counts
 * once its ZeroMQ handshake is done, and stops counting when it disconnects.
 * <p>
 * A PUSH socket deals messages only among the peers connected at the moment, so a ventilator
 * that sends as soon as it starts gives the whole batch to whichever worker connected first
 * (the guide has the user press Enter once the workers are up). Waiting for the handshakes
 * makes that wait exact. Watch a socket right after it binds: peers that connected before are
 * not counted.
 */
final class ConnectedPeers {

	private int connected;

	ConnectedPeers(ManagedSocket socket) {
		// The hook runs on a ZeroMQ I/O thread; it only counts and wakes waiters.
		socket.execute((bound) -> bound.setEventHook(this::onEvent, ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED));
	}

	private synchronized void onEvent(ZEvent event) {
		if (event.getEvent() == ZMonitor.Event.HANDSHAKE_PROTOCOL) {
			this.connected++;
		}
		else if (event.getEvent() == ZMonitor.Event.DISCONNECTED) {
			this.connected--;
		}
		notifyAll();
	}

	/**
	 * Waits until at least {@code peers} peers are connected, or the patience runs out.
	 * @return how many peers are connected
	 */
	synchronized int awaitAtLeast(int peers, Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		long left = patience.toNanos();
		while (this.connected < peers && left > 0) {
			TimeUnit.NANOSECONDS.timedWait(this, left);
			left = deadline - System.nanoTime();
		}
		return this.connected;
	}

}
