package org.zeromq.spring.samples.hello;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The guide's hwclient: sends "Hello" on the {@code client} REQ socket and waits for each reply
 * before sending the next, as REQ/REP requires.
 */
@Component
class HelloClient {

	static final String SOCKET = "client";

	// Long enough for a server that is still starting, short enough that a missing one is
	// reported within seconds instead of hanging the demo.
	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ZmqOperations zmq;

	HelloClient(ZmqOperations zmq) {
		this.zmq = zmq;
	}

	/** Sends {@code requests} requests one after another, prints each reply and returns them all. */
	List<String> sayHello(int requests) {
		List<String> replies = new ArrayList<>(requests);
		for (int i = 0; i < requests; i++) {
			String reply = this.zmq.request(SOCKET, "Hello", TIMEOUT, String.class);
			System.out.println("Received " + reply + " " + i);
			replies.add(reply);
		}
		return replies;
	}

}
