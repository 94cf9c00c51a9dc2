package org.zeromq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.ZmqConnectException;

/**
 * Explains a socket that could not connect at startup, which with JeroMQ means its host name
 * did not resolve: ZeroMQ otherwise connects in the background and waits for the peer.
 */
class ZmqConnectFailureAnalyzer extends AbstractFailureAnalyzer<ZmqConnectException> {

	private final SocketProperties properties;

	ZmqConnectFailureAnalyzer(Environment environment) {
		this.properties = new SocketProperties(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqConnectException cause) {
		String property = SocketProperties.property(cause.socketName(), "connect");
		String description = "ZeroMQ socket '" + cause.socketName() + "' could not connect to " + cause.endpoint() + ": "
				+ cause.reason() + this.properties.origin(cause.socketName(), "connect") + ".";
		String action = cause.isUnknownHost()
				? "Correct the host in " + property + ", use the peer's IP address, or make the name resolvable on this"
						+ " machine (DNS, /etc/hosts). JeroMQ resolves the name when the socket connects, so it must resolve"
						+ " at startup even though the peer itself may come later."
				: "Check " + property + ": it must name the endpoint the peer binds, e.g. tcp://127.0.0.1:5555.";
		return new FailureAnalysis(description, action, cause);
	}

}
