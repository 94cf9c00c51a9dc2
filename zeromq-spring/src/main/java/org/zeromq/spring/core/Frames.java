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
		if (!sendFirst(socket, frames.get(0), (last == 0) ? firstFrameFlags : firstFrameFlags | ZMQ.SNDMORE,
				cancellation)) {
			return false;
		}
		sendRest(socket, frames, 1, true);
		return true;
	}

	/**
	 * Sends a message made of an envelope and a body, frame by frame, without joining them into
	 * one list first (a reply per message would allocate one). The high-water mark applies to
	 * the first frame only, as in {@link #send(ZMQ.Socket, List, int, ZMQ.CancellationToken)}.
	 * @param envelope the frames in front (a ROUTER's identity and delimiter), possibly none
	 * @param body at least one frame
	 * @return {@code false} when the socket did not accept the message
	 */
	public static boolean send(ZMQ.Socket socket, List<byte[]> envelope, List<byte[]> body, int firstFrameFlags,
			ZMQ.@Nullable CancellationToken cancellation) {
		if (body.isEmpty()) {
			throw new IllegalArgumentException("a ZeroMQ message needs at least one frame after its envelope");
		}
		if (envelope.isEmpty()) {
			return send(socket, body, firstFrameFlags, cancellation);
		}
		if (!sendEnvelope(socket, envelope, firstFrameFlags, cancellation)) {
			return false;
		}
		sendRest(socket, body, 0, true);
		return true;
	}

	/**
	 * {@link #send(ZMQ.Socket, List, List, int, ZMQ.CancellationToken)} of a body of one frame,
	 * which needs no list either.
	 */
	public static boolean send(ZMQ.Socket socket, List<byte[]> envelope, byte[] frame, int firstFrameFlags,
			ZMQ.@Nullable CancellationToken cancellation) {
		if (envelope.isEmpty()) {
			return sendFirst(socket, frame, firstFrameFlags, cancellation);
		}
		if (!sendEnvelope(socket, envelope, firstFrameFlags, cancellation)) {
			return false;
		}
		socket.send(frame, 0);
		return true;
	}

	// Every frame of the envelope, more to come.
	private static boolean sendEnvelope(ZMQ.Socket socket, List<byte[]> envelope, int firstFrameFlags,
			ZMQ.@Nullable CancellationToken cancellation) {
		if (!sendFirst(socket, envelope.get(0), firstFrameFlags | ZMQ.SNDMORE, cancellation)) {
			return false;
		}
		sendRest(socket, envelope, 1, false);
		return true;
	}

	private static boolean sendFirst(ZMQ.Socket socket, byte[] frame, int flags,
			ZMQ.@Nullable CancellationToken cancellation) {
		return (cancellation != null) ? socket.send(frame, flags, cancellation) : socket.send(frame, flags);
	}

	// The frames from index {@code from} on; the last one ends the message if {@code ends}.
	private static void sendRest(ZMQ.Socket socket, List<byte[]> frames, int from, boolean ends) {
		int last = frames.size() - 1;
		for (int i = from; i <= last; i++) {
			socket.send(frames.get(i), (ends && i == last) ? 0 : ZMQ.SNDMORE);
		}
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
		// Messages of two or three frames (a topic envelope, a ROUTER's [identity][""][payload]) as
		// immutable lists: 8 to 32 bytes less per message than a list and its array. A frame that
		// does not come (the context is closing) leaves the message to the general case below.
		byte[] second = socket.recv(0);
		if (second != null && !socket.hasReceiveMore()) {
			return List.of(first, second);
		}
		if (second != null) {
			byte[] third = socket.recv(0);
			if (third != null && !socket.hasReceiveMore()) {
				return List.of(first, second, third);
			}
			return rest(socket, first, second, third);
		}
		return rest(socket, first, second);
	}

	// Four frames or more, or a frame that did not come: a list that takes the rest as it comes.
	private static List<byte[]> rest(ZMQ.Socket socket, byte[]... head) {
		List<byte[]> frames = new ArrayList<>(head.length + 2);
		for (byte[] frame : head) {
			frames.add(frame);
		}
		while (socket.hasReceiveMore()) {
			frames.add(socket.recv(0));
		}
		return frames;
	}

}
