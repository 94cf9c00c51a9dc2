package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.zeromq.spring.core.FailureLog;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.TraceContextFrame;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * Handles one received message for a listener: reads it, hands it to the listener (a method
 * invoked through spring-messaging's {@link InvocableHandlerMethod}, arguments resolved from the
 * message and the parameter as conversion hint, or a {@link ZmqMessageListener}), and works out
 * the reply or forward. A failure stays with its message: it goes to the error handler and the
 * dead-letter socket, and a replying socket still answers, so the next message is served as
 * if nothing happened. Thread-safe: every worker of a listener shares one dispatcher.
 */
final class MessageDispatcher {

	private static final Log logger = LogFactory.getLog(MessageDispatcher.class);

	private static final byte[] EMPTY = new byte[0];

	private static final List<byte[]> GENERIC_ERROR = List.of("ERROR".getBytes(StandardCharsets.US_ASCII));

	private final ListenerEndpoint endpoint;

	/** The listener as its observation wraps it, resolved once: nothing to look up or allocate per message. */
	private final ZmqMessageListener handler;

	private final FrameLayout layout;

	private final ReplyMode replyMode;

	private final ZmqSocketRegistry registry;

	private final OutboundFrames outbound;

	private final ZmqListenerErrorHandler errorHandler;

	private final ListenerSocketSettings settings;

	private final boolean traceContext;

	private final LongAdder processed = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final FailureLog failures;

	MessageDispatcher(ListenerEndpoint endpoint, ZmqMessageListener listener, ListenerObservation observation,
			ZmqSocketType declaredType, ZmqSocketRegistry registry, OutboundFrames outbound,
			ZmqListenerErrorHandler errorHandler, ListenerSocketSettings settings) {
		this(endpoint, listener, observation, declaredType, registry, outbound, errorHandler, settings, false);
	}

	/** @param traceContext whether the socket's messages may end with a trace-context frame */
	MessageDispatcher(ListenerEndpoint endpoint, ZmqMessageListener listener, ListenerObservation observation,
			ZmqSocketType declaredType, ZmqSocketRegistry registry, OutboundFrames outbound,
			ZmqListenerErrorHandler errorHandler, ListenerSocketSettings settings, boolean traceContext) {
		this.traceContext = traceContext;
		this.endpoint = endpoint;
		this.handler = observation.wrap(endpoint.id(), endpoint.socket(), listener);
		this.layout = FrameLayout.of(declaredType);
		this.replyMode = ReplyMode.of(declaredType);
		this.registry = registry;
		this.outbound = outbound;
		this.errorHandler = errorHandler;
		this.settings = settings;
		this.failures = new FailureLog(logger, "Listener '" + endpoint.id() + "' on socket '" + endpoint.socket() + "'");
	}

	/** Where this listener's own failures (replies, error handling, dead letters) are logged, rate-limited. */
	FailureLog failures() {
		return this.failures;
	}

	long processedCount() {
		return this.processed.sum();
	}

	long failedCount() {
		return this.failed.sum();
	}

	/** Handles the message; its reply or error reply, if the socket answers, goes to {@code replies}. */
	void dispatch(List<byte[]> frames, ReplyTarget replies) {
		InboundMessage message = null;
		Map<String, String> context = Map.of();
		if (this.traceContext) {
			TraceContextFrame.Split split = TraceContextFrame.split(frames);
			frames = split.frames();
			context = split.entries();
		}
		try {
			message = this.layout.parse(this.endpoint.socket(), frames);
			if (!context.isEmpty()) {
				message = message.withTraceContext(context);
			}
			respond(message, this.handler.onMessage(message), replies);
		}
		catch (Exception ex) {
			this.failed.increment();
			fail((message != null) ? message : FrameLayout.PLAIN.parse(this.endpoint.socket(), frames), message != null, ex,
					replies);
		}
	}

	// The message counts as processed once its result is converted and before its reply leaves,
	// so that a peer holding the reply sees it counted; a result that cannot be converted fails
	// the message instead.
	private void respond(InboundMessage message, @Nullable Object result, ReplyTarget replies) {
		if (this.endpoint.sendTo() != null) {
			if (result != null) {
				this.registry.socket(this.endpoint.sendTo()).send(this.outbound.of(result));
			}
			this.processed.increment();
			return;
		}
		boolean answers = (this.replyMode == ReplyMode.ALWAYS) || (this.replyMode == ReplyMode.WHEN_PRESENT && result != null);
		if (!answers) {
			this.processed.increment();
		}
		else if (result == null || OutboundFrames.isOneFrame(result)) {
			// Straight behind the envelope: no list for the one frame.
			byte[] frame = (result != null) ? this.outbound.converter().toFrame(result) : EMPTY;
			this.processed.increment();
			replies.reply(message.envelope(), frame);
		}
		else {
			List<byte[]> body = this.outbound.of(result);
			this.processed.increment();
			if (!body.isEmpty()) {
				replies.reply(message.envelope(), body);
			}
			else if (this.replyMode == ReplyMode.ALWAYS) {
				// An empty list of frames: the peer still waits for an answer.
				replies.reply(message.envelope(), EMPTY);
			}
		}
	}

	private void fail(InboundMessage message, boolean readable, Exception cause, ReplyTarget replies) {
		ListenerExecutionFailedException failure = new ListenerExecutionFailedException(this.endpoint.id(),
				this.endpoint.socket(), cause);
		deadLetter(message, failure);
		Object errorResult = null;
		try {
			errorResult = this.errorHandler.handleError(message, failure);
		}
		catch (Exception handlerFailure) {
			this.failures.record("its error handler failed", handlerFailure + " (handling " + cause + ")", handlerFailure);
		}
		// An unreadable ROUTER message has no usable envelope: there is no one to answer.
		if (this.replyMode != ReplyMode.ALWAYS || !readable) {
			return;
		}
		List<byte[]> body;
		try {
			body = (errorResult != null) ? this.outbound.of(errorResult) : errorReply(cause);
		}
		catch (RuntimeException conversionFailure) {
			this.failures.record("could not convert its error reply", conversionFailure.toString(), conversionFailure);
			body = errorReply(cause);
		}
		replies.reply(message.envelope(), body);
	}

	private List<byte[]> errorReply(Exception cause) {
		return switch (this.settings.errorReply()) {
			case ERROR -> GENERIC_ERROR;
			case EMPTY -> List.of(EMPTY);
			case MESSAGE -> List.of(("ERROR: " + cause.getMessage()).getBytes(StandardCharsets.UTF_8));
		};
	}

	private void deadLetter(InboundMessage message, ListenerExecutionFailedException failure) {
		String target = this.settings.deadLetter();
		if (target == null) {
			return;
		}
		List<byte[]> frames = new ArrayList<>(message.allFrames());
		frames.add(String.valueOf(failure.getCause()).getBytes(StandardCharsets.UTF_8));
		try {
			this.registry.socket(target).send(frames);
		}
		catch (RuntimeException ex) {
			this.failures.record("could not dead-letter a failed message to '" + target + "'", ex.getMessage(), ex);
		}
	}

	/** Whether a socket type answers the message it received. */
	enum ReplyMode {

		/** REP, ROUTER: the peer waits for exactly one reply, even an empty one. */
		ALWAYS,

		/** DEALER, PAIR: a non-null return value goes back to the peer. */
		WHEN_PRESENT,

		/** PULL, SUB, XSUB: there is no one to answer. */
		NEVER;

		static ReplyMode of(ZmqSocketType type) {
			return switch (type) {
				case REP, ROUTER -> ALWAYS;
				case DEALER, PAIR -> WHEN_PRESENT;
				default -> NEVER;
			};
		}

	}

}
