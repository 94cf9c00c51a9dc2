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
		ZMQ.Socket receiver = this.context.createSocket(SocketType.PAIR);
		receiver.setReceiveTimeOut(5_000);
		receiver.bind("inproc://frames-lengths");
		ZMQ.Socket sender = this.context.createSocket(SocketType.PAIR);
		sender.connect("inproc://frames-lengths");
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

}
