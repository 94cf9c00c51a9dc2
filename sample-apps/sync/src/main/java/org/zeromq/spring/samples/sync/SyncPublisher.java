package org.zeromq.spring.samples.sync;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The publisher role (the guide's syncpub): each subscriber, once its subscription is in place,
 * sends a request to the {@code sync} REP socket and gets an empty reply. When
 * {@code sync.subscribers} have done so, the publisher broadcasts {@code sync.updates}
 * "Rhubarb" on the {@code publisher} PUB socket (its send-hwm lifted, so nothing is dropped for a
 * slow subscriber), then "END", and exits.
 */
@Component
@Profile("publisher")
class SyncPublisher implements Role {

	static final String PUBLISHER = "publisher";

	private final ZmqOperations zmq;

	private final SyncProperties properties;

	private final CountDownLatch subscribed;

	private final AtomicInteger subscribers = new AtomicInteger();

	SyncPublisher(ZmqOperations zmq, SyncProperties properties) {
		this.zmq = zmq;
		this.properties = properties;
		this.subscribed = new CountDownLatch(properties.subscribers());
	}

	@ZmqListener("sync")
	String onSyncRequest(String request) {
		System.out.printf("+1 subscriber (%d/%d)%n", this.subscribers.incrementAndGet(), this.properties.subscribers());
		this.subscribed.countDown();
		// The synchronization reply: empty, as the guide's.
		return "";
	}

	@Override
	public int play() throws InterruptedException {
		System.out.println("Waiting for subscribers");
		if (!this.subscribed.await(this.properties.patience().toMillis(), TimeUnit.MILLISECONDS)) {
			System.out.printf("Only %d of %d subscribers within %s%n", this.subscribers.get(), this.properties.subscribers(),
					DurationText.of(this.properties.patience()));
			return 1;
		}
		System.out.println("Broadcasting messages");
		for (long update = 0; update < this.properties.updates(); update++) {
			this.zmq.send(PUBLISHER, "Rhubarb");
		}
		this.zmq.send(PUBLISHER, "END");
		return 0;
	}

}
