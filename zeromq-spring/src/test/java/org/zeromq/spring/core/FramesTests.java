package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole multipart messages over a real inproc pair, of every length the receive shapes apart. */
class FramesTests {

	private final ZContext context = new ZContext(1);

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void messagesOfOneToSixFramesArriveWholeAndInOrderEmptyFramesIncluded() {
		ZMQ.Socket receiver = receiver("inproc://frames-lengths", 1000);
		ZMQ.Socket sender = sender("inproc://frames-lengths", 1000);
		for (int length = 1; length <= 6; length++) {
			List<byte[]> sent = new ArrayList<>();
			for (int i = 0; i < length; i++) {
				// An empty frame in the middle, as a request envelope's delimiter is.
				sent.add((i == 1) ? new byte[0] : ("part-" + i).getBytes(StandardCharsets.UTF_8));
			}
			assertThat(Frames.send(sender, sent, 0)).isTrue();
			List<byte[]> received = Frames.receive(receiver, 0);
			assertThat(received).as("a message of %d frame(s)", length).containsExactlyElementsOf(sent);
		}
		assertThat(Frames.receive(receiver, ZMQ.DONTWAIT)).as("nothing more than was sent").isNull();
	}

	@Test
	void anEnvelopeAndABodyGoOutAsOneMessageWithoutAJoinedList() {
		ZMQ.Socket receiver = receiver("inproc://frames-envelope", 1000);
		ZMQ.Socket sender = sender("inproc://frames-envelope", 1000);
		byte[] identity = bytes("peer-1");
		byte[] delimiter = new byte[0];
		List<byte[]> envelope = List.of(identity, delimiter);

		assertThat(Frames.send(sender, envelope, bytes("one"), 0, null)).isTrue();
		assertThat(Frames.receive(receiver, 0)).containsExactly(identity, delimiter, bytes("one"));

		assertThat(Frames.send(sender, envelope, List.of(bytes("a"), bytes("b")), 0, null)).isTrue();
		assertThat(Frames.receive(receiver, 0)).containsExactly(identity, delimiter, bytes("a"), bytes("b"));

		assertThat(Frames.send(sender, List.of(), bytes("bare"), 0, null)).as("no envelope").isTrue();
		assertThat(Frames.receive(receiver, 0)).containsExactly(bytes("bare"));

		assertThat(Frames.send(sender, List.of(), List.of(bytes("x"), bytes("y")), 0, null)).isTrue();
		assertThat(Frames.receive(receiver, 0)).containsExactly(bytes("x"), bytes("y"));
		assertThat(Frames.receive(receiver, ZMQ.DONTWAIT)).as("nothing more than was sent").isNull();
	}

	@Test
	void aFullSocketRefusesTheWholeMessageEnvelopeIncluded() {
		ZMQ.Socket receiver = receiver("inproc://frames-full", 1);
		ZMQ.Socket sender = sender("inproc://frames-full", 1);
		List<byte[]> envelope = List.of(bytes("peer"), new byte[0]);
		int accepted = 0;
		// inproc's queue holds send-hwm + receive-hwm messages: a handful fill it.
		while (accepted < 100 && Frames.send(sender, envelope, bytes("m" + accepted), ZMQ.DONTWAIT, null)) {
			accepted++;
		}
		assertThat(accepted).as("messages queued before the socket was full").isBetween(1, 99);
		for (int i = 0; i < accepted; i++) {
			assertThat(Frames.receive(receiver, 0)).as("message %d", i)
				.containsExactly(bytes("peer"), new byte[0], bytes("m" + i));
		}
		assertThat(Frames.receive(receiver, ZMQ.DONTWAIT)).as("no part of the refused message").isNull();
	}

	private ZMQ.Socket receiver(String endpoint, int hwm) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.PAIR);
		socket.setReceiveTimeOut(5_000);
		socket.setRcvHWM(hwm);
		socket.bind(endpoint);
		return socket;
	}

	private ZMQ.Socket sender(String endpoint, int hwm) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.PAIR);
		socket.setSndHWM(hwm);
		socket.connect(endpoint);
		return socket;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
