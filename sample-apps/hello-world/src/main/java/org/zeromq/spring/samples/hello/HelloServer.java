package org.zeromq.spring.samples.hello;

import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;

/**
 * The guide's hwserver: answers every request on the {@code hello} REP socket with "World".
 * The starter gives the socket to a listener thread of its own ({@code zmq-listener-hello-1}),
 * which receives each request, calls {@link #hello} and sends its return value as the reply.
 */
@Component
class HelloServer {

	static final String SOCKET = "hello";

	@ZmqListener(SOCKET)
	String hello(String request) {
		return "World";
	}

}
