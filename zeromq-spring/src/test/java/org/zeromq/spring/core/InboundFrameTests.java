package org.zeromq.spring.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zmq.Msg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of the handshake commands an {@link InboundFrame} hides from JeroMQ 0.6.0's
 * mechanisms, filled the way JeroMQ's decoder fills a frame: through the buffer it was allocated
 * with, then its flags. A frame JeroMQ reads correctly keeps its size.
 */
class InboundFrameTests {

	@Test
	void aPlainHelloWithLengthsBelow128KeepsItsSize() {
		assertThat(plainServerReceives(hello(127, 127))).isEqualTo(6 + 1 + 127 + 1 + 127);
		assertThat(plainServerReceives(hello(0, 0))).isEqualTo(8);
	}

	@Test
	void aPlainHelloWithAUserNameOrPasswordOf128BytesOrMoreLooksEmpty() {
		assertThat(plainServerReceives(hello(128, 1))).isZero();
		assertThat(plainServerReceives(hello(1, 128))).isZero();
		assertThat(plainServerReceives(hello(255, 255))).isZero();
	}

	@Test
	void aPlainHelloWhoseLengthsDoNotAddUpLooksEmpty() {
		assertThat(plainServerReceives(bytes(5, "HELLO", 0))).as("no password length").isZero();
		assertThat(plainServerReceives(bytes(5, "HELLO", 5, "a"))).as("a user name longer than the rest").isZero();
		assertThat(plainServerReceives(bytes(5, "HELLO", 1, "u", 1, "p", "x"))).as("a byte after the password").isZero();
	}

	@Test
	void curveCommandsLookEmptyOnlyAboveWhatJeroMqsBuffersHold() {
		assertThat(receive(MisreadCommand.CURVE_READY, command("READY", 286))).isEqualTo(286);
		assertThat(receive(MisreadCommand.CURVE_READY, command("READY", 287))).isZero();
		assertThat(receive(MisreadCommand.CURVE_INITIATE, command("INITIATE", 513))).isEqualTo(513);
		assertThat(receive(MisreadCommand.CURVE_INITIATE, command("INITIATE", 514))).isZero();
	}

	@Test
	void otherCommandsAndDataFramesKeepTheirSize() {
		assertThat(receive(MisreadCommand.CURVE_READY, command("MESSAGE", 4000))).isEqualTo(4000);
		byte[] malformedHello = bytes(5, "HELLO", 0x80, 0);
		assertThat(frame(MisreadCommand.PLAIN_HELLO, malformedHello, 0).size()).as("the same bytes as data").isEqualTo(8);
	}

	@Test
	void aRefusedCommandIsCountedOnce() {
		InboundFrameAllocator allocator = new InboundFrameAllocator("hello", 1024, Optional.of(MisreadCommand.PLAIN_HELLO));
		Msg frame = fill(allocator, hello(128, 0), Msg.COMMAND);
		assertThat(frame.size()).isZero();
		assertThat(frame.size()).isZero();
		assertThat(allocator.refusedCommands()).isEqualTo(1);
	}

	@Test
	void onlyCurveSocketsAndPlainServersCheckCommands() {
		assertThat(MisreadCommand.of(new HandshakeSecurity(HandshakeSecurity.Mechanism.PLAIN, true, false)))
			.contains(MisreadCommand.PLAIN_HELLO);
		assertThat(MisreadCommand.of(new HandshakeSecurity(HandshakeSecurity.Mechanism.CURVE, true, false)))
			.contains(MisreadCommand.CURVE_INITIATE);
		assertThat(MisreadCommand.of(new HandshakeSecurity(HandshakeSecurity.Mechanism.CURVE, false, false)))
			.contains(MisreadCommand.CURVE_READY);
		assertThat(MisreadCommand.of(new HandshakeSecurity(HandshakeSecurity.Mechanism.PLAIN, false, false))).isEmpty();
		assertThat(MisreadCommand.of(new HandshakeSecurity(HandshakeSecurity.Mechanism.NULL, false, true))).isEmpty();
		assertThat(new InboundFrameAllocator("plain", 1024).allocate(8)).isExactlyInstanceOf(Msg.class);
	}

	private static int plainServerReceives(byte[] command) {
		return receive(MisreadCommand.PLAIN_HELLO, command);
	}

	private static int receive(MisreadCommand check, byte[] command) {
		return frame(check, command, Msg.COMMAND).size();
	}

	private static Msg frame(MisreadCommand check, byte[] content, int flags) {
		return fill(new InboundFrameAllocator("test", -1, Optional.of(check)), content, flags);
	}

	// As V2Decoder does: allocate, set the flags, then write the bytes into the frame's buffer.
	private static Msg fill(InboundFrameAllocator allocator, byte[] content, int flags) {
		Msg frame = allocator.allocate(content.length);
		assertThat(frame).isInstanceOf(InboundFrame.class);
		frame.setFlags(flags);
		frame.buf().put(content);
		return frame;
	}

	private static byte[] hello(int username, int password) {
		return bytes(5, "HELLO", username, "u".repeat(username), password, "p".repeat(password));
	}

	/** A command's content: a name, then {@code size} bytes in all. */
	private static byte[] command(String name, int size) {
		byte[] content = new byte[size];
		content[0] = (byte) name.length();
		System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, content, 1, name.length());
		return content;
	}

	/** Integers as single bytes, strings as their ASCII bytes. */
	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof Integer value) {
				out.write(value);
			}
			else {
				out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return out.toByteArray();
	}

}
