package org.zeromq.spring.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/** Sending and receiving whole multipart messages as lists of frames. */
public final class Frames {

	private Frames() {
	}

	/**
	 * Sends the frames as one message. ZeroMQ applies the high-water mark to the first frame
	 * only: once it is accepted the rest always is, so only the first send can report "full".
	 * @param firstFrameFlags {@code 0} to block up to the send-timeout, {@link ZMQ#DONTWAIT} not to
	 * @return {@code false} when the socket did not accept the message
	 */
	public static boolean send(ZMQ.Socket socket, List<byte[]> frames, int firstFrameFlags) {
		int last = frames.size() - 1;
		if (last < 0) {
			throw new IllegalArgumentException("a ZeroMQ message needs at least one frame");
		}
		if (!socket.send(frames.get(0), (last == 0) ? firstFrameFlags : firstFrameFlags | ZMQ.SNDMORE)) {
			return false;
		}
		for (int i = 1; i <= last; i++) {
			socket.send(frames.get(i), (i == last) ? 0 : ZMQ.SNDMORE);
		}
		return true;
	}

	/**
	 * Receives one whole message.
	 * @param flags {@link ZMQ#DONTWAIT} to return {@code null} at once when nothing is queued
	 * @return the frames, or {@code null} when nothing arrived
	 */
	public static @Nullable List<byte[]> receive(ZMQ.Socket socket, int flags) {
		byte[] first = socket.recv(flags);
		if (first == null) {
			return null;
		}
		if (!socket.hasReceiveMore()) {
			return List.of(first);
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return frames;
	}

}
