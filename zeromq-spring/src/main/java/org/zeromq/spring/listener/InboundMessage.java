package org.zeromq.spring.listener;

import java.util.List;

import org.zeromq.spring.core.ZmqSocketType;

/**
 * A message as a listener sees it: the routing envelope the reply must carry back, the content
 * frames, and what the envelope says about the sender.
 *
 * @param socket the declared socket it arrived on
 * @param envelope frames to put in front of a reply (ROUTER identity, correlation, delimiter)
 * @param content the frames after the envelope
 * @param identity the ROUTER peer's routing identity, or {@code null}
 * @param topic the topic frame of a pub-sub envelope, or {@code null}
 * @param payload the frames that make the payload (the content after a topic frame)
 */
public record InboundMessage(String socket, List<byte[]> envelope, List<byte[]> content, byte[] identity,
		byte[] topic, List<byte[]> payload) {

	/**
	 * Splits the frames a socket of {@code type} received into envelope and content, following
	 * the guide's envelope rules: a ROUTER prepends the sender's identity, a request envelope ends
	 * at the first empty delimiter frame, and pub-sub messages may lead with a topic frame.
	 * @throws MalformedMessageException when the frames do not fit the socket type
	 */
	public static InboundMessage of(ZmqSocketType type, String socket, List<byte[]> frames) {
		return FrameLayout.of(type).parse(socket, frames);
	}

	/** Every frame as received, envelope included, for dead-lettering. */
	public List<byte[]> allFrames() {
		if (this.envelope.isEmpty()) {
			return this.content;
		}
		java.util.ArrayList<byte[]> all = new java.util.ArrayList<>(this.envelope.size() + this.content.size());
		all.addAll(this.envelope);
		all.addAll(this.content);
		return all;
	}

}
