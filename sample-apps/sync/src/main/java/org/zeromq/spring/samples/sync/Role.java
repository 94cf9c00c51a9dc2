package org.zeromq.spring.samples.sync;

/**
 * The part this process plays, chosen by the active profile: the application plays it on the main
 * thread once it has started, then closes and exits with the code it returns. Both of the guide's
 * roles end: the publisher after END, the subscriber when END arrives.
 */
interface Role {

	/** Plays the part until it is over; returns the process exit code. */
	int play() throws InterruptedException;

}
