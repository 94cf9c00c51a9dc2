package org.zeromq.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.core.ZmqException;
import zmq.ZError;

/**
 * The context's ZAP handler (RFC 27): a ROUTER socket on {@code inproc://zeromq.zap.01}, served
 * by one thread of its own, that answers every handshake's question "may this peer in?".
 * <p>
 * JeroMQ asks whichever socket is bound there, and when none is, it lets every CURVE and PLAIN
 * client in. So the handler binds in {@link #start()}, on the caller's thread, before the first
 * socket that needs it binds or connects: once {@code start} returns, every later handshake
 * finds it. Requests that arrive before the thread polls wait in the inproc pipe. A second
 * handler on the same context cannot bind, and that is an error here, where JeroMQ's
 * {@code ZAuth} only prints one.
 * <p>
 * It never fails open: a request it cannot decide gets status 500, which refuses the peer, a
 * request it cannot even read gets no answer, so the handshake times out, and its socket is
 * closed only when it is told to stop or the context ends.
 */
final class ZapHandler implements AutoCloseable {

	/** Where JeroMQ's handshakes look for the handler (RFC 27). */
	static final String ENDPOINT = "inproc://zeromq.zap.01";

	private static final Log logger = LogFactory.getLog(ZapHandler.class);

	private static final AtomicInteger handlers = new AtomicInteger();

	// A request is the envelope (2), version, id, domain, address, identity, mechanism and at most
	// two credential frames; anything longer did not come from a handshake.
	private static final int MAX_FRAMES = 12;

	private static final byte[] VERSION = "1.0".getBytes(StandardCharsets.US_ASCII);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration ERROR_PAUSE = Duration.ofMillis(100);

	private final ZContext context;

	private final Supplier<Function<ZapRequest, ZapDecision>> decisions;

	private final BiConsumer<ZapRequest, ZapDecision> outcomes;

	private @Nullable Thread thread;

	private ZMQ.@Nullable Socket stopSender;

	private boolean started;

	private boolean closed;

	/**
	 * @param context the context whose handshakes it answers
	 * @param decisions makes what decides each request, on the handler's thread
	 * @param outcomes told about every decision, on the handler's thread
	 */
	ZapHandler(ZContext context, Supplier<Function<ZapRequest, ZapDecision>> decisions,
			BiConsumer<ZapRequest, ZapDecision> outcomes) {
		this.context = context;
		this.decisions = decisions;
		this.outcomes = outcomes;
	}

	/**
	 * Binds the handler's socket and starts its thread, unless it already runs. Returns once
	 * every handshake of the context reaches it.
	 * @throws ZmqException when another ZAP handler is bound on the context, or this one is closed
	 */
	synchronized void start() {
		// closed first: a socket created during shutdown must not find the handler gone and open anyway
		if (this.closed) {
			throw new ZmqException("The ZeroMQ security of this context is closed: no socket that needs its ZAP handler "
					+ "may open now");
		}
		if (this.started) {
			return;
		}
		int id = handlers.incrementAndGet();
		ZMQ.Socket zap = this.context.createSocket(SocketType.ROUTER);
		zap.setLinger(0);
		try {
			if (!zap.bind(ENDPOINT)) {
				throw new ZmqException("Could not bind the ZAP handler to " + ENDPOINT);
			}
		}
		catch (ZMQException ex) {
			this.context.destroySocket(zap);
			if (ex.getErrorCode() == ZError.EADDRINUSE) {
				throw new ZmqException("Another ZAP handler is already bound to " + ENDPOINT + " on this ZeroMQ context "
						+ "(a JeroMQ ZAuth, for example). A context has one ZAP handler: remove the other one and give "
						+ "its keys, users and addresses to the starter's security settings", ex);
			}
			throw new ZmqException("Could not bind the ZAP handler to " + ENDPOINT + ": " + ex.getMessage(), ex);
		}
		String stopEndpoint = "inproc://zmq-zap-handler-stop-" + id;
		ZMQ.Socket stopReceiver = this.context.createSocket(SocketType.PAIR);
		stopReceiver.bind(stopEndpoint);
		this.stopSender = this.context.createSocket(SocketType.PAIR);
		this.stopSender.setLinger(0);
		this.stopSender.connect(stopEndpoint);
		// The sockets were made here; Thread.start hands them over with a happens-before edge.
		this.thread = new Thread(() -> serve(zap, stopReceiver), "zmq-zap-handler-" + id);
		this.thread.setDaemon(true);
		this.thread.start();
		this.started = true;
	}

	/** Whether the handler runs. */
	synchronized boolean isRunning() {
		return this.started && !this.closed;
	}

	/**
	 * Stops the thread, which closes the handler's socket, and waits for it. Close it after the
	 * last socket that needs it: a handshake that finds no handler lets its peer in.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		Thread serving = this.thread;
		ZMQ.Socket stopper = this.stopSender;
		if (!this.started || serving == null || stopper == null) {
			return;
		}
		try {
			stopper.send(new byte[0], ZMQ.DONTWAIT);
		}
		catch (ZMQException ex) {
			// the context is terminating, which ends the handler's poll as well
		}
		try {
			serving.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (serving.isAlive()) {
			logger.warn("The ZeroMQ ZAP handler did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
		}
		this.context.destroySocket(stopper);
	}

	// Only a stop or the context's end closes the handler's socket. Anything else is logged and
	// the loop goes on; and should the thread die anyway, the socket stays bound: handshakes then
	// wait for an answer and time out, where a closed socket would let every client in.
	private void serve(ZMQ.Socket zap, ZMQ.Socket stop) {
		Function<ZapRequest, ZapDecision> decide = this.decisions.get();
		ZMQ.Poller poller = this.context.createPoller(2);
		poller.register(zap, ZMQ.Poller.POLLIN);
		poller.register(stop, ZMQ.Poller.POLLIN);
		boolean stopped = false;
		try {
			while (!stopped) {
				try {
					stopped = poller.poll(-1) < 0 || poller.pollin(1);
					if (!stopped && poller.pollin(0)) {
						while (answerNext(zap, decide)) {
							// every request that is waiting
						}
					}
				}
				catch (ZMQException ex) {
					stopped = ex.getErrorCode() == ZError.ETERM;
					if (!stopped) {
						pauseAfter(ex);
					}
				}
				catch (RuntimeException ex) {
					pauseAfter(ex);
				}
			}
		}
		finally {
			poller.close();
			if (stopped) {
				this.context.destroySocket(zap);
				this.context.destroySocket(stop);
			}
		}
	}

	// Keeps an error that repeats from turning into a busy loop and a flood of the log.
	private static void pauseAfter(RuntimeException ex) {
		logger.error("The ZeroMQ ZAP handler failed; it goes on, and refuses what it cannot decide", ex);
		LockSupport.parkNanos(ERROR_PAUSE.toNanos());
	}

	// One request, read without waiting; false when none is waiting.
	private boolean answerNext(ZMQ.Socket zap, Function<ZapRequest, ZapDecision> decide) {
		byte[] first = zap.recv(ZMQ.DONTWAIT);
		if (first == null) {
			return false;
		}
		List<byte[]> frames = new ArrayList<>();
		frames.add(first);
		while (zap.hasReceiveMore()) {
			byte[] frame = zap.recv(0);
			if (frames.size() < MAX_FRAMES) {
				frames.add(frame);
			}
		}
		// [routing id][""][version][request id][domain][address][identity][mechanism][credentials...]
		if (frames.size() < 8 || frames.size() >= MAX_FRAMES || frames.get(1).length != 0) {
			logger.warn("The ZeroMQ ZAP handler received a malformed request and left it unanswered");
			return true;
		}
		ZapRequest request = new ZapRequest(text(frames.get(4)), text(frames.get(5)), text(frames.get(7)),
				frames.subList(8, frames.size()));
		ZapDecision decision;
		try {
			decision = Arrays.equals(frames.get(2), VERSION) ? decide.apply(request)
					: ZapDecision.fail("its ZAP request has version " + ZapAuthenticator.printable(text(frames.get(2))));
		}
		catch (RuntimeException ex) {
			logger.error("The ZeroMQ ZAP handler failed on a request; the peer is refused", ex);
			decision = ZapDecision.fail("the ZAP handler failed: " + ex.getClass().getSimpleName());
		}
		zap.send(frames.get(0), ZMQ.SNDMORE);
		zap.send(new byte[0], ZMQ.SNDMORE);
		zap.send(VERSION, ZMQ.SNDMORE);
		zap.send(frames.get(3), ZMQ.SNDMORE);
		zap.send(Integer.toString(decision.status()), ZMQ.SNDMORE);
		zap.send(decision.allowed() ? "OK" : "NO ACCESS", ZMQ.SNDMORE);
		zap.send(decision.userId(), ZMQ.SNDMORE);
		zap.send(new byte[0], 0);
		try {
			this.outcomes.accept(request, decision);
		}
		catch (RuntimeException ex) {
			logger.error("Recording a ZAP decision failed", ex);
		}
		return true;
	}

	private static String text(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8);
	}

}
