package org.zeromq.spring.template;

import java.util.ArrayList;
import java.util.List;

import org.zeromq.spring.test.PeerFrames;

/**
 * A request as a REP or ROUTER peer reads it: the routing envelope (everything up to and
 * including the first empty frame, which a REP has already stripped) and the body. Echoing the
 * envelope in front of the reply is what routes it back to the requester and its request.
 *
 * @param envelope the frames to echo in front of the reply
 * @param body the frames after the envelope
 */
record PeerRequest(List<byte[]> envelope, List<byte[]> body) {

	static PeerRequest of(List<byte[]> frames) {
		for (int i = 0; i < frames.size(); i++) {
			if (frames.get(i).length == 0) {
				return new PeerRequest(frames.subList(0, i + 1), frames.subList(i + 1, frames.size()));
			}
		}
		return new PeerRequest(List.of(), frames);
	}

	/** The last body frame as UTF-8: the payload the template sent. */
	String text() {
		return PeerFrames.text(this.body).get(this.body.size() - 1);
	}

	List<byte[]> reply(String text) {
		List<byte[]> reply = new ArrayList<>(this.envelope);
		reply.add(PeerFrames.utf8(text));
		return reply;
	}

}
