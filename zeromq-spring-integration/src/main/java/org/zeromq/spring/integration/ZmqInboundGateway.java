package org.zeromq.spring.integration;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.core.Pausable;
import org.springframework.integration.gateway.MessagingGatewaySupport;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ZmqMessageListener;

/**
 * Serves requests on a declared REP or ROUTER socket with a flow: each request goes to the
 * request channel, and the flow's reply goes back to the peer that asked (a ROUTER reply is
 * routed back by the request's envelope).
 * <p>
 * It always answers, so a REQ client never wedges: when the flow fails (and no error channel
 * turns the failure into a reply), or gives no reply within the reply timeout, the peer gets the
 * socket's error reply ({@code zeromq.sockets.<name>.error-reply}: one frame {@code ERROR} by
 * default, {@code ERROR: <message>} with {@code message}, or an empty frame), as a failing
 * {@code @ZmqListener} would. A reply payload that is a
 * {@code List} goes out as one frame per element.
 * <p>
 * It receives on a listener container of the starter's: {@code concurrency} above 1 on a binding
 * socket serves requests on several threads through the guide's device, pause and resume go to
 * the container, and stopping lets the requests in hand be answered, bounded by the container
 * factory's shutdown timeout. It starts and stops in Spring Integration's producer phase
 * ({@link #PRODUCER_PHASE}) unless {@code setPhase} says otherwise, before the flow it feeds stops.
 */
public class ZmqInboundGateway extends MessagingGatewaySupport implements Pausable {

	/** The phase it starts late and stops early in unless set: Spring Integration's producers' ({@code Integer.MAX_VALUE / 2}). */
	public static final int PRODUCER_PHASE = Integer.MAX_VALUE / 2;

	private final String socket;

	private @Nullable DefaultZmqListenerContainerFactory containerFactory;

	private Class<?> payloadType = byte[].class;

	private @Nullable Integer concurrency;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private DefaultZmqListenerContainer container;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private InboundMapping mapping;

	/**
	 * A gateway on the listener container factory {@code @ZmqListener} methods use (found in the
	 * application context when it initialises).
	 * @param socket the name of a REP or ROUTER socket declared in {@code zeromq.sockets}
	 */
	public ZmqInboundGateway(String socket) {
		this.socket = Objects.requireNonNull(socket, "socket");
		// Spring Integration's producer phase, as the inbound adapter and the channel: the gateway
		// stops, and answers the requests in hand, in a phase of its own before the flows'. In the
		// flows' phase (0, MessagingGatewaySupport's default) Spring's lifecycle processor does not
		// wait for it: a flow bean stops its components as its dependents, and the stop of one in
		// another phase counts down that phase's latch for the gateway's, so the phase ends, and the
		// sockets and the ZeroMQ context close, while the gateway still answers (ETERM).
		setPhase(PRODUCER_PHASE);
	}

	/**
	 * @param containerFactory creates the listener container it receives on
	 * @param socket the name of a declared REP or ROUTER socket
	 */
	public ZmqInboundGateway(DefaultZmqListenerContainerFactory containerFactory, String socket) {
		this(socket);
		this.containerFactory = Objects.requireNonNull(containerFactory, "containerFactory");
	}

	/** The declared socket it serves. */
	public String getSocket() {
		return this.socket;
	}

	/**
	 * The payload of the request messages: {@code byte[]} (the default), {@code String} (UTF-8),
	 * {@code List} (every payload frame, each a {@code byte[]}), or any other type, read by the
	 * starter's converter (JSON by default).
	 */
	public void setPayloadType(Class<?> payloadType) {
		this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
	}

	/** Threads that serve the socket; the container factory's default (1) unless set. */
	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	@Override
	public String getComponentType() {
		return "zeromq:inbound-gateway";
	}

	@Override
	protected void onInit() {
		super.onInit();
		String description = describe();
		DefaultZmqListenerContainerFactory factory = (this.containerFactory != null) ? this.containerFactory
				: StarterBeans.containerFactory(getBeanFactory(), description, this.socket);
		if (factory.getSocketRegistry().isDeclared(this.socket)) {
			ZmqSocketType type = factory.getSocketRegistry().spec(this.socket).type();
			if (type != ZmqSocketType.REP && type != ZmqSocketType.ROUTER) {
				throw new EndpointConfigurationException(description, this.socket,
						"an inbound gateway answers requests, and a " + type + " socket cannot",
						"declare a REP or ROUTER socket, or use an inbound channel adapter (Zmq.inboundChannelAdapter)", null);
			}
		}
		this.mapping = new InboundMapping(new PayloadReader(this.payloadType, factory.getConverter()));
		this.container = ListenerContainers.create(factory, description, this.socket, this.concurrency, new Listener());
	}

	@Override
	protected void doStart() {
		super.doStart();
		this.container.start();
	}

	@Override
	protected void doStop() {
		// Requests in hand are answered first; only then may the reply correlator go.
		this.container.stop();
		super.doStop();
	}

	/** Returns at once; {@code callback} runs when the requests in hand are answered and the socket is closed. */
	@Override
	protected void doStop(Runnable callback) {
		this.container.stop(() -> {
			super.doStop();
			callback.run();
		});
	}

	@Override
	public void pause() {
		this.container.pause();
	}

	@Override
	public void resume() {
		this.container.resume();
	}

	@Override
	public boolean isPaused() {
		return this.container != null && this.container.isPaused();
	}

	private String describe() {
		String name = getComponentName();
		return (name != null) ? getComponentType() + " '" + name + "'" : getComponentType();
	}

	private final class Listener implements ZmqMessageListener {

		@Override
		public @Nullable Object onMessage(InboundMessage received) {
			Message<?> request = ZmqInboundGateway.this.mapping.toMessage(received, getMessageBuilderFactory());
			Message<?> reply;
			try {
				reply = sendAndReceiveMessage(request);
			}
			catch (MessagingException ex) {
				throw withReason(request, ex);
			}
			if (reply == null) {
				// The container answers with the socket's error reply: the client must hear something.
				throw new MessageTimeoutException(request, "No reply from the flow within the gateway's reply timeout");
			}
			return reply.getPayload();
		}

		@Override
		public String toString() {
			return describe();
		}

		// The error reply quotes the exception's message: the application's reason for failing,
		// not the flow component that wrapped it (which the log still shows, as the cause).
		private static RuntimeException withReason(Message<?> request, MessagingException failure) {
			Throwable reason = failure;
			while (reason instanceof MessagingException && reason.getCause() != null) {
				reason = reason.getCause();
			}
			return (reason != failure) ? new MessageHandlingException(request, String.valueOf(reason.getMessage()), failure) : failure;
		}

	}

}
