package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.SupervisedZContext;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A well-formed ZeroMQ peer sends 10 000 multipart messages of random frames (one to four
 * frames of up to 256 random bytes each, half of them behind an empty delimiter) into a
 * listener of every type that receives: each message is handled or fails alone, and the
 * listener is alive and answering afterwards. (A PUB peer drops what does not fit under the
 * high-water mark; that is ZeroMQ's pub-sub, not a failure.) The listener takes a single {@code String}, so a
 * multipart message fails and a single frame of any bytes is read, which exercises both paths.
 */
class RandomMessageTests {

	private static final int MESSAGES = 10_000;

	private static final int MAX_FRAMES = 4;

	private static final int MAX_FRAME_BYTES = 256;

	/**
	 * How long the listener may take to work through what the peer queued: the peer sends as
	 * fast as the high-water marks let it, so most of the 10 000 are still queued when it is done.
	 */
	private static final Duration BACKLOG = Duration.ofSeconds(60);

	/** The listener's type, how its peer connects, and whether the listener answers. */
	enum Listener {

		REP(SocketType.DEALER, true), ROUTER(SocketType.DEALER, true), DEALER(SocketType.DEALER, true),
		PAIR(SocketType.PAIR, true), PULL(SocketType.PUSH, false), SUB(SocketType.PUB, false),
		XSUB(SocketType.PUB, false);

		final SocketType peer;

		final boolean answers;

		Listener(SocketType peer, boolean answers) {
			this.peer = peer;
			this.answers = answers;
		}

		boolean subscribes() {
			return this == SUB || this == XSUB;
		}

	}

	@ParameterizedTest(name = "10 000 random multipart messages into a {0} listener")
	@EnumSource(Listener.class)
	void tenThousandRandomMultipartMessagesLeaveTheListenerAliveAndAnswering(Listener listener) {
		String[] declaration = listener.subscribes()
				? socket("inbox", "type=" + listener, "bind=" + ANY_TCP, "subscribe[0]=")
				: socket("inbox", "type=" + listener, "bind=" + ANY_TCP);
		ZmqApplication.runner()
			.withUserConfiguration(listener.answers ? Answering.class : Receiving.class)
			.withPropertyValues(declaration)
			.run((context) -> {
				Handler handler = context.getBean(Handler.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket peer = peers.create(listener.peer);
					// Unlimited room for answers, so that the listener never waits for the peer to read.
					peer.setRcvHWM(0);
					peer.connect(endpoint(context, "inbox"));
					awaitConnected(listener, peer, handler);
					Random random = new Random(MESSAGES);
					long start = System.nanoTime();
					for (int i = 0; i < MESSAGES; i++) {
						PeerFrames.send(peer, randomMessage(listener, random));
						drain(listener, peer);
					}
					assertAnswering(listener, context, peers, peer, handler);
					long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
					int handled = handler.handled.get();
					report(MESSAGES + " random multipart messages into a " + listener
							+ " listener: handled / failed or discarded alone (or dropped by the PUB at the high-water mark),"
							+ " and the time until it answered after them",
							handled + " / " + (MESSAGES - handled) + ", " + millis + " ms");
					assertThat(context.getBean(SupervisedZContext.class).failure()).as("ZeroMQ thread failure").isEmpty();
				}
			});
	}

	// PUB drops until the subscription has arrived, and the others have nothing to wait for but
	// the connection: one message that gets through proves both.
	private static void awaitConnected(Listener listener, ZMQ.Socket peer, Handler handler) {
		await().pollInSameThread().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
			PeerFrames.send(peer, envelope(listener, "hello"));
			drain(listener, peer);
			return handler.last.equals("hello");
		});
		drain(listener, peer);
	}

	private static List<byte[]> randomMessage(Listener listener, Random random) {
		List<byte[]> frames = new ArrayList<>();
		if (listener.peer == SocketType.DEALER && random.nextBoolean()) {
			// a request envelope, so that about half reach the handler of a REP and get an answer
			frames.add(new byte[0]);
		}
		int count = 1 + random.nextInt(MAX_FRAMES);
		for (int i = 0; i < count; i++) {
			byte[] frame = new byte[random.nextInt(MAX_FRAME_BYTES + 1)];
			random.nextBytes(frame);
			frames.add(frame);
		}
		return frames;
	}

	// A REP needs the empty delimiter in front of what its handler sees.
	private static List<byte[]> envelope(Listener listener, String text) {
		return (listener == Listener.REP) ? List.of(new byte[0], PeerFrames.utf8(text)) : List.of(PeerFrames.utf8(text));
	}

	// Reads the answers that have arrived, so that the listener never waits for room to answer.
	private static void drain(Listener listener, ZMQ.Socket peer) {
		if (listener.answers) {
			while (PeerFrames.receiveNow(peer) != null) {
				// an answer to a random message: its content is random too
			}
		}
	}

	// The listener handles a message sent after all the random ones (the same connection keeps
	// their order, so it has been through every one of them) and, if it answers, answers it; a
	// REP also answers a client that connects now.
	private static void assertAnswering(Listener listener, ConfigurableApplicationContext context, PeerSockets peers,
			ZMQ.Socket peer, Handler handler) {
		if (listener.subscribes()) {
			// A PUB drops what does not fit under the high-water mark, so this one may be too.
			await().pollInSameThread().atMost(BACKLOG).pollInterval(Duration.ofMillis(100)).until(() -> {
				PeerFrames.send(peer, "alive?");
				return handler.last.equals("alive?");
			});
			return;
		}
		PeerFrames.send(peer, envelope(listener, "alive?"));
		if (!listener.answers) {
			await().atMost(BACKLOG).until(() -> handler.last.equals("alive?"));
			return;
		}
		await().pollInSameThread().atMost(BACKLOG).until(() -> {
			boolean answered = false;
			for (List<byte[]> answer = PeerFrames.receiveNow(peer); answer != null; answer = PeerFrames.receiveNow(peer)) {
				answered |= PeerFrames.text(answer).contains("re:alive?");
			}
			return answered;
		});
		if (listener == Listener.REP) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "inbox"));
			assertThat(PeerFrames.request(client, "alive?")).containsExactly("re:alive?");
		}
	}

	/** Counts the random messages that reached the handler, and remembers the last message. */
	abstract static class Handler {

		final AtomicInteger handled = new AtomicInteger();

		volatile String last = "";

		void record(String message) {
			if (!message.equals("hello") && !message.equals("alive?")) {
				this.handled.incrementAndGet();
			}
			this.last = message;
		}

	}

	static class Answering extends Handler {

		@ZmqListener("inbox")
		String handle(String message) {
			record(message);
			return "re:" + message;
		}

	}

	static class Receiving extends Handler {

		@ZmqListener("inbox")
		void handle(String message) {
			record(message);
		}

	}

}
