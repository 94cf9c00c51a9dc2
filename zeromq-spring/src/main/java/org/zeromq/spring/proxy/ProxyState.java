package org.zeromq.spring.proxy;

/** Where a managed proxy is in its life. */
public enum ProxyState {

	/** Declared, its sockets not yet taken: the application has not started. */
	NEW,

	/** Forwarding. */
	RUNNING,

	/** Taking no new messages; what arrives waits in its sockets' queues until it resumes. */
	PAUSED,

	/** Stopped and its sockets closed, by a stop or with the application. */
	STOPPED,

	/** Ended on an unexpected error, which was logged; its sockets are closed. */
	FAILED

}
