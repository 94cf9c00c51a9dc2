package org.zeromq.spring.integration;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.context.OrderlyShutdownCapable;
import org.springframework.integration.core.Pausable;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ZmqMessageListener;

/**
 * Sends every message a declared socket receives to a channel: the message-driven inbound
 * channel adapter. Any receiving socket type but REP (which must answer: use
 * {@link ZmqInboundGateway}): PULL, SUB, XSUB, PAIR, DEALER, ROUTER.
 * <p>
 * It receives on a listener container of the starter's, exactly as a {@code @ZmqListener} method
 * would: the socket's own owner thread (or {@code concurrency} threads, through the guide's
 * device for a binding PULL or ROUTER), no polling loop and no interrupts; pause and resume go
 * to the container, and stopping waits for the messages in hand, bounded by the container
 * factory's shutdown timeout ({@code zeromq.listener.shutdown-timeout}).
 * <p>
 * Each message carries the payload as the chosen payload type and the envelope as headers
 * ({@link org.zeromq.spring.core.ZmqHeaders}): {@code zmq_socket}, {@code zmq_topic} (SUB, XSUB),
 * {@code zmq_identity} (ROUTER). A failure downstream, or a message that cannot be read as the
 * payload type, goes to the error channel if there is one and is logged otherwise; either way
 * the adapter takes the next message. A ROUTER adapter acknowledges each message with an empty
 * reply, as a ROUTER listener that returns nothing does, so that REQ peers never wedge.
 */
public class ZmqInboundChannelAdapter extends MessageProducerSupport implements Pausable, OrderlyShutdownCapable {

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
	 * An adapter on the listener container factory {@code @ZmqListener} methods use (found in the
	 * application context when it initialises).
	 * @param socket the name of a socket declared in {@code zeromq.sockets}
	 */
	public ZmqInboundChannelAdapter(String socket) {
		this.socket = Objects.requireNonNull(socket, "socket");
	}

	/**
	 * @param containerFactory creates the listener container it receives on
	 * @param socket the name of a declared socket
	 */
	public ZmqInboundChannelAdapter(DefaultZmqListenerContainerFactory containerFactory, String socket) {
		this(socket);
		this.containerFactory = Objects.requireNonNull(containerFactory, "containerFactory");
	}

	/** The declared socket it receives on. */
	public String getSocket() {
		return this.socket;
	}

	/**
	 * The payload of the messages it produces: {@code byte[]} (the default), {@code String}
	 * (UTF-8), {@code List} (every payload frame of a multipart message, each a {@code byte[]}),
	 * or any other type, read by the starter's converter (JSON by default).
	 */
	public void setPayloadType(Class<?> payloadType) {
		this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
	}

	/** Threads that receive on the socket; the container factory's default (1) unless set. */
	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	@Override
	public String getComponentType() {
		return "zeromq:inbound-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		String description = describe();
		DefaultZmqListenerContainerFactory factory = (this.containerFactory != null) ? this.containerFactory
				: StarterBeans.containerFactory(getBeanFactory(), description, this.socket);
		if (factory.getSocketRegistry().isDeclared(this.socket)
				&& factory.getSocketRegistry().spec(this.socket).type() == ZmqSocketType.REP) {
			throw new EndpointConfigurationException(description, this.socket,
					"a REP socket must answer every request, and a channel adapter does not answer",
					"use an inbound gateway (Zmq.inboundGateway), or declare a PULL, SUB, DEALER or ROUTER socket", null);
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
		this.container.stop();
		super.doStop();
	}

	/** Returns at once; {@code callback} runs when the messages in hand are handled and the socket is closed. */
	@Override
	protected void doStop(Runnable callback) {
		super.doStop();
		this.container.stop(callback);
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

	/** Stops taking messages (the ones in hand finish) before Spring Integration's orderly shutdown. */
	@Override
	public int beforeShutdown() {
		this.container.stop();
		return 0;
	}

	@Override
	public int afterShutdown() {
		return 0;
	}

	private String describe() {
		String name = getComponentName();
		return (name != null) ? getComponentType() + " '" + name + "'" : getComponentType();
	}

	private final class Listener implements ZmqMessageListener {

		@Override
		public @Nullable Object onMessage(InboundMessage received) {
			Message<?> message;
			try {
				message = ZmqInboundChannelAdapter.this.mapping.toMessage(received, getMessageBuilderFactory());
			}
			catch (MessageConversionException ex) {
				if (sendErrorMessageIfNecessary(ex.getFailedMessage(), ex)) {
					return null;
				}
				throw ex;
			}
			sendMessage(message);
			return null;
		}

		@Override
		public String toString() {
			return describe();
		}

	}

}
