package org.zeromq.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.template.ZmqOperations;

/**
 * Waits, before a test sends, until ZeroMQ will deliver what it sends: until a declared socket
 * has its peers, until a declared PUB has its subscribers, or until a raw publisher has the
 * application's subscription. A message sent earlier is not lost to a bug but to ZeroMQ's own
 * rules (a PUSH deals only among the peers it already has; a PUB drops what no subscription
 * matches, the guide's slow joiner), and a test that sends it anyway fails now and then.
 * <p>
 * Each wait is bounded by {@link PeerSockets#TIMEOUT} and fails the test with what it waited for.
 */
public final class ZmqReadiness {

	// Subscription messages a raw XPUB may read before the one awaited: others' topics and
	// unsubscriptions. Bounds the loop in count; each read is bounded by the socket's timeout.
	private static final int MAX_SUBSCRIPTION_MESSAGES = 1000;

	// How long the publisher is waited on before the raw subscribers get a turn.
	private static final Duration SUBSCRIBER_TURN = Duration.ofMillis(50);

	private ZmqReadiness() {
	}

	/**
	 * Waits until {@code count} peers completed the ZeroMQ handshake with the declared socket
	 * (tcp or ipc; ZeroMQ reports no inproc peers).
	 * @throws AssertionError when they had not within {@link PeerSockets#TIMEOUT}
	 */
	public static void awaitPeers(ZmqOperations template, String socket, int count) {
		if (!template.awaitPeers(socket, count, PeerSockets.TIMEOUT)) {
			throw new AssertionError("socket '" + socket + "' had fewer than " + count + " handshaken peer(s) after "
					+ PeerSockets.TIMEOUT.toSeconds() + " s");
		}
	}

	/**
	 * Waits until {@code count} peers of the declared PUB socket subscribed, so that what it
	 * publishes next reaches each of them. Pass the test's own raw SUB sockets as
	 * {@code rawSubscribers}: a JeroMQ SUB whose first connection stalled and was made again
	 * sends its subscription on the new connection only when its own thread next uses the
	 * socket, so this wait lets them process that (on the calling thread, which owns them)
	 * between short waits on the publisher.
	 * @throws AssertionError when they had not within {@link PeerSockets#TIMEOUT}
	 */
	public static void awaitSubscribed(ZmqOperations template, String publisher, int count,
			ZMQ.Socket... rawSubscribers) {
		long deadline = System.nanoTime() + PeerSockets.TIMEOUT.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Duration slice = (rawSubscribers.length == 0) ? Duration.ofNanos(Math.max(left, 0))
					: Duration.ofNanos(Math.max(Math.min(left, SUBSCRIBER_TURN.toNanos()), 0));
			if (template.awaitSubscribers(publisher, count, slice)) {
				return;
			}
			if (left <= 0) {
				throw new AssertionError("PUB socket '" + publisher + "' had fewer than " + count
						+ " subscriber(s) after " + PeerSockets.TIMEOUT.toSeconds() + " s");
			}
			for (ZMQ.Socket subscriber : rawSubscribers) {
				// Reading ZMQ_EVENTS makes the socket process its pending commands: the new
				// connection attaches and the subscription goes out on it.
				subscriber.getEvents();
			}
		}
	}

	/**
	 * Waits until a raw XPUB peer received a subscription to each of {@code topics}: from then on
	 * a subscriber with that filter (such as a SUB listener of the application) receives what the
	 * peer publishes on it. The peer is an XPUB rather than a PUB because only an XPUB shows the
	 * subscriptions it receives; it publishes like a PUB. Subscriptions may arrive in any order
	 * (one per subscriber connection); the others that arrive meanwhile are read and dropped.
	 * @throws AssertionError when one did not arrive within the socket's receive timeout
	 */
	public static void awaitSubscribed(ZMQ.Socket xpub, String... topics) {
		if (xpub.getSocketType() != SocketType.XPUB) {
			throw new IllegalArgumentException("awaitSubscribed reads subscriptions, which only an XPUB shows; "
					+ "create the publishing peer as SocketType.XPUB instead of " + xpub.getSocketType());
		}
		Set<String> missing = new LinkedHashSet<>(Arrays.asList(topics));
		for (int read = 0; read < MAX_SUBSCRIPTION_MESSAGES && !missing.isEmpty(); read++) {
			byte[] message = xpub.recv(0);
			if (message == null) {
				throw new AssertionError("no subscription to " + quoted(missing) + " reached the publisher within "
						+ xpub.getReceiveTimeOut() + " ms");
			}
			// A subscription is the byte 1 followed by the topic; 0 unsubscribes.
			if (message.length > 0 && message[0] == 1) {
				missing.remove(new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionError("no subscription to " + quoted(missing) + " among " + MAX_SUBSCRIPTION_MESSAGES
					+ " subscription messages");
		}
	}

	private static String quoted(Set<String> topics) {
		return topics.stream().map((topic) -> "'" + topic + "'").collect(Collectors.joining(", "));
	}

}
