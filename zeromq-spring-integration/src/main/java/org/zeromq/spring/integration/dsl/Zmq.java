package org.zeromq.spring.integration.dsl;

import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.integration.ZmqChannel;
import org.zeromq.spring.integration.ZmqInboundChannelAdapter;
import org.zeromq.spring.integration.ZmqInboundGateway;
import org.zeromq.spring.integration.ZmqOutboundEndpoint;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * The Java DSL for ZeroMQ in Spring Integration: channel adapters, gateways and channels on
 * sockets declared by name (in {@code zeromq.sockets}, or the application's
 * {@code ZmqSocketRegistry}).
 * <pre class="code">
 * IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class))
 *     .transform(String::toUpperCase)
 *     .handle(Zmq.outboundChannelAdapter("results"))
 *     .get();
 * </pre>
 * Without a template or container factory, each finds the application's: the {@code ZmqTemplate}
 * bean, and the container factory {@code @ZmqListener} methods use.
 */
public final class Zmq {

	private Zmq() {
	}

	/** Receives on a PULL, SUB, XSUB, PAIR, DEALER or ROUTER socket and produces a message for each. */
	public static ZmqInboundChannelAdapterSpec inboundChannelAdapter(String socket) {
		return new ZmqInboundChannelAdapterSpec(new ZmqInboundChannelAdapter(socket));
	}

	public static ZmqInboundChannelAdapterSpec inboundChannelAdapter(DefaultZmqListenerContainerFactory containerFactory,
			String socket) {
		return new ZmqInboundChannelAdapterSpec(new ZmqInboundChannelAdapter(containerFactory, socket));
	}

	/** Sends each message on a PUSH, PUB, XPUB, PAIR, DEALER or ROUTER socket. */
	public static ZmqOutboundChannelAdapterSpec outboundChannelAdapter(String socket) {
		return new ZmqOutboundChannelAdapterSpec(new ZmqOutboundEndpoint(socket, false));
	}

	public static ZmqOutboundChannelAdapterSpec outboundChannelAdapter(ZmqTemplate template, String socket) {
		return new ZmqOutboundChannelAdapterSpec(new ZmqOutboundEndpoint(template, socket, false));
	}

	/** Serves requests on a REP or ROUTER socket with the flow; every request is answered. */
	public static ZmqInboundGatewaySpec inboundGateway(String socket) {
		return new ZmqInboundGatewaySpec(new ZmqInboundGateway(socket));
	}

	public static ZmqInboundGatewaySpec inboundGateway(DefaultZmqListenerContainerFactory containerFactory,
			String socket) {
		return new ZmqInboundGatewaySpec(new ZmqInboundGateway(containerFactory, socket));
	}

	/** Sends each message as a request on a REQ or DEALER socket and produces its reply. */
	public static ZmqOutboundGatewaySpec outboundGateway(String socket) {
		return new ZmqOutboundGatewaySpec(new ZmqOutboundEndpoint(socket, true));
	}

	public static ZmqOutboundGatewaySpec outboundGateway(ZmqTemplate template, String socket) {
		return new ZmqOutboundGatewaySpec(new ZmqOutboundEndpoint(template, socket, true));
	}

	/**
	 * A subscribable channel over two declared sockets: PUSH → PULL (point to point) or
	 * PUB → SUB (publish-subscribe).
	 */
	public static ZmqChannelSpec channel(String sendSocket, String receiveSocket) {
		return new ZmqChannelSpec(null, new ZmqChannel(sendSocket, receiveSocket));
	}

	/** {@link #channel(String, String)} registered as a bean named {@code id}. */
	public static ZmqChannelSpec channel(String id, String sendSocket, String receiveSocket) {
		return new ZmqChannelSpec(id, new ZmqChannel(sendSocket, receiveSocket));
	}

	public static ZmqChannelSpec channel(String id, ZmqTemplate template, DefaultZmqListenerContainerFactory containerFactory,
			String sendSocket, String receiveSocket) {
		return new ZmqChannelSpec(id, new ZmqChannel(template, containerFactory, sendSocket, receiveSocket));
	}

}
