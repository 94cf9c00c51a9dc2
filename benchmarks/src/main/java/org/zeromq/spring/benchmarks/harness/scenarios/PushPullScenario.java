package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

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
 * PUSH → PULL, one-way, as fast as the pipe goes. Raw: a PUSH socket on the harness thread and a
 * receive loop on a PULL socket. Starter: {@code ZmqTemplate.send} and a {@code @ZmqListener}.
 * Over tcp the sender and the receiver are separate applications (two contexts, as two processes
 * would have); over inproc they must share one.
 */
final class PushPullScenario implements Scenario {

	/** Which parts of the starter side are the starter's. */
	enum Path {

		TEMPLATE_TO_LISTENER("ZmqTemplate → @ZmqListener"),

		TEMPLATE_TO_RAW("ZmqTemplate → raw PULL"),

		RAW_TO_LISTENER("raw PUSH → @ZmqListener");

		private final String label;

		Path(String label) {
			this.label = label;
		}

	}

	private final boolean tcp;

	private final Payload payload;

	private final Path path;

	private final int messages;

	private final JsonMapper mapper = JsonMapper.builder().build();

	PushPullScenario(boolean tcp, Payload payload, Path path, int messages) {
		this.tcp = tcp;
		this.payload = payload;
		this.path = path;
		this.messages = messages;
	}

	@Override
	public String name() {
		String base = "PUSH→PULL " + (this.tcp ? "tcp" : "inproc") + " " + this.payload.label();
		return (this.path == Path.TEMPLATE_TO_LISTENER) ? base : base + ", " + this.path.label;
	}

	@Override
	public Side open(String side) {
		if (side.equals("raw")) {
			return this.tcp ? rawTcp() : rawInproc();
		}
		if (!this.tcp) {
			return starterInproc();
		}
		return switch (this.path) {
			case TEMPLATE_TO_LISTENER -> starterTcp();
			case TEMPLATE_TO_RAW -> templateToRaw();
			case RAW_TO_LISTENER -> rawToListener();
		};
	}

	private Side rawTcp() {
		Arrivals arrivals = new Arrivals();
		Peer receiver = rawTcpReceiver(arrivals);
		ZContext senderContext = new ZContext();
		ZMQ.Socket push = RawJeromq.connect(senderContext, SocketType.PUSH, receiver.endpoint());
		return new ThroughputSide(this.messages, arrivals, rawSend(push), push::close, senderContext, receiver);
	}

	private Side rawInproc() {
		Arrivals arrivals = new Arrivals();
		ZContext context = new ZContext();
		RawLoop receiver = rawReceiver(RawJeromq.bind(context, SocketType.PULL, "inproc://bench-push-pull"), arrivals);
		ZMQ.Socket push = RawJeromq.connect(context, SocketType.PUSH, "inproc://bench-push-pull");
		return new ThroughputSide(this.messages, arrivals, rawSend(push), push::close, receiver, context);
	}

	private Side starterTcp() {
		Arrivals arrivals = new Arrivals();
		StarterApp receiver = receiverApp(arrivals);
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint("in")), Map.of());
		return new ThroughputSide(this.messages, arrivals, templateSend(sender.template()), sender, receiver);
	}

	private Side starterInproc() {
		Arrivals arrivals = new Arrivals();
		StarterApp app = StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				"inproc://bench-push-pull", "zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				"inproc://bench-push-pull"), Map.of("arrivals", arrivals), Sinks.forPayload(this.payload));
		return new ThroughputSide(this.messages, arrivals, templateSend(app.template()), app);
	}

	private Side templateToRaw() {
		Arrivals arrivals = new Arrivals();
		Peer receiver = rawTcpReceiver(arrivals);
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint()), Map.of());
		return new ThroughputSide(this.messages, arrivals, templateSend(sender.template()), sender, receiver);
	}

	private Side rawToListener() {
		Arrivals arrivals = new Arrivals();
		StarterApp receiver = receiverApp(arrivals);
		ZContext senderContext = new ZContext();
		ZMQ.Socket push = RawJeromq.connect(senderContext, SocketType.PUSH, receiver.endpoint("in"));
		return new ThroughputSide(this.messages, arrivals, rawSend(push), push::close, senderContext, receiver);
	}

	private StarterApp receiverApp(Arrivals arrivals) {
		return StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				RawJeromq.LOOPBACK_ANY_PORT), Map.of("arrivals", arrivals), Sinks.forPayload(this.payload));
	}

	/** A raw PULL loop bound on loopback in a context of its own, as a receiving process. */
	private Peer rawTcpReceiver(Arrivals arrivals) {
		ZContext context = new ZContext();
		ZMQ.Socket pull = RawJeromq.bind(context, SocketType.PULL, RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = pull.getLastEndpoint();
		return new Peer(endpoint, new ClosingOrder(rawReceiver(pull, arrivals), context));
	}

	private RawLoop rawReceiver(ZMQ.Socket pull, Arrivals arrivals) {
		return new RawLoop("raw-pull", pull, (socket) -> {
			byte[] frame = socket.recv(0);
			if (frame == null) {
				return false;
			}
			arrivals.arrived(this.payload.decode(frame, this.mapper));
			return true;
		});
	}

	private Runnable rawSend(ZMQ.Socket push) {
		return () -> push.send(this.payload.encode(this.mapper), 0);
	}

	private Runnable templateSend(ZmqTemplate template) {
		Object value = this.payload.value();
		return () -> template.send("out", value);
	}

}
