package org.zeromq.spring.template;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link PeerThread} answers. It runs on the peer's thread only, so a responder may keep
 * state (requests it holds back) without locking.
 */
@FunctionalInterface
interface Responder {

	/** What {@link #answer} puts in front of the request's payload. */
	String REPLY_PREFIX = "reply:";

	/** What a held-back request gets as its late reply, in front of its payload. */
	String LATE_PREFIX = "late:";

	/** The messages to send now, in order: none, the reply, or replies held back earlier too. */
	List<List<byte[]>> respond(PeerRequest request);

	static List<byte[]> answer(PeerRequest request) {
		return request.reply(REPLY_PREFIX + request.text());
	}

	/** Answers every request at once with {@code reply:<payload>}. */
	static Responder answering() {
		return (request) -> List.of(answer(request));
	}

	/** Answers every request with the same text. */
	static Responder answeringWith(String reply) {
		return (request) -> List.of(request.reply(reply));
	}

	/** Never answers: the requester's timeout is all it gets. */
	static Responder silent() {
		return (request) -> List.of();
	}

	/**
	 * Holds requests whose payload is {@code held} without answering; when a request with payload
	 * {@code release} arrives, first sends the held ones their late replies
	 * ({@code late:<payload>}), then answers it. Every other request is answered at once. The
	 * late reply travels ahead of the release's reply on the same connection, so a requester that
	 * got the release's reply has already read the late one.
	 */
	static Responder holding(String held, String release) {
		List<PeerRequest> waiting = new ArrayList<>();
		return (request) -> {
			if (request.text().equals(held)) {
				waiting.add(request);
				return List.of();
			}
			List<List<byte[]>> replies = new ArrayList<>();
			if (request.text().equals(release)) {
				waiting.forEach((late) -> replies.add(late.reply(LATE_PREFIX + late.text())));
				waiting.clear();
			}
			replies.add(answer(request));
			return replies;
		};
	}

	/**
	 * Answers nothing until {@code size} requests are in, then answers them all, last first: a
	 * requester only gets its replies if it kept {@code size} requests in flight and matches
	 * replies to requests by their envelope rather than by order.
	 */
	static Responder reversedBatches(int size) {
		List<PeerRequest> batch = new ArrayList<>(size);
		return (request) -> {
			batch.add(request);
			if (batch.size() < size) {
				return List.of();
			}
			List<List<byte[]>> replies = new ArrayList<>(size);
			for (int i = batch.size() - 1; i >= 0; i--) {
				replies.add(answer(batch.get(i)));
			}
			batch.clear();
			return replies;
		};
	}

}
