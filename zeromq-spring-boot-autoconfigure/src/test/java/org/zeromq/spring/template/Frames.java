package org.zeromq.spring.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZMQ;

/**
 * Reads and writes whole multipart messages on raw test sockets, so that tests compare the
 * exact frames that travelled.
 */
final class Frames {

	private Frames() {
	}

	/** The next message; fails the test when none arrives within the socket's receive timeout. */
	static List<byte[]> receive(ZMQ.Socket socket) {
		List<byte[]> frames = receive(socket, 0);
		if (frames == null) {
			throw new AssertionError("No message arrived within " + socket.getReceiveTimeOut() + " ms on a raw "
					+ socket.getSocketType() + " socket");
		}
		return frames;
	}

	/** The next message, or {@code null} when none arrives within the socket's receive timeout. */
	static List<byte[]> receiveWithinTimeout(ZMQ.Socket socket) {
		return receive(socket, 0);
	}

	/** The next message if one is already waiting, otherwise {@code null}. */
	static List<byte[]> receiveNow(ZMQ.Socket socket) {
		return receive(socket, ZMQ.DONTWAIT);
	}

	static void send(ZMQ.Socket socket, List<byte[]> frames) {
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			if (!socket.send(frames.get(i), (i == last) ? 0 : ZMQ.SNDMORE)) {
				throw new AssertionError("A raw " + socket.getSocketType() + " socket refused frame " + i);
			}
		}
	}

	static List<String> text(List<byte[]> frames) {
		return frames.stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<byte[]> receive(ZMQ.Socket socket, int flags) {
		byte[] first = socket.recv(flags);
		if (first == null) {
			return null;
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		// The rest of a multipart message is already there once its first frame is.
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return frames;
	}

}
