package org.zeromq.spring.reliability;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Bytes a hostile or broken peer writes to a bound ZeroMQ port over plain TCP, built by hand from
 * the ZMTP specs (23/ZMTP for 3.0, 15/ZMTP for 2.0, 13/ZMTP for 1.0), with what JeroMQ 0.6.0 did
 * with each before the starter guarded against it. See docs/reliability.md.
 *
 * @param description what the peer sends, for the test name
 * @param handshakeFirst whether the peer completes the ZMTP 3.0 NULL handshake (greeting and
 * READY, reading the server's) before it sends {@link #bytes}, so that they reach the decoder of
 * an established connection
 * @param holdOpen whether the peer keeps the connection open while the application is checked
 * (a slowloris) instead of closing it at once
 * @param connections how many connections send it to each socket
 */
record HostileInput(String description, Bytes bytes, boolean handshakeFirst, boolean holdOpen, int connections) {

	/** What to send, given the socket type the peer claims in its READY and the connection's number. */
	interface Bytes {

		byte[] forPeer(String peerType, int connection);

	}

	@Override
	public String toString() {
		return this.description;
	}

	static HostileInput beforeHandshake(String description, byte[] bytes) {
		return new HostileInput(description, (peerType, connection) -> bytes, false, false, 1);
	}

	static HostileInput afterHandshake(String description, byte[] bytes) {
		return new HostileInput(description, (peerType, connection) -> bytes, true, false, 1);
	}

	static HostileInput random(String description, int connections, boolean afterGreeting) {
		return new HostileInput(description, (peerType, connection) -> {
			byte[] noise = new byte[4096];
			new Random(connection).nextBytes(noise);
			return afterGreeting ? concat(greeting(), noise) : noise;
		}, false, false, connections);
	}

	static HostileInput heldOpen(String description, byte[] bytes, int connections) {
		return new HostileInput(description, (peerType, connection) -> bytes, false, true, connections);
	}

	/** A ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, as-server 0, filler. */
	static byte[] greeting() {
		return greeting("NULL", false);
	}

	/** A ZMTP 3.0 greeting: signature, version 3.0, the mechanism, as-server, filler. */
	static byte[] greeting(String mechanism, boolean asServer) {
		ByteBuffer greeting = ByteBuffer.allocate(64);
		greeting.put((byte) 0xff).put(new byte[8]).put((byte) 0x7f).put((byte) 3).put((byte) 0);
		greeting.put(Arrays.copyOf(mechanism.getBytes(StandardCharsets.US_ASCII), 20));
		greeting.put((byte) (asServer ? 1 : 0));
		return greeting.array();
	}

	/** A command frame, short or long as its size needs: the name with its length byte, then the body. */
	static byte[] command(String name, byte[] body) {
		byte[] content = concat(new byte[] { (byte) name.length() }, name.getBytes(StandardCharsets.US_ASCII), body);
		if (content.length <= 255) {
			return concat(new byte[] { 0x04, (byte) content.length }, content);
		}
		return concat(ByteBuffer.allocate(9).put((byte) 0x06).putLong(content.length).array(), content);
	}

	/** The first 12 bytes a ZMTP 2.0 peer sends: signature, revision 1, socket type, then an empty identity. */
	static byte[] zmtp2Greeting() {
		byte[] greeting = Arrays.copyOf(greeting(), 14);
		greeting[10] = 1;
		greeting[11] = 0;
		greeting[12] = 0;
		greeting[13] = 0;
		return greeting;
	}

	/** A frame header with the LONG flag: one flags byte, then the size as 8 bytes, most significant first. */
	static byte[] longFrameHeader(boolean command, long announcedSize) {
		return ByteBuffer.allocate(9).put((byte) (command ? 0x06 : 0x02)).putLong(announcedSize).array();
	}

	/** The READY command of the NULL mechanism, with the Socket-Type property only. */
	static byte[] ready(String socketType) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(5);
		body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
		body.write(11);
		body.writeBytes("Socket-Type".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(ByteBuffer.allocate(4).putInt(socketType.length()).array());
		body.writeBytes(socketType.getBytes(StandardCharsets.US_ASCII));
		return concat(new byte[] { 0x04, (byte) body.size() }, body.toByteArray());
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	/**
	 * Connects to {@code port} on loopback and sends this input as connection number
	 * {@code connection}; returns the open socket, which the caller closes.
	 */
	Socket send(int port, String peerType, int connection) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) org.zeromq.spring.test.PeerSockets.TIMEOUT.toMillis());
		OutputStream out = socket.getOutputStream();
		if (this.handshakeFirst) {
			out.write(concat(greeting(), ready(peerType)));
			readServerHandshake(new DataInputStream(socket.getInputStream()));
		}
		out.write(this.bytes.forPeer(peerType, connection));
		out.flush();
		return socket;
	}

	// The server's 64-byte greeting, then its READY: a short command frame (flags, size, body).
	// Once it is read, the server has taken our READY too, so what follows reaches its decoder as
	// traffic of an established connection.
	private static void readServerHandshake(DataInputStream in) throws IOException {
		in.readFully(new byte[64]);
		int flags = in.readUnsignedByte();
		if ((flags & 0x04) == 0 || (flags & 0x02) != 0) {
			throw new IOException("expected a short command frame from the server, flags were " + flags);
		}
		in.readFully(new byte[in.readUnsignedByte()]);
	}

}
