package org.zeromq.spring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.zeromq.spring.autoconfigure.ZmqProperties;

/** {@code zeromq.sockets.<name>.health.required-peers}, by socket name, for those that set it. */
final class RequiredPeers {

	private RequiredPeers() {
	}

	static Map<String, Integer> of(ZmqProperties properties) {
		Map<String, Integer> required = new LinkedHashMap<>();
		properties.getSockets().forEach((name, socket) -> {
			int peers = socket.getHealth().getRequiredPeers();
			if (peers < 0) {
				throw new IllegalArgumentException(ZmqProperties.SOCKETS_PREFIX + "." + name
						+ ".health.required-peers must be 0 or more, was " + peers + "; remove it to require no peers");
			}
			if (peers > 0) {
				required.put(name, peers);
			}
		});
		return Map.copyOf(required);
	}

}
