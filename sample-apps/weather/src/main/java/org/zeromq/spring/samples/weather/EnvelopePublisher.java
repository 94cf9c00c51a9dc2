package org.zeromq.spring.samples.weather;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The envelope-publisher role (the guide's psenvpub): on the {@code envelopes} PUB socket, two
 * messages each {@code weather.envelope-interval}, each in an envelope: the key {@code A} or
 * {@code B} in a frame of its own, then the content. Subscribers filter on the key frame alone.
 * Runs until the application stops.
 */
@Component
@Profile("envelope-publisher")
class EnvelopePublisher implements SmartLifecycle {

	static final String SOCKET = "envelopes";

	private final ZmqOperations zmq;

	private final WeatherProperties properties;

	// Counted down by stop(): the publisher's wait between two pairs ends at once.
	private volatile CountDownLatch stopped = new CountDownLatch(0);

	private Thread publisher = new Thread(() -> {
	});

	EnvelopePublisher(ZmqOperations zmq, WeatherProperties properties) {
		this.zmq = zmq;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.stopped = new CountDownLatch(1);
		this.publisher = new Thread(this::publish, "envelope-publisher");
		this.publisher.start();
	}

	private void publish() {
		try {
			do {
				this.zmq.send(SOCKET, "A", "We don't want to see this");
				this.zmq.send(SOCKET, "B", "We would like to see this");
			}
			while (!this.stopped.await(this.properties.envelopeInterval().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.stopped.countDown();
		try {
			this.publisher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.stopped.getCount() > 0;
	}

}
