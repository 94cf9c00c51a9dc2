package org.zeromq.spring.samples.hello;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;

/**
 * The guide's hwserver ({@code server}) and mtserver ({@code mtserver}): answers every request on
 * the {@code hello} REP socket with "World" after a moment of "work". The starter gives the socket
 * to listener threads of its own: one for hwserver; for mtserver, {@code hello.workers} REP sockets
 * on as many threads behind a ROUTER and an inproc device, which is the guide's mtserver built
 * by {@code concurrency} alone.
 */
@Component
@Profile({ "server", "mtserver" })
class HelloServer {

	static final String SOCKET = "hello";

	private final HelloProperties properties;

	private final boolean threaded;

	HelloServer(HelloProperties properties, @Value("${hello.workers:1}") int workers) {
		this.properties = properties;
		this.threaded = workers > 1;
	}

	@ZmqListener(value = SOCKET, concurrency = "${hello.workers:1}")
	String hello(String request) throws InterruptedException {
		// mtserver names the worker thread, as the guide's Java version does, to show several at work.
		String who = this.threaded ? Thread.currentThread().getName() + " " : "";
		System.out.println(who + "Received request: [" + request + "]");
		// Do some 'work', as the guide does.
		Thread.sleep(this.properties.work().toMillis());
		return "World";
	}

}
