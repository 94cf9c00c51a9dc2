package org.zeromq.spring.core;

/**
 * The transports JeroMQ implements. JeroMQ's {@code ipc} is emulated over loopback TCP, so it
 * only reaches other JeroMQ peers in the same machine, never native libzmq ones.
 */
public enum Transport {

	TCP("tcp"), IPC("ipc"), INPROC("inproc");

	private final String scheme;

	Transport(String scheme) {
		this.scheme = scheme;
	}

	public String scheme() {
		return this.scheme;
	}

}
