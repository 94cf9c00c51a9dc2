package org.zeromq.spring.core;

import java.nio.ByteBuffer;

import zmq.Msg;

/**
 * A frame received by a CURVE socket or a PLAIN server, which hides a handshake command JeroMQ
 * 0.6.0 would misread ({@link MisreadCommand}) from the mechanism that reads it.
 * <p>
 * JeroMQ offers no hook between a frame's arrival and its mechanism, and its frame allocator
 * only learns a frame's size. But the message the allocator returns is the one the decoder fills
 * and the mechanism then reads, and every mechanism starts with {@link #size()}. So the check
 * runs there: a command that would be misread reports a size of 0, which every mechanism rejects
 * as malformed, and JeroMQ closes the connection instead of throwing on its I/O thread. The
 * decoder never asks for the size (it fills the buffer it was given), so the check always sees
 * the whole command; it is repeated on each call, and costs one flag test on a frame that is not
 * a command. The bytes themselves are left alone.
 */
final class InboundFrame extends Msg {

	private final MisreadCommand check;

	private final InboundFrameAllocator allocator;

	private boolean refused;

	InboundFrame(ByteBuffer buffer, MisreadCommand check, InboundFrameAllocator allocator) {
		super(buffer);
		this.check = check;
		this.allocator = allocator;
	}

	@Override
	public int size() {
		int size = super.size();
		if (this.refused) {
			return 0;
		}
		if (isCommand() && this.check.misreads(this, size)) {
			this.refused = true;
			this.allocator.refusedCommand(this.check);
			return 0;
		}
		return size;
	}

}
