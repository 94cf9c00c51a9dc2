package org.zeromq.spring.samples.support;

/**
 * A part that ends, as the guide's clients do: the application plays it on the main thread once
 * it has started, then closes and exits with the code it returns. A part that serves (a server,
 * a broker, a proxy) has none: it runs until the process is stopped.
 */
public interface Role {

	/** Plays the part until it is over; returns the process exit code. */
	int play() throws InterruptedException;

}
