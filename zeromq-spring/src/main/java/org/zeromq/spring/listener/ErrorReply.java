package org.zeromq.spring.listener;

/**
 * What a REP or ROUTER listener replies when handling fails. It must reply something: a REQ
 * client waits for exactly one reply, and a REP socket cannot receive again until it sent one.
 * Peers may be anyone who reaches the socket, so the default tells them only that it failed.
 */
public enum ErrorReply {

	/** One frame {@code ERROR}, which a client can recognise and which reveals nothing more: the default. */
	ERROR,

	/**
	 * One frame {@code ERROR: <exception message>}: the client learns why, and so does anyone who
	 * can reach the socket (exception messages can name classes, fields and input).
	 */
	MESSAGE,

	/** One empty frame, which reveals nothing about the failure. */
	EMPTY

}
