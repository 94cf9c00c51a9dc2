package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Headers;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.receive;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * What a listener method can take and return: payloads as bytes, text and JSON, the message
 * with its headers, and every frame of a multipart message, in and out.
 */
class ListenerArgumentsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withUserConfiguration(ArgumentHandlers.class)
		.withPropertyValues(socket("bytes", "type=REP", "bind=" + ANY_TCP))
		.withPropertyValues(socket("json", "type=REP", "bind=" + ANY_TCP))
		.withPropertyValues(socket("message", "type=REP", "bind=" + ANY_TCP))
		.withPropertyValues(socket("headers", "type=ROUTER", "bind=" + ANY_TCP))
		.withPropertyValues(socket("frames", "type=REP", "bind=" + ANY_TCP))
		.withPropertyValues(socket("zmsg", "type=REP", "bind=" + ANY_TCP));

	@Test
	void bytesArriveAndLeaveAsTheyAre() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "bytes"));
				send(client, List.of(new byte[] { 0, -1, 7, 42 }));
				assertThat(receive(client)).containsExactly(new byte[] { 42, 7, -1, 0 });
			}
		});
	}

	@Test
	void jsonPayloadsConvertToAndFromRecords() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "json"));
				String reply = request(client, json.writeValueAsString(new Order("apple", 3))).get(0);
				assertThat(json.readValue(reply, Quote.class)).isEqualTo(new Quote("apple", 7.5));
			}
		});
	}

	@Test
	void messageArgumentCarriesTheConvertedPayloadAndTheHeaders() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "message"));
				assertThat(request(client, json.writeValueAsString(new Order("pear", 2)))).containsExactly("2 x pear via message");
			}
		});
	}

	@Test
	void headersMapHoldsTheSocketAndTheRouterIdentity() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket dealer = peers.connect(SocketType.DEALER, endpoint(context, "headers"), "erin");
				assertThat(request(dealer, "hi")).containsExactly("zmq_identity=erin zmq_socket=headers payload=hi");
			}
		});
	}

	@Test
	void framesListTakesEveryFrameAndAReturnedListGoesOutAsFrames() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "frames"));
				assertThat(request(client, "a", "b", "c")).containsExactly("c", "b", "a");
			}
		});
	}

	@Test
	void zmsgTakesEveryFrameAndAReturnedZmsgGoesOutAsFrames() {
		this.runner.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "zmsg"));
				assertThat(request(client, "x", "y")).containsExactly("x", "y", "frames=2");
			}
		});
	}

	record Order(String item, int quantity) {
	}

	record Quote(String item, double total) {
	}

	static class ArgumentHandlers {

		@ZmqListener("bytes")
		byte[] reverse(byte[] payload) {
			byte[] reversed = new byte[payload.length];
			for (int i = 0; i < payload.length; i++) {
				reversed[i] = payload[payload.length - 1 - i];
			}
			return reversed;
		}

		@ZmqListener("json")
		Quote quote(Order order) {
			return new Quote(order.item(), order.quantity() * 2.5);
		}

		@ZmqListener("message")
		String describe(Message<Order> message) {
			Order order = message.getPayload();
			return order.quantity() + " x " + order.item() + " via " + message.getHeaders().get(ZmqHeaders.SOCKET);
		}

		@ZmqListener("headers")
		String headers(@Headers Map<String, Object> headers, String payload) {
			Map<String, Object> sorted = new TreeMap<>(headers);
			sorted.computeIfPresent(ZmqHeaders.IDENTITY, (name, identity) -> new String((byte[]) identity, StandardCharsets.UTF_8));
			StringBuilder description = new StringBuilder();
			sorted.forEach((name, value) -> description.append(name).append('=').append(value).append(' '));
			return description + "payload=" + payload;
		}

		@ZmqListener("frames")
		List<byte[]> reverseFrames(List<byte[]> frames) {
			List<byte[]> reversed = new ArrayList<>(frames);
			Collections.reverse(reversed);
			return reversed;
		}

		@ZmqListener("zmsg")
		ZMsg count(ZMsg message) {
			message.addString("frames=" + message.size());
			return message;
		}

	}

}
