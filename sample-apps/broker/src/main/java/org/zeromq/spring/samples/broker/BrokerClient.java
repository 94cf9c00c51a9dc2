package org.zeromq.spring.samples.broker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;

/**
 * The client role (the guide's rrclient): sends "Hello" on the {@code client} REQ socket, which
 * connects to the broker's frontend, {@code broker.requests} times, and prints each reply.
 */
@Component
@Profile("client")
class BrokerClient implements Role {

	static final String SOCKET = "client";

	private final ZmqOperations zmq;

	private final BrokerProperties properties;

	private final String broker;

	BrokerClient(ZmqOperations zmq, BrokerProperties properties, @Value("${zeromq.sockets.client.connect}") String broker) {
		this.zmq = zmq;
		this.properties = properties;
		this.broker = broker;
	}

	@Override
	public int play() {
		for (int request = 0; request < this.properties.requests(); request++) {
			String reply;
			try {
				reply = this.zmq.request(SOCKET, "Hello", this.properties.patience(), String.class);
			}
			catch (ZmqRequestTimeoutException ex) {
				System.out.println("No reply within " + DurationText.of(this.properties.patience())
						+ ": are the broker on " + this.broker + " and a worker running?");
				return 1;
			}
			System.out.println("Received reply " + request + " [" + reply + "]");
		}
		return 0;
	}

}
