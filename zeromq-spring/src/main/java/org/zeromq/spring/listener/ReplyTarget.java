package org.zeromq.spring.listener;

import java.util.List;

/**
 * Where a listener's reply goes, as its envelope and its body apart: the listener's thread sends
 * the frames one by one on its socket, so that no reply needs a list of its own (one per message
 * on a REP or ROUTER listener). {@link DefaultZmqListenerContainer#handle(List, ReplyTarget)}
 * takes one from callers that handle messages without a socket.
 */
public interface ReplyTarget {

	/**
	 * @param envelope the frames the reply carries back in front (a ROUTER's identity and
	 * delimiter), possibly none
	 * @param body the reply's frames, at least one
	 */
	void reply(List<byte[]> envelope, List<byte[]> body);

	/** A reply whose body is one frame. */
	void reply(List<byte[]> envelope, byte[] frame);

}
