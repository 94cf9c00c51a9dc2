package org.zeromq.spring.listener;

/**
 * What a REP or ROUTER listener replies when handling fails. It must reply something: a REQ
 * client waits for exactly one reply, and a REP socket cannot receive again until it sent one.
 */
public enum ErrorReply {

	/** One frame {@code ERROR: <exception message>}, which a client can recognise. */
	MESSAGE,

	/** One empty frame, which reveals nothing about the failure. */
	EMPTY

}
