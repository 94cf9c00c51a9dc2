package org.zeromq.spring.samples.hello;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.samples.support.Role;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;

/**
 * The guide's hwclient: sends "Hello" on the {@code client} REQ socket {@code hello.requests}
 * times, waiting for each "World" before the next, as REQ/REP requires, then exits.
 */
@Component
@Profile("client")
class HelloClient implements Role {

	static final String SOCKET = "client";

	private final ZmqOperations zmq;

	private final HelloProperties properties;

	private final String server;

	HelloClient(ZmqOperations zmq, HelloProperties properties, @Value("${zeromq.sockets.client.connect}") String server) {
		this.zmq = zmq;
		this.properties = properties;
		this.server = server;
	}

	@Override
	public int play() {
		System.out.println("Connecting to hello world server...");
		try {
			sayHello(this.properties.requests());
			return 0;
		}
		catch (ZmqRequestTimeoutException ex) {
			System.out.println("No reply within " + DurationText.of(this.properties.patience()) + ": is the server running on "
					+ this.server + "?");
			return 1;
		}
	}

	/** Sends {@code requests} requests one after another, prints each reply and returns them all. */
	List<String> sayHello(int requests) {
		List<String> replies = new ArrayList<>(requests);
		for (int i = 0; i < requests; i++) {
			System.out.println("Sending Hello " + i + "...");
			String reply = this.zmq.request(SOCKET, "Hello", this.properties.patience(), String.class);
			System.out.println("Received " + reply + " " + i);
			replies.add(reply);
		}
		return replies;
	}

}
