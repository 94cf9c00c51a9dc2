package org.zeromq.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.Diagnosis;
import org.zeromq.spring.core.Frames;
import org.zeromq.spring.core.ManagedSocket;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.RequestOutcome;
import org.zeromq.spring.core.ShutdownBudget;
import org.zeromq.spring.core.SocketClosingException;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketStatus;
import org.zeromq.spring.core.TraceContextFrame;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * The default {@link ZmqOperations}. Thread-safe: sockets are not, so each send takes the
 * socket's lock (measured faster than handing every message to an owner thread), except on
 * DEALER sockets, which one owner thread runs so that many requests can be in flight while
 * their replies are read. A one-way {@code send} on a DEALER under {@code hwm-policy} BLOCK (the
 * default) does not wait for that thread: it returns once the message is queued for it, in
 * order, with at most send-hwm messages queued (beyond that it waits up to the send-timeout,
 * then fails as a blocked send does); under FAIL and DROP it waits for the socket's answer.
 */
public class ZmqTemplate implements ZmqOperations, AutoCloseable {

	private static final byte[] DELIMITER = new byte[0];

	private final ZmqSocketRegistry registry;

	private final PayloadConverter converter;

	private final OutboundFrames outbound;

	private final Map<String, DealerRequester> requesters = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private TemplateObservation observation = TemplateObservation.NONE;

	public ZmqTemplate(ZmqSocketRegistry registry, PayloadConverter converter) {
		this.registry = registry;
		this.converter = converter;
		this.outbound = new OutboundFrames(converter);
	}

	public PayloadConverter converter() {
		return this.converter;
	}

	/** The declared sockets it sends on. */
	public ZmqSocketRegistry registry() {
		return this.registry;
	}

	/**
	 * Wraps every send and request from now on; {@link TemplateObservation#NONE} by default. Set
	 * it before the template is used.
	 */
	public void setObservation(TemplateObservation observation) {
		this.observation = Objects.requireNonNull(observation, "observation");
	}

	@Override
	public boolean send(String socket, Object payload) {
		return sendFrames(socket, List.of(this.converter.toFrame(payload)));
	}

	@Override
	public boolean send(String socket, String topic, Object payload) {
		return sendFrames(socket, List.of(this.converter.toFrame(topic), this.converter.toFrame(payload)));
	}

	@Override
	public boolean sendMultipart(String socket, List<?> frames) {
		return sendFrames(socket, this.outbound.ofParts(frames));
	}

	@Override
	public boolean send(String socket, Message<?> message) {
		return sendFrames(socket, this.outbound.of(message));
	}

	@Override
	public boolean sendTo(String socket, byte[] identity, Object payload) {
		ManagedSocket target = openSocket(socket);
		requireType(target, "sendTo", ZmqSocketType.ROUTER);
		return sendFrames(socket, List.of(identity, DELIMITER, this.converter.toFrame(payload)));
	}

	@Override
	public <T> T request(String socket, Object payload, Duration timeout, Class<T> replyType) {
		return requestAndRead(socket, payload, timeout, (frame) -> this.converter.fromFrame(frame, replyType));
	}

	@Override
	public <T> T request(String socket, Object payload, Duration timeout, ParameterizedTypeReference<T> replyType) {
		return requestAndRead(socket, payload, timeout, (frame) -> this.converter.fromFrame(frame, replyType));
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String socket, Object payload, Duration timeout, Class<T> replyType) {
		return requestAsyncAndRead(socket, payload, timeout, (frame) -> this.converter.fromFrame(frame, replyType));
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String socket, Object payload, Duration timeout,
			ParameterizedTypeReference<T> replyType) {
		return requestAsyncAndRead(socket, payload, timeout, (frame) -> this.converter.fromFrame(frame, replyType));
	}

	/**
	 * Sends the frames as one request on a REQ or DEALER socket and waits for the whole reply,
	 * for callers that map frames themselves (multipart requests, replies of several frames).
	 * As {@link #request(String, Object, Duration, Class)} in every other way (observation,
	 * trace context, request counts).
	 * @return the frames of the reply (on a DEALER, those after the correlation envelope)
	 * @throws ZmqRequestTimeoutException when no reply comes within the timeout
	 */
	public List<byte[]> requestFrames(String socket, List<byte[]> frames, Duration timeout) {
		ManagedSocket target = openSocket(socket);
		requireType(target, "request", ZmqSocketType.REQ, ZmqSocketType.DEALER);
		return observedRequest(target, frames, timeout, Function.identity());
	}

	/**
	 * Sends the frames as one request on a DEALER socket without waiting, for callers that map
	 * frames themselves; as {@link #requestAsync(String, Object, Duration, Class)} in every other
	 * way (the future completes on the socket's thread).
	 * @return the frames of the reply after the correlation envelope
	 */
	public CompletableFuture<List<byte[]>> requestFramesAsync(String socket, List<byte[]> frames, Duration timeout) {
		ManagedSocket target = openSocket(socket);
		requireType(target, "requestAsync", ZmqSocketType.DEALER);
		return observedRequestAsync(target, frames, timeout, Function.identity());
	}

	private <T> T requestAndRead(String socket, Object payload, Duration timeout, Function<byte[], T> replyType) {
		requirePositive(socket, timeout);
		ManagedSocket target = openSocket(socket);
		requireType(target, "request", ZmqSocketType.REQ, ZmqSocketType.DEALER);
		byte[] frame = this.converter.toFrame(payload);
		return observedRequest(target, List.of(frame), timeout, (reply) -> lastFrameAs(reply, replyType));
	}

	private <T> T observedRequest(ManagedSocket target, List<byte[]> frames, Duration timeout,
			Function<List<byte[]>, T> reader) {
		if (this.observation == TemplateObservation.NONE) {
			return request(target, frames, timeout, reader);
		}
		TemplateObservation.Operation operation = new TemplateObservation.Operation(target.name(), target.spec().type(),
				"request");
		return this.observation.observe(operation,
				() -> request(target, withTraceContext(target, frames, operation), timeout, reader));
	}

	private <T> T request(ManagedSocket target, List<byte[]> frames, Duration timeout, Function<List<byte[]>, T> reader) {
		String socket = target.name();
		if (target.spec().type() == ZmqSocketType.DEALER) {
			// Read here rather than in a stage, so that a conversion error is not wrapped.
			return reader.apply(await(socket, requester(target).request(frames, timeout, Function.identity()),
					timeout.plusSeconds(5)).join());
		}
		SocketStatus status = target.status();
		long started = System.nanoTime();
		status.requestStarted();
		RequestOutcome outcome = RequestOutcome.ERROR;
		try {
			List<byte[]> reply = target.execute((req) -> requestOnReq(target, req, frames, timeout));
			outcome = RequestOutcome.SUCCESS;
			return reader.apply(reply);
		}
		catch (ZmqRequestTimeoutException ex) {
			outcome = RequestOutcome.TIMEOUT;
			throw ex;
		}
		finally {
			status.requestEnded(outcome, System.nanoTime() - started);
		}
	}

	@Override
	public boolean awaitPeers(String socket, int count, Duration timeout) {
		return openSocket(socket).awaitPeers(count, timeout);
	}

	@Override
	public boolean awaitSubscribers(String socket, int count, Duration timeout) {
		return openSocket(socket).awaitSubscribers(count, timeout);
	}

	private <T> CompletableFuture<T> requestAsyncAndRead(String socket, Object payload, Duration timeout,
			Function<byte[], T> replyType) {
		requirePositive(socket, timeout);
		ManagedSocket target = openSocket(socket);
		requireType(target, "requestAsync", ZmqSocketType.DEALER);
		List<byte[]> frames = List.of(this.converter.toFrame(payload));
		return observedRequestAsync(target, frames, timeout, (reply) -> lastFrameAs(reply, replyType));
	}

	private <T> CompletableFuture<T> observedRequestAsync(ManagedSocket target, List<byte[]> frames, Duration timeout,
			Function<List<byte[]>, T> reader) {
		if (this.observation == TemplateObservation.NONE) {
			return requester(target).request(frames, timeout, reader);
		}
		// Observed as far as the request is handed to the socket's thread: the reply comes later.
		TemplateObservation.Operation operation = new TemplateObservation.Operation(target.name(), ZmqSocketType.DEALER,
				"send");
		return this.observation.observe(operation,
				() -> requester(target).request(withTraceContext(target, frames, operation), timeout, reader));
	}

	/** Messages read on DEALER sockets that matched no request in flight (late or foreign replies). */
	public long discardedReplies(String socket) {
		DealerRequester requester = this.requesters.get(socket);
		return (requester != null) ? requester.discardedReplies() : 0;
	}

	/**
	 * Stops the DEALER owner threads: queued sends go out, requests still waiting for a reply
	 * fail with a {@link SocketClosingException}. From then on every call fails with a
	 * {@link ZmqException}. Shared sockets stay open; the registry closes them. The owners stop
	 * together, and the wait for them is a step of the context's {@link ShutdownBudget}.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<DealerRequester> stopping = List.copyOf(this.requesters.values());
		this.requesters.clear();
		stopping.forEach(DealerRequester::stop);
		if (stopping.isEmpty()) {
			return;
		}
		try (ShutdownBudget.Step step = ShutdownBudget.of(this.registry.factory().context()).begin()) {
			stopping.forEach((requester) -> requester.awaitStopped(step.remaining()));
		}
	}

	private boolean sendFrames(String socket, List<byte[]> frames) {
		ManagedSocket target = openSocket(socket);
		requireSending(target);
		if (this.observation == TemplateObservation.NONE) {
			return sendFrames(target, frames);
		}
		TemplateObservation.Operation operation = new TemplateObservation.Operation(socket, target.spec().type(), "send");
		return this.observation.observe(operation,
				() -> sendFrames(target, withTraceContext(target, frames, operation)));
	}

	// The trace context goes last, after the envelope and the payload, and only where the socket
	// opted in: a plain ZeroMQ peer would take the frame for payload.
	private static List<byte[]> withTraceContext(ManagedSocket target, List<byte[]> frames,
			TemplateObservation.Operation operation) {
		return target.spec().traceContext() ? TraceContextFrame.append(frames, operation.traceContext()) : frames;
	}

	private boolean sendFrames(ManagedSocket target, List<byte[]> frames) {
		if (target.spec().type() == ZmqSocketType.DEALER) {
			return requester(target).send(frames, target.sendTimeout());
		}
		return target.send(frames);
	}

	private ManagedSocket openSocket(String socket) {
		if (this.closed) {
			throw closedTemplate(socket);
		}
		return this.registry.socket(socket);
	}

	private DealerRequester requester(ManagedSocket target) {
		if (this.closed) {
			throw closedTemplate(target.name());
		}
		DealerRequester requester = this.requesters.computeIfAbsent(target.name(), (name) -> {
			DealerRequester created = new DealerRequester(target, this.registry.factory().context());
			created.start(requesterThread(name));
			return created;
		});
		if (this.closed) {
			// close() may have looked at the requesters before this one was added: stop it here.
			this.requesters.remove(target.name(), requester);
			requester.close();
			throw closedTemplate(target.name());
		}
		return requester;
	}

	// One named daemon thread per DEALER socket, as before executors come from the application.
	private static Executor requesterThread(String socket) {
		return (loop) -> {
			Thread thread = new Thread(loop, "zmq-requester-" + socket);
			thread.setDaemon(true);
			thread.start();
		};
	}

	private static ZmqException closedTemplate(String socket) {
		return new ZmqException("ZmqTemplate is closed; socket '" + socket + "' can no longer be used");
	}

	private List<byte[]> requestOnReq(ManagedSocket target, ZMQ.Socket req, List<byte[]> frames, Duration timeout) {
		if (!target.sendFrames(req, frames)) {
			throw new ZmqException("Socket '" + target.name() + "' dropped the request at its high-water mark");
		}
		// The request's own timeout applies to this receive only: the socket's receive-timeout stays.
		int configuredTimeout = req.getReceiveTimeOut();
		req.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
		List<byte[]> reply;
		try {
			reply = target.receiveFrames(req);
		}
		finally {
			req.setReceiveTimeOut(configuredTimeout);
		}
		if (reply == null) {
			if (!SocketConfigurer.recoversFromUnansweredRequest(target.spec())) {
				// A strict REQ socket that got no reply can never send again, and a relaxed one
				// without correlation would take the late reply for the next request's: replace it.
				target.reopen();
			}
			throw timedOut(target.status(), timeout);
		}
		target.status().recordReceived();
		return reply;
	}

	/** A request got no reply in time: diagnosed (logged once per socket), and the exception to throw. */
	static ZmqRequestTimeoutException timedOut(SocketStatus status, Duration timeout) {
		status.diagnose(Diagnosis.Kind.REQUEST_TIMEOUT, status.endpoints(),
				"a request got no reply within its timeout of " + timeout.toMillis() + " ms");
		return new ZmqRequestTimeoutException(status.name(), timeout);
	}

	private static <T> T lastFrameAs(List<byte[]> reply, Function<byte[], T> replyType) {
		if (reply.isEmpty()) {
			throw new ZmqException("The reply had no payload frame");
		}
		return replyType.apply(reply.get(reply.size() - 1));
	}

	// The owner thread completes every future by its deadline; the extra bound only guards
	// against an owner that died, so that a caller can never hang.
	static <T> CompletableFuture<T> await(String socket, CompletableFuture<T> future, Duration bound) {
		try {
			return CompletableFuture.completedFuture(future.get(bound.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new ZmqException("Request on socket '" + socket + "' failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ZmqException("The owner thread of socket '" + socket + "' did not answer within " + bound.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting on socket '" + socket + "'", ex);
		}
	}

	private static void requireType(ManagedSocket target, String operation, ZmqSocketType... allowed) {
		for (ZmqSocketType type : allowed) {
			if (target.spec().type() == type) {
				return;
			}
		}
		throw new ZmqException(operation + " needs a " + List.of(allowed) + " socket, but '" + target.name() + "' is "
				+ target.spec().type() + "; declare a socket of " + ((allowed.length == 1) ? "that type" : "one of those types")
				+ " for it (connected to the service) and " + operation + " on that one");
	}

	// JeroMQ answers a send on a receive-only socket with a bare UnsupportedOperationException.
	private static void requireSending(ManagedSocket target) {
		ZmqSocketType type = target.spec().type();
		if (type.canSend()) {
			return;
		}
		String sender = (type == ZmqSocketType.SUB) ? "PUB (or XPUB)" : "PUSH";
		throw new ZmqException("Socket '" + target.name() + "' is a " + type + " socket, which only receives, so nothing"
				+ " can be sent on it; messages for its peers go out on a " + sender + " socket, and what '"
				+ target.name() + "' receives is read with a @ZmqListener(\"" + target.name() + "\")");
	}

	private static void requirePositive(String socket, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The timeout of a request on socket '" + socket + "' must be positive, was "
					+ timeout + "; give the time the reply may take, e.g. Duration.ofSeconds(5)");
		}
	}

}
