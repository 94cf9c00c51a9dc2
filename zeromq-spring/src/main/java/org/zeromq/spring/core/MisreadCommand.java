package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import zmq.Msg;

/**
 * A handshake command that JeroMQ 0.6.0 reads past its bounds: its mechanism throws on the I/O
 * thread instead of failing the handshake. Any peer that reaches the socket can send one, with no
 * key or password. The poller catches the exception, but the connection is left half open until
 * the handshake timer drops it, and when the command came with the connection's first bytes (the
 * exception escapes while the session attaches the connection) the session never finishes
 * terminating, so closing the context waits forever. Source lines, inputs and stacks are in
 * docs/reliability.md.
 * <p>
 * {@link InboundFrame} asks the check of its socket's side before the mechanism reads the
 * command, and hides a command that would be misread, so that the mechanism rejects it as
 * malformed and JeroMQ closes the connection.
 */
enum MisreadCommand {

	/**
	 * A PLAIN server reads HELLO's user name and password lengths as signed bytes
	 * ({@code PlainServerMechanism.produceHello}): a length of 128 or more is negative and
	 * {@code new byte[length]} throws {@code NegativeArraySizeException}; a HELLO that ends before
	 * the password length throws {@code IndexOutOfBoundsException}. Only a well-formed HELLO whose
	 * two lengths are below 128 passes, which is every HELLO JeroMQ reads correctly.
	 */
	PLAIN_HELLO("HELLO", "a PLAIN HELLO with a user name or password length of 128 bytes or more, or lengths that "
			+ "do not add up to the command's size") {

		@Override
		boolean misreadAt(Msg frame, int size) {
			int body = 6; // the name: one length byte and "HELLO"
			if (size < body + 2) {
				return true;
			}
			int username = Byte.toUnsignedInt(frame.get(body));
			if (username >= 128 || size < body + 2 + username) {
				return true;
			}
			int password = Byte.toUnsignedInt(frame.get(body + 1 + username));
			return password >= 128 || size != body + 2 + username + password;
		}

	},

	/**
	 * A CURVE server copies INITIATE's box into a buffer sized for 256 bytes of metadata
	 * ({@code CurveServerMechanism.processInitiate}); a longer one throws
	 * {@code BufferOverflowException}. A client that knows the server's public key, which is not
	 * secret, can send one, and so does a libzmq DEALER with a routing id of 222 bytes or more.
	 */
	CURVE_INITIATE("INITIATE", "a CURVE INITIATE with more than 256 bytes of metadata") {

		@Override
		boolean misreadAt(Msg frame, int size) {
			return size > 513; // 113 bytes before the box, 16 of authenticator, 128 of keys and vouch
		}

	},

	/**
	 * A CURVE client copies READY's box into a buffer sized for 256 bytes of metadata
	 * ({@code CurveClientMechanism.processReady}), before it checks its state or any
	 * cryptography; a longer one throws {@code BufferOverflowException}. Whatever answers at the
	 * address the client connects to can send one, without any key.
	 */
	CURVE_READY("READY", "a CURVE READY with more than 256 bytes of metadata") {

		@Override
		boolean misreadAt(Msg frame, int size) {
			return size > 286; // 14 bytes before the box, 16 of authenticator
		}

	};

	private final byte[] name;

	private final String description;

	MisreadCommand(String name, String description) {
		this.name = name.getBytes(StandardCharsets.US_ASCII);
		this.description = description;
	}

	/** The check a socket with this security needs, or empty when JeroMQ reads its handshake safely. */
	static Optional<MisreadCommand> of(HandshakeSecurity security) {
		return switch (security.mechanism()) {
			case PLAIN -> security.server() ? Optional.of(PLAIN_HELLO) : Optional.empty();
			case CURVE -> Optional.of(security.server() ? CURVE_INITIATE : CURVE_READY);
			case NULL -> Optional.empty();
		};
	}

	/** Whether JeroMQ would misread this frame of {@code size} bytes, a command whose name may be this one. */
	final boolean misreads(Msg frame, int size) {
		return isNamed(frame, size) && misreadAt(frame, size);
	}

	/** What the refused command was, for the log; never its content. */
	String description() {
		return this.description;
	}

	abstract boolean misreadAt(Msg frame, int size);

	private boolean isNamed(Msg frame, int size) {
		if (size < 1 + this.name.length || frame.get(0) != this.name.length) {
			return false;
		}
		for (int i = 0; i < this.name.length; i++) {
			if (frame.get(1 + i) != this.name[i]) {
				return false;
			}
		}
		return true;
	}

}
