package org.zeromq.spring.samples.sync;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;
import org.zeromq.spring.core.SocketPreparer;
import org.zeromq.spring.core.SocketSpec;

/**
 * Counts the connections of the subscriber's {@code updates} SUB socket whose ZeroMQ handshake is
 * done, from the socket's own events: the SUB sends its subscription right after its handshake,
 * so once it is connected the publisher will receive what it publishes from then on. This is
 * where the guide's subscriber sleeps a second "to be safe" before it synchronizes. Installed as
 * the socket is created, before it connects, so that no handshake goes unseen.
 */
@Component
@Profile("subscriber")
class ConnectedPeers implements SocketPreparer {

	private int connected;

	@Override
	public void prepare(ZMQ.Socket socket, SocketSpec spec) {
		if (spec.name().equals(SyncSubscriber.UPDATES)) {
			// The hook runs on a ZeroMQ I/O thread; it only counts and wakes the waiter.
			socket.setEventHook(this::onEvent, ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED);
		}
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
