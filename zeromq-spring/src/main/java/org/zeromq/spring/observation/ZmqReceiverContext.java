package org.zeromq.spring.observation;

import io.micrometer.observation.transport.ReceiverContext;

import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.InboundMessage;

/**
 * The observation context of one message a listener handles. Its carrier is the message, whose
 * trace-context frame entries a tracing handler reads to continue the sender's trace.
 */
public final class ZmqReceiverContext extends ReceiverContext<InboundMessage> {

	private final InboundMessage message;

	private final String listenerId;

	private final ZmqSocketType socketType;

	public ZmqReceiverContext(InboundMessage message, String listenerId, ZmqSocketType socketType) {
		super((carrier, key) -> carrier.traceContext().get(key));
		setCarrier(message);
		this.message = message;
		setRemoteServiceName("zeromq");
		this.listenerId = listenerId;
		this.socketType = socketType;
	}

	/** The listener's id. */
	public String getListenerId() {
		return this.listenerId;
	}

	/** The declared socket the message arrived on. */
	public String getSocket() {
		return this.message.socket();
	}

	/** Its type. */
	public ZmqSocketType getSocketType() {
		return this.socketType;
	}

	/** The message. */
	public InboundMessage getMessage() {
		return this.message;
	}

}
