package org.zeromq.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.ZmqSocketType;

/** Turns {@code zeromq.sockets.*} into the immutable {@link SocketSpec}s the core works with. */
final class SocketSpecs {

	private SocketSpecs() {
	}

	static List<SocketSpec> from(ZmqProperties properties) {
		List<SocketSpec> specs = new ArrayList<>();
		List<SpecViolation> unknownTypes = new ArrayList<>();
		for (Map.Entry<String, ZmqProperties.Socket> entry : properties.getSockets().entrySet()) {
			String name = entry.getKey();
			ZmqProperties.Socket socket = entry.getValue();
			ZmqSocketType.fromName(socket.getType()).ifPresentOrElse(
					(type) -> specs.add(toSpec(name, type, socket)),
					() -> unknownTypes.add(unknownType(name, socket.getType())));
		}
		if (!unknownTypes.isEmpty()) {
			throw new InvalidSocketSpecException(unknownTypes);
		}
		return specs;
	}

	private static SpecViolation unknownType(String name, String type) {
		String property = ZmqProperties.SOCKETS_PREFIX + "." + name + ".type";
		String problem = (type == null || type.isBlank()) ? "no socket type given" : "unknown socket type '" + type + "'";
		return new SpecViolation(property, problem, "use one of " + ZmqSocketType.names());
	}

	private static SocketSpec toSpec(String name, ZmqSocketType type, ZmqProperties.Socket socket) {
		SocketOptions options = SocketOptions.builder()
			.sendHwm(socket.getSendHwm())
			.receiveHwm(socket.getReceiveHwm())
			.linger(socket.getLinger())
			.identity(socket.getIdentity())
			.sendTimeout(socket.getSendTimeout())
			.receiveTimeout(socket.getReceiveTimeout())
			.reconnectInterval(socket.getReconnectInterval())
			.reconnectIntervalMax(socket.getReconnectIntervalMax())
			.heartbeatInterval(socket.getHeartbeatInterval())
			.heartbeatTtl(socket.getHeartbeatTtl())
			.heartbeatTimeout(socket.getHeartbeatTimeout())
			.immediate(socket.getImmediate())
			.conflate(socket.getConflate())
			.routerMandatory(socket.getRouterMandatory())
			.xpubNodrop(socket.getXpubNodrop())
			.xpubVerbose(socket.getXpubVerbose())
			.reqRelaxed(socket.getReqRelaxed())
			.reqCorrelate(socket.getReqCorrelate())
			.maxMessageSize(socket.getMaxMessageSize())
			.tcpKeepalive(socket.getTcpKeepalive())
			.ipv6(socket.getIpv6())
			.backlog(socket.getBacklog())
			.build();
		return new SocketSpec(name, type, socket.getBind(), socket.getConnect(), socket.getSubscribe(), options,
				socket.getHwmPolicy());
	}

}
