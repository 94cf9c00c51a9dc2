package org.zeromq.spring.samples.relay;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.samples.support.DurationText;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The ZeroMQ guide's multithreaded relay (mtrelay): three steps on three threads, each signalling
 * the next over a PAIR socket on inproc. Step 1 is the main thread, steps 2 and 3 are listener
 * threads; the sockets are declared in {@code application.yml}, and the starter binds each step's
 * endpoint before anything connects to it, as the guide's "bind before connect" rule for inproc
 * asks.
 */
@SpringBootApplication
public class RelayApplication {

	public static void main(String[] args) throws InterruptedException {
		System.exit(playAndExit(SpringApplication.run(RelayApplication.class, args)));
	}

	/** Runs the relay, then closes the application. @return the exit code */
	static int playAndExit(ConfigurableApplicationContext context) throws InterruptedException {
		int exitCode = context.getBean(Steps.class).relay();
		return SpringApplication.exit(context, () -> exitCode);
	}

	/** The three steps. */
	@Component
	static class Steps {

		private final ZmqOperations zmq;

		private final Duration patience;

		private final CountDownLatch step3 = new CountDownLatch(1);

		Steps(ZmqOperations zmq, @Value("${relay.patience}") Duration patience) {
			this.zmq = zmq;
			this.patience = patience;
		}

		/** Step 1, on the calling thread: signals step 2 and waits for step 3 to say it is ready. */
		int relay() throws InterruptedException {
			System.out.println("Step 1 ready, signaling step 2");
			this.zmq.send("step1", "READY");
			if (!this.step3.await(this.patience.toMillis(), TimeUnit.MILLISECONDS)) {
				System.out.println("Step 3 was not signalled within " + DurationText.of(this.patience));
				return 1;
			}
			System.out.println("Test successful!");
			return 0;
		}

		/** Step 2, on its own thread: relays the signal from step 1 to step 3. */
		@ZmqListener("step2")
		@SendTo("step3-signal")
		String step2(String signal) {
			System.out.println("Step 2 ready, signaling step 3");
			return "READY";
		}

		/** Step 3, on its own thread: waits for the signal from step 2. */
		@ZmqListener("step3")
		void step3(String signal) {
			System.out.println("Step 3 ready");
			this.step3.countDown();
		}

	}

}
