package org.zeromq.spring.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.HandshakeSecurity;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a secured client reads its socket events, fed the events JeroMQ 0.6.0 raises (seen with
 * real sockets): a connection the server closes during the handshake, with no attempt after it,
 * is a failed handshake; one followed by a reconnect attempt is an ordinary hang-up.
 */
class HandshakeEventsTests {

	private static final String ENDPOINT = "tcp://127.0.0.1:5555";

	private final AtomicLong now = new AtomicLong();

	private final List<Runnable> later = new ArrayList<>();

	private final SecurityStatus status = new SecurityStatus("client",
			new HandshakeSecurity(HandshakeSecurity.Mechanism.CURVE, false, false), CurveKeyPairs.CLIENT.publicKey);

	private final HandshakeEvents events = new HandshakeEvents(this.status, new SecurityLog(this.now::get), 3_000_000_000L,
			this.now::get, this.later::add);

	@Test
	void aConnectionClosedDuringTheHandshakeWithNoAttemptAfterItIsAFailedHandshake() {
		event(ZMQ.EVENT_CONNECTED);
		event(ZMQ.EVENT_HANDSHAKE_PROTOCOL);
		this.now.addAndGet(20_000_000);
		event(ZMQ.EVENT_DISCONNECTED);
		assertThat(this.status.failed()).as("not before the verdict").isZero();
		this.later.forEach(Runnable::run);
		assertThat(this.status.failed()).isEqualTo(1);
		assertThat(this.status.lastFailure()).hasValueSatisfying((failure) -> {
			assertThat(failure.peer()).isEqualTo(ENDPOINT);
			assertThat(failure.reason()).startsWith("the server closed the connection during the handshake: the server key "
					+ "is probably not that server's public key");
		});
	}

	@Test
	void aHangUpThatJeromqReconnectsAfterIsNotAFailedHandshake() {
		event(ZMQ.EVENT_CONNECTED);
		this.now.addAndGet(20_000_000);
		event(ZMQ.EVENT_DISCONNECTED);
		event(ZMQ.EVENT_CONNECT_RETRIED);
		this.later.forEach(Runnable::run);
		assertThat(this.status.failed()).isZero();
	}

	@Test
	void aConnectionThatLastedLongerThanTheHandshakeIntervalIsNotJudged() {
		event(ZMQ.EVENT_CONNECTED);
		this.now.addAndGet(3_000_000_000L);
		event(ZMQ.EVENT_DISCONNECTED);
		assertThat(this.later).isEmpty();
	}

	@Test
	void aRefusalIsCountedAtOnceAndItsDisconnectIsNotCountedAgain() {
		event(ZMQ.EVENT_CONNECTED);
		this.events.consume(new zmq.ZMQ.Event(ZMQ.HANDSHAKE_FAILED_AUTH, ENDPOINT, 400));
		event(ZMQ.EVENT_DISCONNECTED);
		this.later.forEach(Runnable::run);
		assertThat(this.status.denied()).isEqualTo(1);
		assertThat(this.status.failed()).isZero();
		assertThat(this.status.lastFailure()).hasValueSatisfying((failure) -> assertThat(failure.reason())
			.startsWith("the server refused this socket's credentials (ZAP status 400): it does not know this socket's "
					+ "public key " + CurveKeyPairs.CLIENT.publicKey));
	}

	private void event(int event) {
		// the values JeroMQ passes: the ZMTP version, a retry interval in ms, a channel
		Object value = null;
		if (event == ZMQ.EVENT_HANDSHAKE_PROTOCOL) {
			value = 3;
		}
		else if (event == ZMQ.EVENT_CONNECT_RETRIED) {
			value = 100;
		}
		this.events.consume(new zmq.ZMQ.Event(event, ENDPOINT, value));
	}

}
