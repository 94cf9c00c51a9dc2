package org.zeromq.spring.samples.hello;

/**
 * A part that ends, as the guide's client does: the application plays it on the main thread once
 * it has started, then closes and exits with the code it returns. Servers have none: they serve
 * until the process is stopped.
 */
interface Role {

	/** Plays the part until it is over; returns the process exit code. */
	int play() throws InterruptedException;

}
