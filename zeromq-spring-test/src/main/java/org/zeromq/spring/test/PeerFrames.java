package org.zeromq.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * Whole multipart messages on raw peer sockets, as lists of frames, so that tests compare the
 * exact frames that travelled. Written here rather than with the starter's own frame code, which
 * is what the tests check. A message that does not arrive or cannot be sent fails the test.
 */
public final class PeerFrames {

	private PeerFrames() {
	}

	/** Sends one message with a UTF-8 frame per string. */
	public static void send(ZMQ.Socket socket, String... frames) {
		send(socket, Arrays.stream(frames).map(PeerFrames::utf8).toList());
	}

	public static void send(ZMQ.Socket socket, List<byte[]> frames) {
		int last = frames.size() - 1;
		for (int i = 0; i <= last; i++) {
			if (!socket.send(frames.get(i), (i == last) ? 0 : ZMQ.SNDMORE)) {
				throw new AssertionError("A raw " + socket.getSocketType() + " socket refused frame " + i
						+ " within its send timeout");
			}
		}
	}

	/** The next message; fails the test when none arrives within the socket's receive timeout. */
	public static List<byte[]> receive(ZMQ.Socket socket) {
		List<byte[]> frames = receive(socket, 0);
		if (frames == null) {
			throw new AssertionError("No message arrived within " + socket.getReceiveTimeOut() + " ms on a raw "
					+ socket.getSocketType() + " socket");
		}
		return frames;
	}

	/** The next message, each frame read as UTF-8; fails the test when none arrives in time. */
	public static List<String> receiveStrings(ZMQ.Socket socket) {
		return text(receive(socket));
	}

	/** The next message, or {@code null} when none arrives within the socket's receive timeout. */
	public static @Nullable List<byte[]> receiveWithinTimeout(ZMQ.Socket socket) {
		return receive(socket, 0);
	}

	/** The next message if one is already waiting, otherwise {@code null}. */
	public static @Nullable List<byte[]> receiveNow(ZMQ.Socket socket) {
		return receive(socket, ZMQ.DONTWAIT);
	}

	/** Sends a request and returns the frames of its reply. */
	public static List<String> request(ZMQ.Socket socket, String... frames) {
		send(socket, frames);
		return receiveStrings(socket);
	}

	public static List<String> text(List<byte[]> frames) {
		return frames.stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable List<byte[]> receive(ZMQ.Socket socket, int flags) {
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
