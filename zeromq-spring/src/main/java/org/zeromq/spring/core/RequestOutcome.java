package org.zeromq.spring.core;

/** How a request made through a socket ended. */
public enum RequestOutcome {

	/** A reply came within the timeout. */
	SUCCESS("success"),

	/** No reply came within the timeout. */
	TIMEOUT("timeout"),

	/** The request could not be sent, or its reply could not be read. */
	ERROR("error");

	private final String tag;

	RequestOutcome(String tag) {
		this.tag = tag;
	}

	/** Its name as a meter tag. */
	public String tag() {
		return this.tag;
	}

}
