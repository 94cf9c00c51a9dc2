package org.zeromq.spring.samples.weather;

import org.springframework.context.annotation.Profile;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.samples.support.UnreadableMessages;

/**
 * The envelope-subscriber role (the guide's psenvsub): its {@code envelopes} SUB socket
 * subscribes to the key {@code B}, and prints each message as {@code [B] We would like to see
 * this}. Runs until the application stops. A message without a key frame cannot be read: it is
 * counted, and the count is said when the application stops.
 */
@Component
@Profile("envelope-subscriber")
class EnvelopeSubscriber implements AutoCloseable {

	private final UnreadableMessages unreadable;

	EnvelopeSubscriber(UnreadableMessages unreadable) {
		this.unreadable = unreadable;
	}

	@ZmqListener(value = EnvelopePublisher.SOCKET, errorHandler = "unreadableMessages")
	void onMessage(@Header(ZmqHeaders.TOPIC) String address, String contents) {
		System.out.println("[" + address + "] " + contents);
	}

	@Override
	public void close() {
		this.unreadable.report();
	}

}
