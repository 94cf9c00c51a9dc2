package org.zeromq.spring.autoconfigure.integration;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.util.StringUtils;
import org.zeromq.spring.autoconfigure.ZmqProperties;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.dsl.ZmqInboundChannelAdapterSpec;
import org.zeromq.spring.integration.dsl.ZmqInboundGatewaySpec;
import org.zeromq.spring.integration.dsl.ZmqOutboundChannelAdapterSpec;
import org.zeromq.spring.integration.dsl.ZmqOutboundEndpointSpec;
import org.zeromq.spring.integration.dsl.ZmqOutboundGatewaySpec;

/**
 * The bridges of {@code zeromq.integration.inbound.*} and {@code zeromq.integration.outbound.*}
 * as the flows a user would write with the {@code Zmq} DSL, checked against the sockets they
 * name before anything is created: a bridge that cannot work fails startup naming its property.
 */
final class IntegrationBridges {

	static final String INBOUND = ZmqProperties.PREFIX + ".integration.inbound";

	static final String OUTBOUND = ZmqProperties.PREFIX + ".integration.outbound";

	private static final Set<ZmqSocketType> RECEIVING = EnumSet.of(ZmqSocketType.PULL, ZmqSocketType.SUB,
			ZmqSocketType.XSUB, ZmqSocketType.PAIR, ZmqSocketType.DEALER, ZmqSocketType.ROUTER, ZmqSocketType.REP);

	private static final Set<ZmqSocketType> SENDING = EnumSet.of(ZmqSocketType.PUSH, ZmqSocketType.PUB,
			ZmqSocketType.XPUB, ZmqSocketType.PAIR, ZmqSocketType.DEALER, ZmqSocketType.ROUTER);

	private final ZmqProperties properties;

	IntegrationBridges(ZmqProperties properties) {
		this.properties = properties;
	}

	/** Whether any bridge is declared. */
	boolean isEmpty() {
		return this.properties.getIntegration().getInbound().isEmpty()
				&& this.properties.getIntegration().getOutbound().isEmpty();
	}

	/**
	 * The flow of each bridge by bean name, in declaration order, inbound first.
	 * @throws IntegrationBridgeException for the first bridge that cannot work as declared
	 */
	Map<String, Supplier<IntegrationFlow>> flows() {
		Map<String, Supplier<IntegrationFlow>> flows = new LinkedHashMap<>();
		this.properties.getIntegration().getInbound().forEach((socket, bridge) -> flows.put(INBOUND + "." + socket,
				inbound(socket, bridge)));
		this.properties.getIntegration().getOutbound().forEach((socket, bridge) -> flows.put(OUTBOUND + "." + socket,
				outbound(socket, bridge)));
		return flows;
	}

	/** The channel each inbound bridge sends to, by the property that names it. */
	Map<String, String> inboundChannels() {
		Map<String, String> channels = new LinkedHashMap<>();
		// A bridge without a channel has already stopped startup (flows() requires one).
		this.properties.getIntegration().getInbound().forEach((socket, bridge) -> {
			if (bridge.getChannel() != null) {
				channels.put(INBOUND + "." + socket + ".channel", bridge.getChannel());
			}
		});
		return channels;
	}

	private Supplier<IntegrationFlow> inbound(String socket, ZmqProperties.InboundBridge bridge) {
		String property = INBOUND + "." + socket;
		ZmqSocketType type = declaredType(property, socket);
		String channel = required(property, "channel", bridge.getChannel(), "the name of the channel the messages go to");
		if (this.properties.getIntegration().getOutbound().containsKey(socket)) {
			throw new IntegrationBridgeException(property,
					"socket '" + socket + "' is bridged both ways, and the inbound bridge owns its thread",
					"declare a second socket for " + OUTBOUND);
		}
		if (type != null && !RECEIVING.contains(type)) {
			throw new IntegrationBridgeException(property, "a " + type + " socket cannot receive messages",
					(type == ZmqSocketType.REQ) ? "send requests with " + OUTBOUND + "." + socket + " and a reply-channel"
							: "bridge it under " + OUTBOUND + ", or declare one of " + RECEIVING);
		}
		boolean gateway = type == ZmqSocketType.REP || (type == ZmqSocketType.ROUTER && !Boolean.FALSE.equals(bridge.getExpectReply()));
		if (bridge.getExpectReply() != null && type != ZmqSocketType.ROUTER) {
			throw new IntegrationBridgeException(property + ".expect-reply",
					"applies to ROUTER sockets only, and '" + socket + "' is a " + type,
					(type == ZmqSocketType.REP) ? "remove it: a REP socket always answers" : "remove it");
		}
		if (bridge.getReplyTimeout() != null && !gateway) {
			throw new IntegrationBridgeException(property + ".reply-timeout",
					"applies to bridges that answer (REP, and ROUTER unless expect-reply is false)", "remove it");
		}
		if (gateway) {
			return () -> {
				ZmqInboundGatewaySpec spec = Zmq.inboundGateway(socket)
					.id(property + ".gateway")
					.payloadType(bridge.getPayloadType())
					.autoStartup(bridge.isAutoStartup());
				if (bridge.getConcurrency() != null) {
					spec.concurrency(bridge.getConcurrency());
				}
				if (StringUtils.hasText(bridge.getErrorChannel())) {
					spec.errorChannel(bridge.getErrorChannel());
				}
				if (bridge.getReplyTimeout() != null) {
					spec.replyTimeout(bridge.getReplyTimeout());
				}
				return IntegrationFlow.from(spec).channel(channel).get();
			};
		}
		return () -> {
			ZmqInboundChannelAdapterSpec spec = Zmq.inboundChannelAdapter(socket)
				.id(property + ".adapter")
				.payloadType(bridge.getPayloadType())
				.autoStartup(bridge.isAutoStartup());
			if (bridge.getConcurrency() != null) {
				spec.concurrency(bridge.getConcurrency());
			}
			if (StringUtils.hasText(bridge.getErrorChannel())) {
				spec.errorChannel(bridge.getErrorChannel());
			}
			return IntegrationFlow.from(spec).channel(channel).get();
		};
	}

	private Supplier<IntegrationFlow> outbound(String socket, ZmqProperties.OutboundBridge bridge) {
		String property = OUTBOUND + "." + socket;
		ZmqSocketType type = declaredType(property, socket);
		String channel = required(property, "channel", bridge.getChannel(), "the name of the channel whose messages are sent");
		boolean gateway = StringUtils.hasText(bridge.getReplyChannel());
		if (gateway && type != null && type != ZmqSocketType.REQ && type != ZmqSocketType.DEALER) {
			throw new IntegrationBridgeException(property + ".reply-channel",
					"replies come from REQ and DEALER sockets, and '" + socket + "' is a " + type,
					"remove it to send one-way, or declare a REQ or DEALER socket");
		}
		if (!gateway && type == ZmqSocketType.REQ) {
			throw new IntegrationBridgeException(property, "a REQ socket must read the reply of each request",
					"set " + property + ".reply-channel to the channel the replies go to");
		}
		if (!gateway && type != null && !SENDING.contains(type)) {
			throw new IntegrationBridgeException(property, "a " + type + " socket cannot send messages of its own",
					"bridge it under " + INBOUND + ", or declare one of " + SENDING);
		}
		if (StringUtils.hasText(bridge.getTopic()) && StringUtils.hasText(bridge.getTopicExpression())) {
			throw new IntegrationBridgeException(property + ".topic", "is set together with topic-expression",
					"keep one: topic for the same topic on every message, topic-expression to compute it");
		}
		if (bridge.isAsync() && !(gateway && type == ZmqSocketType.DEALER)) {
			throw new IntegrationBridgeException(property + ".async", "applies to DEALER gateways (a DEALER with a reply-channel)",
					"remove it, or declare a DEALER socket with a reply-channel");
		}
		if (!gateway && bridge.getReplyTimeout() != null) {
			throw new IntegrationBridgeException(property + ".reply-timeout", "applies to gateways (a reply-channel is set)",
					"remove it, or set the reply-channel");
		}
		if (!gateway && bridge.getReplyPayloadType() != null) {
			throw new IntegrationBridgeException(property + ".reply-payload-type",
					"applies to gateways (a reply-channel is set)", "remove it, or set the reply-channel");
		}
		if (gateway) {
			String replyChannel = required(property, "reply-channel", bridge.getReplyChannel(),
					"the channel the replies go to");
			return () -> {
				ZmqOutboundGatewaySpec spec = Zmq.outboundGateway(socket)
					.replyPayloadType((bridge.getReplyPayloadType() != null) ? bridge.getReplyPayloadType() : byte[].class)
					.async(bridge.isAsync());
				topic(bridge, spec);
				if (bridge.getReplyTimeout() != null) {
					spec.replyTimeout(bridge.getReplyTimeout());
				}
				return IntegrationFlow.from(channel)
					.handle(spec, (endpoint) -> endpoint.id(property + ".gateway").autoStartup(bridge.isAutoStartup()))
					.channel(replyChannel)
					.get();
			};
		}
		return () -> {
			ZmqOutboundChannelAdapterSpec spec = Zmq.outboundChannelAdapter(socket);
			topic(bridge, spec);
			return IntegrationFlow.from(channel)
				.handle(spec, (endpoint) -> endpoint.id(property + ".adapter").autoStartup(bridge.isAutoStartup()))
				.get();
		};
	}

	private static void topic(ZmqProperties.OutboundBridge bridge, ZmqOutboundEndpointSpec<?> spec) {
		if (StringUtils.hasText(bridge.getTopic())) {
			spec.topic(bridge.getTopic());
		}
		else if (StringUtils.hasText(bridge.getTopicExpression())) {
			spec.topicExpression(bridge.getTopicExpression());
		}
	}

	// The declared type, or null when the socket has none: the socket's own validation reports that.
	private @Nullable ZmqSocketType declaredType(String property, String socket) {
		ZmqProperties.Socket declared = this.properties.getSockets().get(socket);
		if (declared == null) {
			throw new IntegrationBridgeException(property, "no socket '" + socket + "' is declared",
					"declare it under " + ZmqProperties.SOCKETS_PREFIX + "." + socket
							+ " (its type, and bind or connect), or bridge one of the declared sockets: "
							+ this.properties.getSockets().keySet());
		}
		return declared.getType();
	}

	private static String required(String property, String key, @Nullable String value, String meaning) {
		if (!StringUtils.hasText(value)) {
			throw new IntegrationBridgeException(property + "." + key, "is required", "set it to " + meaning);
		}
		return value;
	}

}
