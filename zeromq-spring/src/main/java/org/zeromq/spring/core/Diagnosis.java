package org.zeromq.spring.core;

import java.time.Instant;

/**
 * One finding of the starter's missing-message diagnostics (the guide's "missing message problem
 * solver", automated): what a socket did that loses messages, where, how often, and the fix.
 * Each finding is logged once, when first seen, and counted every time it recurs;
 * docs/diagnostics.md explains each {@link Kind}.
 *
 * @param kind what was found
 * @param socket the declared socket
 * @param endpoint the endpoint it concerns, or the socket's endpoints
 * @param description what happened, in words
 * @param fix what to do about it
 * @param count how many times it happened
 * @param firstSeen when it was first seen
 * @param lastSeen when it was last seen
 */
public record Diagnosis(Kind kind, String socket, String endpoint, String description, String fix, long count,
		Instant firstSeen, Instant lastSeen) {

	/** The findings, each with the guide's advice. */
	public enum Kind {

		/** A PUB sent while no subscriber was connected: the slow joiner. */
		PUBLISH_WITHOUT_SUBSCRIBERS("publish-without-subscribers",
				"a PUB delivers only to subscribers connected (and subscribed) when it sends, and drops the rest; "
						+ "wait for them first with ZmqTemplate.awaitSubscribers(socket, n, timeout), start subscribers "
						+ "before the publisher, or let the SUB bind and the PUB connect"),

		/** A PUSH, DEALER, REQ or PAIR send was refused, blocked or dropped while no peer was connected. */
		SEND_WITHOUT_PEER("send-without-peer",
				"a socket with no connected peer has nowhere to queue; start the peer first, wait for it with "
						+ "ZmqTemplate.awaitPeers(socket, n, timeout), or check the endpoint and port"),

		/** A connect endpoint has completed no handshake within the grace period. */
		CONNECT_WITHOUT_HANDSHAKE("connect-without-handshake",
				"messages wait in the socket's queue until a peer completes the ZeroMQ handshake; check that the peer "
						+ "runs, that the endpoint's host and port are the ones it binds, that both sides use the same "
						+ "security, and that the peer is a ZeroMQ socket of a matching type"),

		/** Messages were dropped or refused at the high-water mark. */
		HWM_REACHED("hwm-reached",
				"the peers do not keep up; speed up or add consumers, raise send-hwm, or choose the hwm-policy that "
						+ "fits (BLOCK waits, FAIL throws, DROP drops and counts)"),

		/** A ROUTER could not route a message: no peer of that identity is connected. */
		UNROUTABLE("unroutable",
				"the identity frame names no connected peer (it left, or the frame is wrong); reply only with the "
						+ "identity the request came with, and keep router-mandatory on so that this is seen"),

		/** A request got no reply within its timeout. */
		REQUEST_TIMEOUT("request-timeout",
				"no reply within the timeout: the server is down, slow, or dropped the request; check it runs and "
						+ "binds the endpoint, raise the timeout, or retry (the guide's Lazy Pirate; the socket stays usable)");

		private final String id;

		private final String fix;

		Kind(String id, String fix) {
			this.id = id;
			this.fix = fix;
		}

		/** Its name in the endpoint, the meters and docs/diagnostics.md. */
		public String id() {
			return this.id;
		}

		/** What to do about it. */
		public String fix() {
			return this.fix;
		}

	}

}
