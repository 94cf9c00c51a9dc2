package org.zeromq.spring.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.integration.IntegrationPatternType;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.expression.ExpressionUtils;
import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.integration.support.management.ManageableLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.zeromq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ZmqContainerProperties;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * Sends messages on a declared socket: the outbound channel adapter, and, when it expects
 * replies, the outbound gateway (as Spring Integration's Kafka and AMQP handlers are both).
 * Everything goes through {@link ZmqTemplate}, on the same paths as the application's own sends:
 * the socket's high-water-mark policy and send-timeout, and the starter's payload conversion.
 * <p>
 * <b>Frames.</b> The payload is one frame ({@code byte[]} as is, {@code String} as UTF-8, other
 * objects through the converter, JSON by default), or one frame per element of a {@code List}
 * payload. A topic frame goes first when the topic expression gives one, or, on a PUB or XPUB
 * socket without an expression, when the message has a {@link ZmqHeaders#TOPIC} header. A ROUTER
 * sends to the peer that {@link ZmqHeaders#IDENTITY} (or the identity expression) names, as
 * {@code [identity][""][payload…]}.
 * <p>
 * <b>Adapter</b> (PUSH, PUB, XPUB, PAIR, DEALER, ROUTER): a send the socket refuses (full at its
 * high-water mark under {@code hwm-policy} BLOCK or FAIL, an unroutable ROUTER message) fails the
 * message with a {@link MessageHandlingException}, to the caller or the error channel; under DROP
 * the socket drops and counts it, as configured.
 * <p>
 * <b>Gateway</b> (REQ, DEALER): each message is a request whose reply is the output, read as the
 * reply payload type; no reply within the reply timeout fails the message with a
 * {@link MessageTimeoutException}. On a DEALER it may be {@link #setAsync(boolean) async}: many
 * requests in flight on the one socket, each matched to its reply by a correlation envelope any
 * REP or ROUTER peer echoes back, the output produced when the reply arrives (on the socket's
 * thread: keep what follows short, or hand it to an executor channel).
 * <p>
 * Stopping waits for requests in flight (bounded by the shutdown timeout) before the template and
 * the sockets close.
 */
public class ZmqOutboundEndpoint extends AbstractReplyProducingMessageHandler implements ManageableLifecycle {

	private static final byte[] DELIMITER = new byte[0];

	private static final Set<ZmqSocketType> ADAPTER_TYPES = EnumSet.of(ZmqSocketType.PUSH, ZmqSocketType.PUB,
			ZmqSocketType.XPUB, ZmqSocketType.PAIR, ZmqSocketType.DEALER, ZmqSocketType.ROUTER);

	private static final Set<ZmqSocketType> GATEWAY_TYPES = EnumSet.of(ZmqSocketType.REQ, ZmqSocketType.DEALER);

	private final String socket;

	private final boolean expectReply;

	private final Object inFlightLock = new Object();

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private ZmqTemplate template;

	private @Nullable Expression topicExpression;

	private @Nullable Expression identityExpression;

	private Class<?> replyPayloadType = byte[].class;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private Duration replyTimeout;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private Duration shutdownTimeout;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private ZmqSocketType type;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private OutboundFrames outbound;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private PayloadReader replyReader;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private EvaluationContext evaluationContext;

	// Guarded by inFlightLock.
	private int inFlight;

	private volatile boolean running;

	/**
	 * An endpoint on the application's {@link ZmqTemplate} (found in the application context
	 * when it initialises).
	 * @param socket the name of a socket declared in {@code zeromq.sockets}
	 * @param expectReply {@code true} for a gateway (REQ or DEALER), {@code false} for an adapter
	 */
	public ZmqOutboundEndpoint(String socket, boolean expectReply) {
		this.socket = Objects.requireNonNull(socket, "socket");
		this.expectReply = expectReply;
		setRequiresReply(expectReply);
	}

	/**
	 * @param template sends on the declared sockets
	 * @param socket the name of a declared socket
	 * @param expectReply {@code true} for a gateway (REQ or DEALER), {@code false} for an adapter
	 */
	public ZmqOutboundEndpoint(ZmqTemplate template, String socket, boolean expectReply) {
		this(socket, expectReply);
		this.template = Objects.requireNonNull(template, "template");
	}

	/** The declared socket it sends on. */
	public String getSocket() {
		return this.socket;
	}

	/** Whether it is a gateway. */
	public boolean isExpectReply() {
		return this.expectReply;
	}

	/**
	 * The topic frame sent before the payload, evaluated against each message (text or
	 * {@code byte[]}); {@code null} from the expression sends no topic frame. Without one, PUB
	 * and XPUB sockets take the {@link ZmqHeaders#TOPIC} header when a message has it.
	 */
	public void setTopicExpression(Expression topicExpression) {
		this.topicExpression = topicExpression;
	}

	/**
	 * The routing identity a ROUTER sends each message to, evaluated against it (text or
	 * {@code byte[]}); the {@link ZmqHeaders#IDENTITY} header by default.
	 */
	public void setIdentityExpression(Expression identityExpression) {
		this.identityExpression = identityExpression;
	}

	/**
	 * Gateway: the payload type of replies, {@code byte[]} (the default), {@code String},
	 * {@code List} (every reply frame) or any type the converter reads (JSON by default).
	 */
	public void setReplyPayloadType(Class<?> replyPayloadType) {
		this.replyPayloadType = Objects.requireNonNull(replyPayloadType, "replyPayloadType");
	}

	/**
	 * Gateway: how long a request waits for its reply; Spring Integration's endpoint default
	 * ({@code spring.integration.endpoints.defaultTimeout}, 30 s) unless set.
	 */
	public void setReplyTimeout(Duration replyTimeout) {
		this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
	}

	/**
	 * How long {@link #stop()} waits for requests in flight; the listener containers' shutdown
	 * timeout ({@code zeromq.listener.shutdown-timeout}) unless set.
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
	}

	@Override
	public String getComponentType() {
		return this.expectReply ? "zeromq:outbound-gateway" : "zeromq:outbound-channel-adapter";
	}

	@Override
	public IntegrationPatternType getIntegrationPatternType() {
		return this.expectReply ? IntegrationPatternType.outbound_gateway : IntegrationPatternType.outbound_channel_adapter;
	}

	@Override
	protected void doInit() {
		super.doInit();
		String description = describe();
		BeanFactory beanFactory = getBeanFactory();
		if (this.template == null) {
			this.template = StarterBeans.template(beanFactory, description, this.socket);
		}
		SocketSpec spec;
		try {
			spec = this.template.registry().spec(this.socket);
		}
		catch (UnknownSocketException ex) {
			throw new EndpointConfigurationException(description, this.socket, String.valueOf(ex.getMessage()),
					"declare socket '" + this.socket + "' (its type, and bind or connect), or name one of " + ex.declared(), ex);
		}
		this.type = spec.type();
		checkType(description);
		this.outbound = new OutboundFrames(this.template.converter());
		this.replyReader = new PayloadReader(this.replyPayloadType, this.template.converter());
		this.evaluationContext = ExpressionUtils.createStandardEvaluationContext(beanFactory);
		if (this.replyTimeout == null) {
			this.replyTimeout = Duration.ofMillis(getIntegrationProperties().getEndpointsDefaultTimeout());
		}
		if (this.shutdownTimeout == null) {
			this.shutdownTimeout = listenerShutdownTimeout(beanFactory);
		}
	}

	private void checkType(String description) {
		if (this.expectReply && !GATEWAY_TYPES.contains(this.type)) {
			throw new EndpointConfigurationException(description, this.socket,
					"an outbound gateway sends requests and reads their replies, and a " + this.type + " socket cannot",
					"declare a REQ or DEALER socket, or use an outbound channel adapter (Zmq.outboundChannelAdapter)", null);
		}
		if (!this.expectReply && this.type == ZmqSocketType.REQ) {
			throw new EndpointConfigurationException(description, this.socket,
					"a REQ socket must read the reply of each request before it sends the next one",
					"use an outbound gateway (Zmq.outboundGateway), or declare a PUSH or DEALER socket", null);
		}
		if (!this.expectReply && !ADAPTER_TYPES.contains(this.type)) {
			throw new EndpointConfigurationException(description, this.socket,
					"an outbound channel adapter sends, and a " + this.type + " socket "
							+ ((this.type == ZmqSocketType.REP) ? "only answers requests" : "only receives"),
					"declare one of " + ADAPTER_TYPES + ((this.type == ZmqSocketType.REP)
							? ", or answer requests with an inbound gateway (Zmq.inboundGateway)" : ""), null);
		}
		if (isAsync() && this.type != ZmqSocketType.DEALER) {
			throw new EndpointConfigurationException(description, this.socket,
					"async requests need a DEALER socket (a " + this.type + " has one request out at a time)",
					"declare a DEALER socket, or remove async", null);
		}
	}

	@Override
	protected @Nullable Object handleRequestMessage(Message<?> requestMessage) {
		if (!this.expectReply) {
			send(requestMessage);
			return null;
		}
		List<byte[]> frames = frames(requestMessage);
		begin();
		if (isAsync()) {
			try {
				// Done once Spring Integration has sent the reply on, not when it arrived: see DispatchedReply.
				DispatchedReply<Object> result = new DispatchedReply<>(this::end);
				this.template.requestFramesAsync(this.socket, frames, this.replyTimeout).whenComplete((reply, failure) -> {
					try {
						result.complete(reply(requestMessage, reply, failure));
					}
					catch (RuntimeException | Error ex) {
						result.completeExceptionally(new CompletionException(ex));
					}
				});
				return result;
			}
			catch (RuntimeException ex) {
				end();
				throw ex;
			}
		}
		try {
			return this.replyReader.read(this.template.requestFrames(this.socket, frames, this.replyTimeout));
		}
		catch (ZmqRequestTimeoutException ex) {
			throw timeout(requestMessage, ex);
		}
		finally {
			end();
		}
	}

	private void send(Message<?> message) {
		// false: dropped at the high-water mark under hwm-policy DROP, which the socket counts
		byte[] identity = (this.type == ZmqSocketType.ROUTER) ? identity(message) : null;
		byte[] topic = topic(message);
		Object payload = message.getPayload();
		if (identity == null && topic == null && (payload instanceof byte[] || payload instanceof String)) {
			// One frame, made by the template as for any send of its own: no frame list built here
			// first (the sending thread's profile showed that list and its type checks).
			this.template.send(this.socket, payload);
			return;
		}
		List<byte[]> frames = frames(identity, topic, payload);
		if (frames.size() == 1) {
			this.template.send(this.socket, frames.get(0));
		}
		else {
			this.template.sendMultipart(this.socket, frames);
		}
	}

	private Object reply(Message<?> request, List<byte[]> reply, Throwable failure) {
		if (failure == null) {
			return this.replyReader.read(reply);
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
		if (cause instanceof ZmqRequestTimeoutException timeout) {
			throw timeout(request, timeout);
		}
		throw (cause instanceof RuntimeException runtime) ? runtime : new MessageHandlingException(request, cause);
	}

	private MessageTimeoutException timeout(Message<?> request, ZmqRequestTimeoutException cause) {
		return new MessageTimeoutException(request, describe() + " got no reply on socket '" + this.socket + "' within "
				+ this.replyTimeout.toMillis() + " ms", cause);
	}

	private List<byte[]> frames(Message<?> message) {
		byte[] identity = (this.type == ZmqSocketType.ROUTER) ? identity(message) : null;
		return frames(identity, topic(message), message.getPayload());
	}

	private List<byte[]> frames(byte @Nullable [] identity, byte @Nullable [] topic, Object value) {
		List<byte[]> payload = this.outbound.of(value);
		if (identity == null && topic == null) {
			return payload;
		}
		List<byte[]> frames = new ArrayList<>(payload.size() + 3);
		if (identity != null) {
			frames.add(identity);
			frames.add(DELIMITER);
		}
		if (topic != null) {
			frames.add(topic);
		}
		frames.addAll(payload);
		return frames;
	}

	private byte @Nullable [] topic(Message<?> message) {
		Object topic;
		if (this.topicExpression != null) {
			topic = this.topicExpression.getValue(this.evaluationContext, message);
		}
		else if (this.type == ZmqSocketType.PUB || this.type == ZmqSocketType.XPUB) {
			topic = message.getHeaders().get(ZmqHeaders.TOPIC);
		}
		else {
			return null;
		}
		return (topic != null) ? bytes(topic) : null;
	}

	private byte @Nullable [] identity(Message<?> message) {
		Object identity = (this.identityExpression != null) ? this.identityExpression.getValue(this.evaluationContext, message)
				: message.getHeaders().get(ZmqHeaders.IDENTITY);
		if (identity == null) {
			throw new MessageHandlingException(message, describe() + ": a ROUTER sends to the peer its routing identity names, "
					+ "and this message has none; set the " + ZmqHeaders.IDENTITY
					+ " header (an inbound ROUTER adapter sets it), or an identity expression");
		}
		return bytes(identity);
	}

	private byte[] bytes(Object value) {
		return (value instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : this.template.converter().toFrame(value);
	}

	private String describe() {
		String name = getComponentName();
		return (name != null) ? getComponentType() + " '" + name + "'" : getComponentType();
	}

	private static Duration listenerShutdownTimeout(BeanFactory beanFactory) {
		String name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME;
		if (beanFactory != null && beanFactory.containsBean(name)
				&& beanFactory.isTypeMatch(name, DefaultZmqListenerContainerFactory.class)) {
			return beanFactory.getBean(name, DefaultZmqListenerContainerFactory.class).getContainerProperties()
				.getShutdownTimeout();
		}
		return ZmqContainerProperties.DEFAULT_SHUTDOWN_TIMEOUT;
	}

	private void begin() {
		synchronized (this.inFlightLock) {
			this.inFlight++;
		}
	}

	private void end() {
		synchronized (this.inFlightLock) {
			if (--this.inFlight == 0) {
				this.inFlightLock.notifyAll();
			}
		}
	}

	/** Requests sent that have no reply (or failure) yet. */
	public int getRequestsInFlight() {
		synchronized (this.inFlightLock) {
			return this.inFlight;
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Waits for the requests in flight to be answered or to fail, and (async) for their replies
	 * to be sent on, bounded by the shutdown timeout, so that the replies of requests already
	 * sent are not lost to the template's close or to the application's stop.
	 */
	@Override
	public void stop() {
		this.running = false;
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		synchronized (this.inFlightLock) {
			while (this.inFlight > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					logger.warn(() -> describe() + " stops with " + this.inFlight + " request(s) still waiting for a reply after "
							+ this.shutdownTimeout.toMillis() + " ms");
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.inFlightLock, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
