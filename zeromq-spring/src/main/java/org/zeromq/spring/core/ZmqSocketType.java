package org.zeromq.spring.core;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.zeromq.SocketType;

/**
 * The socket types of the ZeroMQ guide's chapters 1 and 2, with what each can do. JeroMQ knows
 * more (draft types such as RADIO/DISH), but only these have stable semantics across libzmq,
 * pyzmq and JeroMQ peers, so only these are accepted in configuration.
 */
public enum ZmqSocketType {

	REQ(SocketType.REQ, true, true),
	REP(SocketType.REP, true, true),
	PUB(SocketType.PUB, true, false),
	SUB(SocketType.SUB, false, true),
	PUSH(SocketType.PUSH, true, false),
	PULL(SocketType.PULL, false, true),
	PAIR(SocketType.PAIR, true, true),
	DEALER(SocketType.DEALER, true, true),
	ROUTER(SocketType.ROUTER, true, true),
	// XPUB receives subscription messages and XSUB sends them, so both directions apply.
	XPUB(SocketType.XPUB, true, true),
	XSUB(SocketType.XSUB, true, true);

	private final SocketType jeromqType;

	private final boolean canSend;

	private final boolean canReceive;

	ZmqSocketType(SocketType jeromqType, boolean canSend, boolean canReceive) {
		this.jeromqType = jeromqType;
		this.canSend = canSend;
		this.canReceive = canReceive;
	}

	public SocketType jeromqType() {
		return this.jeromqType;
	}

	public boolean canSend() {
		return this.canSend;
	}

	public boolean canReceive() {
		return this.canReceive;
	}

	/** "REQ, REP, …" for error messages. */
	public static String names() {
		return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
	}

}
