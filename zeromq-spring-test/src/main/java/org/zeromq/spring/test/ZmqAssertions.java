package org.zeromq.spring.test;

import java.util.List;

import org.zeromq.ZMQ;

/**
 * Entry point of the AssertJ assertions on ZeroMQ messages:
 * {@code assertThat(frames).containsExactlyText("weather.paris", "sunny")}, or
 * {@code assertThatNextMessage(peer).hasTopic("weather.paris")} to receive and check in one step.
 */
public final class ZmqAssertions {

	private ZmqAssertions() {
	}

	/** Assertions on a message given as its frames. */
	public static FramesAssert assertThat(List<byte[]> frames) {
		return new FramesAssert(frames);
	}

	/**
	 * Receives the next whole message on a raw peer socket and returns assertions on it.
	 * @throws AssertionError when none arrives within the socket's receive timeout
	 */
	public static FramesAssert assertThatNextMessage(ZMQ.Socket socket) {
		return new FramesAssert(PeerFrames.receive(socket));
	}

}
