package org.zeromq.spring.reliability;

import java.io.IOException;
import java.net.Socket;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.reliability.HostileInput.concat;
import static org.zeromq.spring.reliability.HostilePeerTests.port;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A REP listener discards a request that has no envelope, and the peer that sent it may already
 * be gone. In JeroMQ 0.6.0 (libzmq 4.3.4 too) that cost the next client its reply in about half
 * of the trials; the starter's REP sockets route with ZMQ_ROUTER_MANDATORY so that it costs
 * nothing (PeerInputGuard, docs/reliability.md).
 */
class RepReplyRoutingTests {

	private static final int TRIALS = 20;

	/** Far longer than a served request takes; a lost reply never comes, so this is what it costs. */
	private static final int REPLY_WAIT_MILLIS = 5000;

	static Stream<HostileInput> requestsWithoutEnvelope() {
		return Stream.of(
				// a DEALER that completed its handshake sends one frame with no empty delimiter, and leaves
				HostileInput.afterHandshake("a DEALER's request without an envelope", concat(new byte[] { 0x00, 0x04 },
						"junk".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
				// read as ZMTP 1.0: an identity, then frames without a delimiter
				new HostileInput("4 KiB of random bytes", (peerType, trial) -> {
					byte[] noise = new byte[4096];
					new Random(trial).nextBytes(noise);
					return noise;
				}, false, false, 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsWithoutEnvelope")
	void aRequestWithoutEnvelopeFromAPeerThatLeftCostsTheNextClientNothing(HostileInput garbage) {
		ZmqApplication.runner()
			.withUserConfiguration(Echo.class)
			.withPropertyValues(socket("rep", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "rep");
				int lost = 0;
				try (PeerSockets peers = new PeerSockets()) {
					for (int trial = 0; trial < TRIALS; trial++) {
						sendAndLeave(garbage, port(endpoint), trial);
						ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint);
						client.setReceiveTimeOut(REPLY_WAIT_MILLIS);
						client.send("hello " + trial);
						String reply = client.recvStr();
						if (reply == null) {
							lost++;
						}
						else {
							assertThat(reply).isEqualTo("echo hello " + trial);
						}
						client.close();
					}
				}
				assertThat(lost).as("replies lost in %d trials", TRIALS).isZero();
			});
	}

	private static void sendAndLeave(HostileInput garbage, int port, int trial) throws IOException {
		try (Socket socket = garbage.send(port, "DEALER", trial)) {
			// closing at once is the point: the REP reads the request after its peer has gone
		}
	}

	static class Echo {

		@ZmqListener("rep")
		String echo(String request) {
			return "echo " + request;
		}

	}

}
