package org.zeromq.spring.benchmarks.sendpath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * Measures the two ways of making a socket usable from many threads that the design leaves
 * open: a lock around every send, or one owner thread fed by a queue. Run it by hand, on an
 * otherwise quiet machine, and read the medians:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar send-paths [messages-per-round [messages-per-round-when-callers-wait]]
 * </pre>
 *
 * Every path sends the same 100-byte message to a sink thread that receives it on a PUSH/PULL
 * pipe (ROUTER for the DEALER path), over inproc and over tcp on 127.0.0.1. The starter's paths
 * are {@code ZmqTemplate.send} in a Spring Boot application with the socket declared in
 * properties; over inproc the sink binds in the application's own context, as inproc requires. A
 * round ends when the sink has received every message, so queued-but-undelivered messages never
 * count. One warm-up round, then {@value #ROUNDS} measured rounds; the median is printed.
 */
public final class SendPathComparison {

	private static final int PAYLOAD_BYTES = 100;

	private static final int ROUNDS = 5;

	private static final Duration ROUND_BOUND = Duration.ofMinutes(5);

	private static final AtomicLong inprocNames = new AtomicLong();

	private SendPathComparison() {
	}

	/** Runs every path and prints the table; returns the exit code. */
	public static int run(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		// A path whose callers wait for every message is far slower: it may get fewer per round.
		int messagesWhenCallersWait = (args.length > 1) ? Integer.parseInt(args[1]) : messages;
		byte[] payload = new byte[PAYLOAD_BYTES];
		Arrays.fill(payload, (byte) 'x');
		System.out.printf("%d-byte messages; median of %d rounds after a warm-up round%n", PAYLOAD_BYTES, ROUNDS);
		for (String transport : List.of("inproc", "tcp")) {
			for (SendPath path : SendPath.values()) {
				int perRound = path.callerWaits ? messagesWhenCallersWait : messages;
				for (int threads : path.threadCounts) {
					double median = measure(path, transport, threads, perRound, payload);
					System.out.printf("%-6s  %-62s  %d thread%s  %,10d msgs/round  %,12.0f msgs/s%n", transport,
							path.description, threads, (threads == 1) ? " " : "s", perRound, median);
				}
			}
		}
		return 0;
	}

	private static double measure(SendPath path, String transport, int threads, int messages, byte[] payload)
			throws Exception {
		try (ZContext context = new ZContext()) {
			String bind = transport.equals("tcp") ? "tcp://127.0.0.1:*"
					: "inproc://send-path-comparison-" + inprocNames.incrementAndGet();
			try (Sink sink = new Sink(context, path.sinkType, bind); Sender sender = path.open(context, sink.endpoint())) {
				round(sender, sink, threads, messages, payload);
				double[] rates = new double[ROUNDS];
				for (int i = 0; i < ROUNDS; i++) {
					rates[i] = round(sender, sink, threads, messages, payload);
				}
				Arrays.sort(rates);
				return rates[ROUNDS / 2];
			}
		}
	}

	/** One round: {@code threads} threads share the messages; returns messages per second. */
	private static double round(Sender sender, Sink sink, int threads, int messages, byte[] payload) throws Exception {
		CompletableFuture<Long> received = sink.expect(messages);
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>(threads);
		for (int t = 0; t < threads; t++) {
			int share = messages / threads + ((t < messages % threads) ? 1 : 0);
			Thread thread = new Thread(() -> {
				awaitQuietly(start);
				for (int i = 0; i < share; i++) {
					sender.send(payload);
				}
			}, "comparison-sender-" + t);
			thread.start();
			senders.add(thread);
		}
		long begin = System.nanoTime();
		start.countDown();
		long end = received.get(ROUND_BOUND.toSeconds(), TimeUnit.SECONDS);
		for (Thread thread : senders) {
			thread.join(ROUND_BOUND.toMillis());
		}
		return messages / ((end - begin) / 1e9);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * {@code ZmqTemplate.send} in a Boot application whose socket {@code out} is declared in
	 * properties; the application uses the comparison's context, so that inproc reaches the sink.
	 */
	private static Sender templateSender(ZContext context, String socketType, String endpoint) {
		StarterApp app = StarterApp.start(Map.of("zeromq.sockets.out.type", socketType, "zeromq.sockets.out.connect",
				endpoint), Map.of("comparisonContext", context));
		ZmqTemplate template = app.template();
		return Sender.of((payload) -> template.send("out", payload), app::close);
	}

	/** The ways of sending that are compared. */
	private enum SendPath {

		RAW("raw JeroMQ, one thread owns the socket (reference)", SocketType.PULL, false, 1) {
			@Override
			Sender open(ZContext context, String endpoint) {
				ZMQ.Socket push = context.createSocket(SocketType.PUSH);
				push.connect(endpoint);
				return Sender.of((payload) -> push.send(payload, 0), push::close);
			}
		},

		LOCK("lock: ZmqTemplate.send on a PUSH socket", SocketType.PULL, false, 1, 4) {
			@Override
			Sender open(ZContext context, String endpoint) {
				return templateSender(context, "PUSH", endpoint);
			}
		},

		TEMPLATE_OWNER("owner thread: ZmqTemplate.send on a DEALER, caller waits", SocketType.ROUTER, true, 1, 4) {
			@Override
			Sender open(ZContext context, String endpoint) {
				return templateSender(context, "DEALER", endpoint);
			}
		},

		QUEUE_OWNER("owner thread: minimal queue-fed PUSH, caller does not wait", SocketType.PULL, false, 1, 4) {
			@Override
			Sender open(ZContext context, String endpoint) {
				return new QueueFedOwner(context, endpoint);
			}
		};

		final String description;

		final SocketType sinkType;

		final boolean callerWaits;

		final int[] threadCounts;

		SendPath(String description, SocketType sinkType, boolean callerWaits, int... threadCounts) {
			this.description = description;
			this.sinkType = sinkType;
			this.callerWaits = callerWaits;
			this.threadCounts = threadCounts;
		}

		abstract Sender open(ZContext context, String endpoint);

	}

	private interface Sender extends AutoCloseable {

		void send(byte[] payload);

		@Override
		void close();

		static Sender of(Consumer<byte[]> send, Runnable close) {
			return new Sender() {

				@Override
				public void send(byte[] payload) {
					send.accept(payload);
				}

				@Override
				public void close() {
					close.run();
				}

			};
		}

	}

	/**
	 * The smallest honest owner thread: callers put messages on a bounded queue (blocking when it
	 * is full, which is the back-pressure) and return at once, so they cannot learn whether the
	 * socket took the message — the price of its speed.
	 */
	private static final class QueueFedOwner implements Sender {

		private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(10_000);

		private final Thread thread;

		private volatile boolean closing;

		QueueFedOwner(ZContext context, String endpoint) {
			this.thread = new Thread(() -> run(context, endpoint), "comparison-owner");
			this.thread.start();
		}

		@Override
		public void send(byte[] payload) {
			try {
				this.queue.put(payload);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void run(ZContext context, String endpoint) {
			ZMQ.Socket push = context.createSocket(SocketType.PUSH);
			try {
				push.connect(endpoint);
				while (!this.closing || !this.queue.isEmpty()) {
					byte[] next = this.queue.poll(100, TimeUnit.MILLISECONDS);
					if (next != null) {
						push.send(next, 0);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				push.close();
			}
		}

		@Override
		public void close() {
			this.closing = true;
			try {
				this.thread.join(ROUND_BOUND.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * Receives on its own thread and reports when the expected number of messages has arrived.
	 * The thread creates, uses and closes its socket.
	 */
	private static final class Sink implements AutoCloseable {

		private final BlockingQueue<Round> rounds = new LinkedBlockingQueue<>();

		private final CompletableFuture<String> endpoint = new CompletableFuture<>();

		private final Thread thread;

		Sink(ZContext context, SocketType type, String bind) {
			this.thread = new Thread(() -> run(context, type, bind), "comparison-sink");
			this.thread.start();
		}

		String endpoint() {
			return this.endpoint.orTimeout(10, TimeUnit.SECONDS).join();
		}

		/** Completes with the time the last of {@code messages} further messages arrived. */
		CompletableFuture<Long> expect(int messages) {
			Round round = new Round(messages, new CompletableFuture<>());
			this.rounds.add(round);
			return round.done();
		}

		private void run(ZContext context, SocketType type, String bind) {
			ZMQ.Socket socket = context.createSocket(type);
			try {
				socket.setReceiveTimeOut((int) ROUND_BOUND.toMillis());
				socket.bind(bind);
				this.endpoint.complete(socket.getLastEndpoint());
				Round round;
				while ((round = this.rounds.poll(ROUND_BOUND.toSeconds(), TimeUnit.SECONDS)) != null && round.messages() > 0) {
					receive(socket, round);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				socket.close();
			}
		}

		private static void receive(ZMQ.Socket socket, Round round) {
			for (int i = 0; i < round.messages(); i++) {
				if (socket.recv(0) == null) {
					round.done().completeExceptionally(new IllegalStateException("the sink got " + i + " of " + round.messages()));
					return;
				}
				while (socket.hasReceiveMore()) {
					socket.recv(0);
				}
			}
			round.done().complete(System.nanoTime());
		}

		@Override
		public void close() throws InterruptedException {
			this.rounds.add(new Round(0, new CompletableFuture<>()));
			this.thread.join(ROUND_BOUND.toMillis());
		}

		private record Round(int messages, CompletableFuture<Long> done) {
		}

	}

}
