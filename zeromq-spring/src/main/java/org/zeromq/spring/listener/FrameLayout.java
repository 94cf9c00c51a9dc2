package org.zeromq.spring.listener;

import java.util.List;

import org.zeromq.spring.core.ZmqSocketType;

/**
 * How the frames a socket receives split into envelope and content, by socket type, following
 * the guide's envelope rules: a ROUTER prepends the sender's identity, request envelopes end at
 * the first empty delimiter frame, and pub-sub messages may lead with a topic frame.
 */
enum FrameLayout {

	/** REP (JeroMQ strips the envelope itself), PULL, PAIR: every frame is content. */
	PLAIN {
		@Override
		InboundMessage parse(String socket, List<byte[]> frames) {
			return new InboundMessage(socket, List.of(), frames, null, null, frames);
		}
	},

	/** SUB, XSUB: {@code [topic][payload…]}, or one frame when the publisher filters by prefix. */
	TOPIC {
		@Override
		InboundMessage parse(String socket, List<byte[]> frames) {
			if (frames.size() == 1) {
				return new InboundMessage(socket, List.of(), frames, null, null, frames);
			}
			return new InboundMessage(socket, List.of(), frames, null, frames.get(0), frames.subList(1, frames.size()));
		}
	},

	/** ROUTER: {@code [identity]}, then a request envelope up to a delimiter if there is one. */
	ROUTED {
		@Override
		InboundMessage parse(String socket, List<byte[]> frames) {
			if (frames.size() < 2) {
				throw new MalformedMessageException("a ROUTER message needs an identity frame and content, this one has "
						+ frames.size() + " frame(s)");
			}
			int delimiter = delimiterIndex(frames, 1);
			int contentStart = (delimiter >= 0) ? delimiter + 1 : 1;
			List<byte[]> content = frames.subList(contentStart, frames.size());
			if (content.isEmpty()) {
				throw new MalformedMessageException("the ROUTER message has an envelope but no content");
			}
			return new InboundMessage(socket, frames.subList(0, contentStart), content, frames.get(0), null, content);
		}
	},

	/** DEALER: a request envelope up to a delimiter if there is one, else every frame is content. */
	DELIMITED {
		@Override
		InboundMessage parse(String socket, List<byte[]> frames) {
			int delimiter = delimiterIndex(frames, 0);
			if (delimiter < 0) {
				return new InboundMessage(socket, List.of(), frames, null, null, frames);
			}
			List<byte[]> content = frames.subList(delimiter + 1, frames.size());
			if (content.isEmpty()) {
				throw new MalformedMessageException("the message has an envelope but no content");
			}
			return new InboundMessage(socket, frames.subList(0, delimiter + 1), content, null, null, content);
		}
	};

	abstract InboundMessage parse(String socket, List<byte[]> frames);

	static FrameLayout of(ZmqSocketType type) {
		return switch (type) {
			case SUB, XSUB -> TOPIC;
			case ROUTER -> ROUTED;
			case DEALER -> DELIMITED;
			default -> PLAIN;
		};
	}

	private static int delimiterIndex(List<byte[]> frames, int from) {
		for (int i = from; i < frames.size(); i++) {
			if (frames.get(i).length == 0) {
				return i;
			}
		}
		return -1;
	}

}
