package org.zeromq.spring.samples.sync;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;

/**
 * The subscriber role (the guide's syncsub): once its {@code updates} SUB socket is connected to
 * the publisher ({@code awaitPeers}), it synchronizes with an empty request on the {@code sync} REQ socket, then counts
 * the updates until "END" and prints how many it received.
 */
@Component
@Profile("subscriber")
class SyncSubscriber implements Role {

	static final String UPDATES = "updates";

	private final ZmqOperations zmq;

	private final SyncProperties properties;

	private final String publisher;

	private final CountDownLatch ended = new CountDownLatch(1);

	// Written by the listener thread only; read after the END latch.
	private long received;

	SyncSubscriber(ZmqOperations zmq, SyncProperties properties, @Value("${zeromq.sockets.updates.connect}") String publisher) {
		this.zmq = zmq;
		this.properties = properties;
		this.publisher = publisher;
	}

	@ZmqListener(UPDATES)
	void onUpdate(String update) {
		if (update.equals("END")) {
			this.ended.countDown();
		}
		else if (this.ended.getCount() > 0) {
			this.received++;
		}
	}

	@Override
	public int play() throws InterruptedException {
		// First, our subscriber socket is connected (the guide sleeps a second here): a SUB sends
		// its subscription right after the ZeroMQ handshake, so once the publisher is a peer it
		// will receive what is published from then on.
		if (!this.zmq.awaitPeers(UPDATES, 1, this.properties.patience())) {
			System.out.printf("No publisher on %s within %s%n", this.publisher, DurationText.of(this.properties.patience()));
			return 1;
		}
		// Second, synchronize with the publisher.
		try {
			this.zmq.request("sync", "", this.properties.patience(), String.class);
		}
		catch (ZmqRequestTimeoutException ex) {
			System.out.printf("No synchronization reply within %s%n", DurationText.of(this.properties.patience()));
			return 1;
		}
		// Third, get our updates and report how many we got.
		if (!this.ended.await(this.properties.patience().toMillis(), TimeUnit.MILLISECONDS)) {
			System.out.printf("No END within %s, after %d updates%n", DurationText.of(this.properties.patience()), this.received);
			return 1;
		}
		System.out.printf("Received %d updates%n", this.received);
		return 0;
	}

}
