package org.zeromq.spring.core;

/** Why a socket did not deliver a message it was given. */
public enum DropReason {

	/** The socket's send high-water mark was reached (its peers do not keep up). */
	HWM("hwm"),

	/** The socket had no connected peer to send to. */
	NO_PEER("no-peer"),

	/** A ROUTER had no peer of the message's identity (a peer that left, or never was). */
	UNROUTABLE("unroutable");

	private final String tag;

	DropReason(String tag) {
		this.tag = tag;
	}

	/** Its name as a meter tag and in the endpoint. */
	public String tag() {
		return this.tag;
	}

}
