package org.zeromq.spring.samples.hello;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ZeroMQ guide's hello world (hwserver and hwclient) as one application: a
 * {@code @ZmqListener} on a REP socket answers "World", a REQ socket asks "Hello" ten times and
 * prints each reply, then the application ends.
 */
@SpringBootApplication
public class HelloWorldApplication {

	static final int REQUESTS = 10;

	public static void main(String[] args) {
		// The runner has sent every request by the time run() returns; exit() then closes the
		// context, which stops the listener thread and closes the sockets and the ZeroMQ context.
		System.exit(SpringApplication.exit(SpringApplication.run(HelloWorldApplication.class, args)));
	}

	@Bean
	ApplicationRunner helloClientRunner(HelloClient client) {
		return (args) -> {
			System.out.println("Connecting to the hello world server...");
			client.sayHello(REQUESTS);
		};
	}

}
