package org.zeromq.spring.test;

import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Raw CURVE and PLAIN peers, made by {@link PeerSockets} and set up as a peer process would
 * set them up with JeroMQ alone.
 */
public final class SecuredPeers {

	// A CURVE handshake takes more round trips and pure-Java crypto on both sides: on a loaded
	// machine it outlasted the plain peers' 1 s handshake timer, which then cut every attempt
	// short. The starter's own default (3 s) still recovers a stalled connect well within the waits.
	private static final int HANDSHAKE_MILLIS = 3000;

	private SecuredPeers() {
	}

	/** A CURVE client with its own key pair, connected to a server whose public key is {@code serverKey}. */
	public static ZMQ.Socket curveClient(PeerSockets peers, SocketType type, String endpoint, ZMQ.Curve.KeyPair own,
			String serverKey) {
		return curveClient(peers, type, endpoint, own, serverKey, Duration.ofMillis(HANDSHAKE_MILLIS));
	}

	/**
	 * {@link #curveClient(PeerSockets, SocketType, String, ZMQ.Curve.KeyPair, String)} with its own
	 * handshake timer: e.g. longer for a PAIR client. A PAIR server takes one peer at a time, and
	 * JeroMQ leaves a second connection that arrives while the first one's pipe is still attached
	 * connected but without a pipe; a client that gives up on a slow handshake and reconnects can
	 * meet exactly that.
	 */
	public static ZMQ.Socket curveClient(PeerSockets peers, SocketType type, String endpoint, ZMQ.Curve.KeyPair own,
			String serverKey, Duration handshakeTimer) {
		ZMQ.Socket socket = peers.create(type);
		socket.setCurvePublicKey(own.publicKey.getBytes(ZMQ.CHARSET));
		socket.setCurveSecretKey(own.secretKey.getBytes(ZMQ.CHARSET));
		socket.setCurveServerKey(serverKey.getBytes(ZMQ.CHARSET));
		socket.setHandshakeIvl((int) handshakeTimer.toMillis());
		socket.connect(endpoint);
		return socket;
	}

	/** A PLAIN client connected with a user name and password. */
	public static ZMQ.Socket plainClient(PeerSockets peers, SocketType type, String endpoint, String user, String password) {
		ZMQ.Socket socket = peers.create(type);
		socket.setPlainUsername(user);
		socket.setPlainPassword(password);
		socket.setHandshakeIvl(HANDSHAKE_MILLIS);
		socket.connect(endpoint);
		return socket;
	}

}
