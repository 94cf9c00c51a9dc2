package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * One-way sends of 100 bytes over tcp on a DEALER, against the same on a PUSH. A DEALER is sent on
 * by the socket's owner thread (it also reads replies to requests), a PUSH under the socket's lock
 * on the caller's thread; the target is the starter's DEALER send at 0.8× or more of its
 * PUSH send. Raw: a DEALER (or PUSH) on the harness thread. Each receiver (a raw DEALER, or a raw
 * PULL) is its own "process" and counts what arrives, as in {@link PushPullScenario}.
 */
final class DealerOneWayScenario implements Scenario {

	static final String NAME = "DEALER one-way send vs PUSH send";

	/** The starter's send on a PUSH socket, in the contenders table against the starter's DEALER send. */
	static final String STARTER_PUSH = "starter PUSH";

	static final String RAW_PUSH = "raw PUSH";

	private final int messages;

	DealerOneWayScenario(int messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> sides() {
		return List.of("raw", "starter", STARTER_PUSH, RAW_PUSH);
	}

	@Override
	public Side open(String side) {
		boolean dealer = side.equals("raw") || side.equals("starter");
		Arrivals arrivals = new Arrivals();
		Peer receiver = receiver(dealer ? SocketType.DEALER : SocketType.PULL, arrivals);
		if (side.startsWith("raw")) {
			ZContext context = new ZContext();
			ZMQ.Socket sender = RawJeromq.connect(context, dealer ? SocketType.DEALER : SocketType.PUSH,
					receiver.endpoint());
			return new ThroughputSide(this.messages, arrivals, () -> sender.send(Payload.BYTES_100, 0), sender::close,
					context, receiver);
		}
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", dealer ? "DEALER" : "PUSH",
				"zeromq.sockets.out.connect", receiver.endpoint()), Map.of());
		ZmqTemplate template = sender.template();
		return new ThroughputSide(this.messages, arrivals, () -> template.send("out", Payload.BYTES_100), sender, receiver);
	}

	private static Peer receiver(SocketType type, Arrivals arrivals) {
		ZContext context = new ZContext();
		ZMQ.Socket socket = RawJeromq.socket(context, type);
		socket.bind(RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = socket.getLastEndpoint();
		RawLoop loop = new RawLoop("raw-" + type.name().toLowerCase(Locale.ROOT), socket, (receiving) -> {
			byte[] frame = receiving.recv(0);
			if (frame == null) {
				return false;
			}
			arrivals.arrived(frame.length);
			return true;
		});
		return new Peer(endpoint, new ClosingOrder(loop, context));
	}

}
