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
		return send(socket, frames, firstFrameFlags, null);
	}

	/**
	 * {@link #send(ZMQ.Socket, List, int)} that another thread can cancel while it waits for room:
	 * the send then fails with a {@code ZMQException} of {@code ECANCELED}.
	 * @param cancellation the socket's token, or {@code null} for none
	 */
	public static boolean send(ZMQ.Socket socket, List<byte[]> frames, int firstFrameFlags,
			ZMQ.@Nullable CancellationToken cancellation) {
		int last = frames.size() - 1;
		if (last < 0) {
			throw new IllegalArgumentException("a ZeroMQ message needs at least one frame");
		}
		int firstFlags = (last == 0) ? firstFrameFlags : firstFrameFlags | ZMQ.SNDMORE;
		boolean taken = (cancellation != null) ? socket.send(frames.get(0), firstFlags, cancellation)
				: socket.send(frames.get(0), firstFlags);
		if (!taken) {
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
		return receive(socket, flags, null);
	}

	/**
	 * {@link #receive(ZMQ.Socket, int)} that another thread can cancel while it waits: the
	 * receive then fails with a {@code ZMQException} of {@code ECANCELED}.
	 * @param cancellation the socket's token, or {@code null} for none
	 */
	public static @Nullable List<byte[]> receive(ZMQ.Socket socket, int flags, ZMQ.@Nullable CancellationToken cancellation) {
		byte[] first = (cancellation != null) ? socket.recv(flags, cancellation) : socket.recv(flags);
		if (first == null) {
			return null;
		}
		if (!socket.hasReceiveMore()) {
			return List.of(first);
		}
		byte[] second = socket.recv(0);
		if (second != null && !socket.hasReceiveMore()) {
			// A topic envelope or a DEALER's [""][payload]: 32 bytes less than a list and its array.
			return List.of(first, second);
		}
		List<byte[]> frames = new ArrayList<>(4);
		frames.add(first);
		frames.add(second);
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return frames;
	}

}
