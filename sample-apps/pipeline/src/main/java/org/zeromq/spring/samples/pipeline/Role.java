package org.zeromq.spring.samples.pipeline;

/**
 * The part this process plays in the pipeline, chosen by the active profile. The application
 * plays it on the main thread once it has started, then closes and exits with the code it
 * returns.
 */
interface Role {

	/** Plays the part until it is over; returns the process exit code. */
	int play() throws InterruptedException;

}
