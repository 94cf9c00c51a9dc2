package org.zeromq.spring.proxy;

/**
 * What has passed through a proxy so far, each way; a snapshot, read from any thread.
 *
 * @param name the proxy
 * @param shape its shape
 * @param state where it is in its life
 * @param frontToBack requests, publications or tasks forwarded from the front socket to the back one
 * @param backToFront replies or subscriptions forwarded from the back socket to the front one
 * @param capture copies sent to the capture socket; all zero without one
 */
public record ProxyStats(String name, ProxyShape shape, ProxyState state, Flow frontToBack, Flow backToFront,
		Flow capture) {

	/**
	 * Counters of one direction.
	 *
	 * @param messages whole messages forwarded
	 * @param bytes bytes of all their frames
	 * @param dropped messages dropped: the destination could not route them (a ROUTER whose peer
	 * has gone), or, for the capture, had no room for the copy
	 */
	public record Flow(long messages, long bytes, long dropped) {

	}

}
