package org.zeromq.spring.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ZAP handler fails closed: a request it cannot decide refuses the peer, and it goes on
 * answering the next ones, whatever failed before.
 */
class ZapHandlerTests {

	private final ZContext context = new ZContext(1);

	private final AtomicInteger requests = new AtomicInteger();

	private ZapHandler handler;

	@AfterEach
	void close() {
		if (this.handler != null) {
			this.handler.close();
		}
		this.context.close();
	}

	@Test
	void aRequestTheHandlerCannotDecideRefusesThePeerAndTheNextOneIsDecided() {
		this.handler = new ZapHandler(this.context, () -> (request) -> {
			if (this.requests.incrementAndGet() == 1) {
				throw new IllegalStateException("cannot decide");
			}
			return ZapDecision.allow("");
		}, (request, decision) -> {
		});
		assertClientRefusedThenNextServed(500);
	}

	@Test
	void aFailureAfterTheDecisionDoesNotStopTheHandler() {
		this.handler = new ZapHandler(this.context, () -> (request) -> (this.requests.incrementAndGet() == 1)
				? ZapDecision.deny("first") : ZapDecision.allow(""), (request, decision) -> {
					throw new IllegalStateException("recording failed");
				});
		assertClientRefusedThenNextServed(400);
	}

	private void assertClientRefusedThenNextServed(int status) {
		this.handler.start();
		ZMQ.Socket server = this.context.createSocket(SocketType.REP);
		server.setCurveServer(true);
		server.setCurveSecretKey(CurveKeyPairs.SERVER.secretKey.getBytes(ZMQ.CHARSET));
		server.setReceiveTimeOut((int) PeerSockets.TIMEOUT.toMillis());
		server.bind("tcp://127.0.0.1:*");
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket refused = peers.create(SocketType.REQ);
			ZMQ.Socket events = peers.monitor(refused, ZMQ.HANDSHAKE_FAILED_AUTH);
			refused.setCurvePublicKey(CurveKeyPairs.CLIENT.publicKey.getBytes(ZMQ.CHARSET));
			refused.setCurveSecretKey(CurveKeyPairs.CLIENT.secretKey.getBytes(ZMQ.CHARSET));
			refused.setCurveServerKey(CurveKeyPairs.SERVER.publicKey.getBytes(ZMQ.CHARSET));
			refused.connect(server.getLastEndpoint());
			refused.send("first");
			ZMQ.Event event = ZMQ.Event.recv(events);
			assertThat(event).isNotNull();
			assertThat(event.getEvent()).isEqualTo(ZMQ.HANDSHAKE_FAILED_AUTH);
			assertThat(event.getValue()).isEqualTo(status);
			ZMQ.Socket served = SecuredPeers.curveClient(peers, SocketType.REQ, server.getLastEndpoint(),
					CurveKeyPairs.CLIENT, CurveKeyPairs.SERVER.publicKey);
			served.send("second");
			assertThat(server.recvStr()).as("only the second client's request").isEqualTo("second");
		}
		finally {
			server.close();
		}
	}

}
