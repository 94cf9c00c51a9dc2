package org.zeromq.spring.samples.broker;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;

/**
 * The worker role (the guide's rrworker): its {@code worker} REP socket connects to the broker's
 * backend, and each request is answered "World" after a moment of "work". Start several: the
 * broker deals requests among them.
 */
@Component
@Profile("worker")
class BrokerWorker {

	static final String SOCKET = "worker";

	private final BrokerProperties properties;

	BrokerWorker(BrokerProperties properties) {
		this.properties = properties;
	}

	@ZmqListener(SOCKET)
	String onRequest(String request) throws InterruptedException {
		System.out.println("Received request: [" + request + "]");
		// Do some 'work', as the guide does.
		Thread.sleep(this.properties.work().toMillis());
		return "World";
	}

}
