package org.zeromq.spring.integration;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.channel.AbstractMessageChannel;
import org.springframework.integration.dispatcher.BroadcastingDispatcher;
import org.springframework.integration.dispatcher.MessageDispatcher;
import org.springframework.integration.dispatcher.RoundRobinLoadBalancingStrategy;
import org.springframework.integration.dispatcher.UnicastingDispatcher;
import org.springframework.integration.support.management.ManageableSmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ZmqMessageListener;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * A subscribable channel whose messages travel over a pair of declared sockets: what is sent to
 * the channel goes out on the sending socket, and what the receiving socket receives goes to the
 * channel's subscribers. Over tcp two applications share the channel; over inproc, threads of
 * one application do.
 * <ul>
 * <li>PUSH → PULL: point to point, each message to one subscriber (round robin), as a
 * {@code DirectChannel};</li>
 * <li>PUB (or XPUB) → SUB (or XSUB): publish-subscribe, each message to every subscriber, as a
 * {@code PublishSubscribeChannel}; the SUB's {@code subscribe} entries filter what arrives.</li>
 * </ul>
 * Only the payload travels, as plain ZeroMQ frames ({@code byte[]} as is, {@code String} as
 * UTF-8, other objects as JSON, a {@code List} as multipart); headers stay behind, as
 * everywhere in the starter, and arrive as the envelope headers of an inbound adapter. Receiving
 * runs on a listener container of the starter's; a subscriber that fails is logged by it and does
 * not stop the channel. Sending goes through {@link ZmqTemplate} with the socket's high-water-mark
 * policy: {@code send} returns {@code false} when the socket drops the message under DROP.
 */
public class ZmqChannel extends AbstractMessageChannel implements SubscribableChannel, ManageableSmartLifecycle {

	private static final Set<ZmqSocketType> POINT_TO_POINT = EnumSet.of(ZmqSocketType.PUSH, ZmqSocketType.PULL);

	private static final Set<ZmqSocketType> SENDERS = EnumSet.of(ZmqSocketType.PUSH, ZmqSocketType.PUB,
			ZmqSocketType.XPUB);

	private static final Set<ZmqSocketType> RECEIVERS = EnumSet.of(ZmqSocketType.PULL, ZmqSocketType.SUB,
			ZmqSocketType.XSUB);

	private final String sendSocket;

	private final String receiveSocket;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private ZmqTemplate template;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private DefaultZmqListenerContainerFactory containerFactory;

	private Class<?> payloadType = byte[].class;

	private @Nullable Integer concurrency;

	private boolean autoStartup = true;

	private int phase = Integer.MAX_VALUE / 2;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private MessageDispatcher dispatcher;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private OutboundFrames outbound;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private InboundMapping mapping;

	// Set in onInit, before anything reads it.
	@SuppressWarnings("NullAway.Init")
	private DefaultZmqListenerContainer container;

	private volatile boolean running;

	/**
	 * A channel on the application's {@link ZmqTemplate} and listener container factory (found in
	 * the application context when it initialises).
	 * @param sendSocket the declared PUSH, PUB or XPUB socket messages go out on
	 * @param receiveSocket the declared PULL, SUB or XSUB socket subscribers receive from
	 */
	public ZmqChannel(String sendSocket, String receiveSocket) {
		this.sendSocket = Objects.requireNonNull(sendSocket, "sendSocket");
		this.receiveSocket = Objects.requireNonNull(receiveSocket, "receiveSocket");
	}

	public ZmqChannel(ZmqTemplate template, DefaultZmqListenerContainerFactory containerFactory, String sendSocket,
			String receiveSocket) {
		this(sendSocket, receiveSocket);
		this.template = Objects.requireNonNull(template, "template");
		this.containerFactory = Objects.requireNonNull(containerFactory, "containerFactory");
	}

	/**
	 * The payload subscribers get: {@code byte[]} (the default), {@code String}, {@code List}
	 * (every frame) or any type the converter reads (JSON by default).
	 */
	public void setPayloadType(Class<?> payloadType) {
		this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
	}

	/** Threads that receive (PULL only); the container factory's default (1) unless set. */
	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/** Starts with message producers ({@code Integer.MAX_VALUE / 2}) unless set. */
	public void setPhase(int phase) {
		this.phase = phase;
	}

	/** Whether each message goes to every subscriber (PUB/SUB) rather than to one (PUSH/PULL). */
	public boolean isPublishSubscribe() {
		return this.dispatcher instanceof BroadcastingDispatcher;
	}

	@Override
	public String getComponentType() {
		return "zeromq:channel";
	}

	@Override
	protected void onInit() {
		super.onInit();
		String description = getComponentType() + " '" + getComponentName() + "'";
		if (this.template == null) {
			this.template = StarterBeans.template(getBeanFactory(), description, this.sendSocket);
		}
		if (this.containerFactory == null) {
			this.containerFactory = StarterBeans.containerFactory(getBeanFactory(), description, this.receiveSocket);
		}
		ZmqSocketType sends = type(this.template.registry(), description, this.sendSocket);
		ZmqSocketType receives = type(this.containerFactory.getSocketRegistry(), description, this.receiveSocket);
		if (!SENDERS.contains(sends)) {
			throw new EndpointConfigurationException(description, this.sendSocket,
					"a channel sends on a PUSH, PUB or XPUB socket, not a " + sends, "declare one of " + SENDERS, null);
		}
		if (!RECEIVERS.contains(receives)) {
			throw new EndpointConfigurationException(description, this.receiveSocket,
					"a channel receives on a PULL, SUB or XSUB socket, not a " + receives, "declare one of " + RECEIVERS, null);
		}
		if (POINT_TO_POINT.contains(sends) != POINT_TO_POINT.contains(receives)) {
			throw new EndpointConfigurationException(description, this.receiveSocket,
					"a channel sends on a " + sends + " socket and receives on a " + receives
							+ ": messages from one cannot reach the other",
					"pair PUSH with PULL (point to point) or PUB with SUB (publish-subscribe)", null);
		}
		if (POINT_TO_POINT.contains(receives)) {
			UnicastingDispatcher unicasting = new UnicastingDispatcher();
			unicasting.setLoadBalancingStrategy(new RoundRobinLoadBalancingStrategy());
			this.dispatcher = unicasting;
		}
		else {
			this.dispatcher = new BroadcastingDispatcher();
		}
		this.outbound = new OutboundFrames(this.template.converter());
		this.mapping = new InboundMapping(new PayloadReader(this.payloadType, this.containerFactory.getConverter()));
		this.container = ListenerContainers.create(this.containerFactory, description, this.receiveSocket, this.concurrency,
				new Receiver(description));
	}

	private static ZmqSocketType type(ZmqSocketRegistry registry, String description, String socket) {
		try {
			return registry.spec(socket).type();
		}
		catch (UnknownSocketException ex) {
			throw new EndpointConfigurationException(description, socket, String.valueOf(ex.getMessage()),
					"declare socket '" + socket + "' (its type, and bind or connect), or name one of " + ex.declared(), ex);
		}
	}

	@Override
	protected boolean doSend(Message<?> message, long timeout) {
		List<byte[]> frames = this.outbound.of(message.getPayload());
		return (frames.size() == 1) ? this.template.send(this.sendSocket, frames.get(0))
				: this.template.sendMultipart(this.sendSocket, frames);
	}

	@Override
	public boolean subscribe(MessageHandler handler) {
		return this.dispatcher.addHandler(handler);
	}

	@Override
	public boolean unsubscribe(MessageHandler handler) {
		return this.dispatcher.removeHandler(handler);
	}

	@Override
	public void start() {
		this.container.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.container.stop();
		this.running = false;
	}

	/** Returns at once; {@code callback} runs when the messages in hand are delivered and the socket is closed. */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.container.stop(callback);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	private final class Receiver implements ZmqMessageListener {

		private final String description;

		Receiver(String description) {
			this.description = description;
		}

		@Override
		public @Nullable Object onMessage(InboundMessage received) {
			ZmqChannel.this.dispatcher.dispatch(ZmqChannel.this.mapping.toMessage(received, getMessageBuilderFactory()));
			return null;
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
