package org.zeromq.spring.core;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import zmq.Config;
import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * Allocates the buffer of every frame a peer announces to one socket, and refuses the frame
 * sizes JeroMQ 0.6.0 lets through by mistake.
 * <p>
 * JeroMQ's ZMTP 3 decoder ({@code zmq.io.coder.v2.V2Decoder}) reads the 8-byte frame size as a
 * signed {@code long}. A size with the top bit set is negative, so it passes both the
 * max-message-size and the {@code Integer.MAX_VALUE} checks of {@code Decoder.sizeReady}, and
 * the allocator is handed {@code (int) size}: a negative number, or any size up to 2 GiB
 * whatever max-message-size says. Left to JeroMQ, the first throws
 * {@code NegativeArraySizeException} and leaves the decoder in an endless loop on the I/O thread
 * (nothing is served again and the context never closes); the second reserves up to 2 GiB of
 * direct memory for a 73-byte input, or kills the I/O thread with {@code OutOfMemoryError}. See
 * docs/reliability.md.
 * <p>
 * An allocator cannot fail a connection, and throwing would wedge the decoder as above, so a
 * refused frame becomes an empty ZMTP command: during the handshake the mechanism rejects it
 * and JeroMQ closes the connection; after it, JeroMQ discards commands it does not know and
 * decodes what follows as further frames, each bounded by max-message-size again. Only a peer
 * that announced an impossible size is affected. Every other size is allocated as JeroMQ's
 * default allocator does (on the heap up to 1 MiB, in direct memory above).
 * <p>
 * On a CURVE socket or a PLAIN server the frames are {@link InboundFrame}s, which hide from the
 * mechanism the handshake commands JeroMQ 0.6.0 would misread ({@link MisreadCommand}).
 */
public final class InboundFrameAllocator implements MsgAllocator {

	private static final Log logger = LogFactory.getLog(InboundFrameAllocator.class);

	// JeroMQ's own default: heap buffers up to 1 MiB, direct ones above.
	private static final MsgAllocator JEROMQ_DEFAULT = new MsgAllocatorThreshold();

	// JeroMQ's default threshold between heap and direct buffers, for the frames allocated here.
	private static final int HEAP_THRESHOLD = Config.MSG_ALLOCATION_HEAP_THRESHOLD.getValue();

	private final String socket;

	private final long maxMessageSize;

	private final Optional<MisreadCommand> commandCheck;

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong refusedCommands = new AtomicLong();

	/**
	 * @param socket the socket's name, for the log
	 * @param maxMessageSize the socket's max-message-size in bytes, or -1 for none
	 */
	public InboundFrameAllocator(String socket, long maxMessageSize) {
		this(socket, maxMessageSize, Optional.empty());
	}

	InboundFrameAllocator(String socket, long maxMessageSize, Optional<MisreadCommand> commandCheck) {
		this.socket = socket;
		this.maxMessageSize = maxMessageSize;
		this.commandCheck = commandCheck;
	}

	@Override
	public Msg allocate(int size) {
		if (size < 0 || (this.maxMessageSize >= 0 && size > this.maxMessageSize)) {
			return refuse(size);
		}
		if (this.commandCheck.isPresent()) {
			ByteBuffer buffer = (HEAP_THRESHOLD > 0 && size > HEAP_THRESHOLD) ? ByteBuffer.allocateDirect(size)
					: ByteBuffer.wrap(new byte[size]);
			return new InboundFrame(buffer, this.commandCheck.get(), this);
		}
		return JEROMQ_DEFAULT.allocate(size);
	}

	/** How many frames this socket refused so far. */
	public long refused() {
		return this.refused.get();
	}

	/** How many handshake commands this socket refused so far, because JeroMQ would have misread them. */
	public long refusedCommands() {
		return this.refusedCommands.get();
	}

	// Runs on JeroMQ's I/O thread, as refuse(size) below: one WARN per socket, then DEBUG.
	void refusedCommand(MisreadCommand command) {
		long count = this.refusedCommands.incrementAndGet();
		String message = "Socket '" + this.socket + "' refused " + command.description()
				+ ", which JeroMQ 0.6.0 would misread; the connection is closed";
		if (count == 1) {
			logger.warn(message + ". Later refusals on this socket are logged at DEBUG");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message + " [" + count + " so far]");
		}
	}

	// Runs on JeroMQ's I/O thread for input any peer controls: one WARN per socket, then DEBUG,
	// so that a peer repeating the input cannot flood the log.
	private Msg refuse(int size) {
		long count = this.refused.incrementAndGet();
		String message = "Socket '" + this.socket + "' refused a frame whose announced size JeroMQ read as " + size
				+ " bytes (the 64-bit size on the wire had its top bit set, or exceeded max-message-size "
				+ this.maxMessageSize + ")";
		if (count == 1) {
			logger.warn(message + "; later refusals on this socket are logged at DEBUG");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message + " [" + count + " so far]");
		}
		Msg refusal = new Msg(0);
		refusal.setFlags(Msg.COMMAND);
		return refusal;
	}

}
