package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame that carries a trace context (W3C {@code traceparent}, {@code tracestate}, B3 or
 * baggage entries, whatever the tracer's propagator writes) on a socket that opts in with
 * {@link SocketSpec#traceContext()}. ZeroMQ frames have no headers, so the context travels as
 * one extra frame after the message's last frame:
 * <pre>
 * [identity][""]      envelope, where the socket type has one (untouched)
 * [topic]             SUB filtering still matches the first frame (untouched)
 * [payload …]         the application's frames (untouched)
 * [0xFF "ZTC1" key=value\n …]   the trace context, last
 * </pre>
 * Last, because everything ZeroMQ itself looks at is at the front: SUB prefix filters match the
 * first frame, and REQ, REP, ROUTER and DEALER envelopes are the leading frames up to the empty
 * delimiter. The frame starts with a byte that no UTF-8 text and no JSON starts with, then a
 * version, so a receiver that opted in tells it from a payload frame; a message without it is
 * handled as it is (the sender had nothing to propagate, or is a plain peer).
 * <p>
 * Both ends must opt in: a plain ZeroMQ peer (pyzmq, libzmq, a socket without it) would take the
 * frame for part of the payload. The frame comes from the wire, so it is read as untrusted input:
 * bounded in size and entries, printable ASCII only, and a frame that breaks a rule is dropped
 * (the message is still handled, without a trace context).
 */
public final class TraceContextFrame {

	/** The frame's first bytes: a byte no text starts with, then the format's name and version. */
	static final byte[] MAGIC = { (byte) 0xFF, 'Z', 'T', 'C', '1' };

	/** The largest trace-context frame read; a bigger one is ignored. */
	public static final int MAX_SIZE = 4096;

	/** The most entries read from one frame. */
	public static final int MAX_ENTRIES = 32;

	private TraceContextFrame() {
	}

	/**
	 * The frame for these entries; keys and values must be printable ASCII without {@code =} in
	 * keys and without line breaks.
	 * @throws IllegalArgumentException when an entry cannot be written or the frame would exceed
	 * {@link #MAX_SIZE}
	 */
	public static byte[] encode(Map<String, String> entries) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			if (!isKey(entry.getKey()) || !isValue(entry.getValue())) {
				throw new IllegalArgumentException("trace-context entry '" + entry.getKey() + "' is not printable ASCII");
			}
			text.append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
		}
		byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] frame = new byte[MAGIC.length + body.length];
		System.arraycopy(MAGIC, 0, frame, 0, MAGIC.length);
		System.arraycopy(body, 0, frame, MAGIC.length, body.length);
		if (frame.length > MAX_SIZE) {
			throw new IllegalArgumentException("the trace context is " + frame.length + " bytes, more than " + MAX_SIZE);
		}
		return frame;
	}

	/** The frames with a trace-context frame for {@code entries} after the last one; as they are when there is none. */
	public static List<byte[]> append(List<byte[]> frames, Map<String, String> entries) {
		if (entries.isEmpty()) {
			return frames;
		}
		List<byte[]> withContext = new ArrayList<>(frames.size() + 1);
		withContext.addAll(frames);
		withContext.add(encode(entries));
		return withContext;
	}

	/** Whether a frame is a trace-context frame (by its first bytes; its content may still be invalid). */
	public static boolean isTraceContext(byte[] frame) {
		if (frame.length < MAGIC.length) {
			return false;
		}
		for (int i = 0; i < MAGIC.length; i++) {
			if (frame[i] != MAGIC[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Splits a received message: its frames without a trailing trace-context frame, and the
	 * entries that frame carried (empty when there was none, or it broke a rule).
	 */
	public static Split split(List<byte[]> frames) {
		int last = frames.size() - 1;
		if (last < 1 || !isTraceContext(frames.get(last))) {
			return new Split(frames, Map.of());
		}
		return new Split(frames.subList(0, last), decode(frames.get(last)));
	}

	/** The entries of a trace-context frame; empty when it breaks a rule. */
	public static Map<String, String> decode(byte[] frame) {
		if (!isTraceContext(frame) || frame.length > MAX_SIZE) {
			return Map.of();
		}
		Map<String, String> entries = new LinkedHashMap<>();
		int start = MAGIC.length;
		while (start < frame.length) {
			int end = start;
			while (end < frame.length && frame[end] != '\n') {
				end++;
			}
			String line = new String(frame, start, end - start, StandardCharsets.US_ASCII);
			int equals = line.indexOf('=');
			if (equals <= 0 || entries.size() == MAX_ENTRIES) {
				return Map.of();
			}
			String key = line.substring(0, equals);
			String value = line.substring(equals + 1);
			if (!isKey(key) || !isValue(value)) {
				return Map.of();
			}
			entries.put(key, value);
			start = end + 1;
		}
		return Collections.unmodifiableMap(entries);
	}

	private static boolean isKey(String key) {
		if (key == null || key.isEmpty() || key.length() > 256) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c <= ' ' || c > '~' || c == '=') {
				return false;
			}
		}
		return true;
	}

	private static boolean isValue(String value) {
		if (value == null || value.length() > MAX_SIZE) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A received message split from its trace context.
	 *
	 * @param frames the message's own frames
	 * @param entries the trace context's entries; empty when there were none
	 */
	public record Split(List<byte[]> frames, Map<String, String> entries) {
	}

}
