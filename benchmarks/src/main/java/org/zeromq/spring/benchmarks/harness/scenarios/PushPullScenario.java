package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.LinkedHashMap;
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
 * would have); over inproc they must share one. Over tcp, template to listener, optionally with
 * CURVE on both sides ({@link CurveSetup}).
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

	private final boolean curve;

	private final JsonMapper mapper = JsonMapper.builder().build();

	PushPullScenario(boolean tcp, Payload payload, Path path, int messages) {
		this(tcp, payload, path, messages, false);
	}

	/**
	 * @param curve whether both sides use CURVE, the receiver with its ZAP handler: tcp, template
	 * to listener only
	 */
	PushPullScenario(boolean tcp, Payload payload, Path path, int messages, boolean curve) {
		if (curve && (!tcp || path != Path.TEMPLATE_TO_LISTENER)) {
			throw new IllegalArgumentException("CURVE runs over tcp, template to listener");
		}
		this.tcp = tcp;
		this.payload = payload;
		this.path = path;
		this.messages = messages;
		this.curve = curve;
	}

	@Override
	public String name() {
		String base = "PUSH→PULL " + (this.tcp ? "tcp" : "inproc") + " " + this.payload.label() + (this.curve ? ", CURVE" : "");
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
		CurveSetup keys = this.curve ? new CurveSetup() : null;
		Peer receiver = rawTcpReceiver(arrivals, keys);
		ZContext senderContext = new ZContext();
		ZMQ.Socket push = RawJeromq.socket(senderContext, SocketType.PUSH);
		if (keys != null) {
			keys.connectAsClient(push);
		}
		push.connect(receiver.endpoint());
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
		CurveSetup keys = this.curve ? new CurveSetup() : null;
		StarterApp receiver = receiverApp(arrivals, keys);
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("zeromq.sockets.out.type", "PUSH",
				"zeromq.sockets.out.connect", receiver.endpoint("in")));
		if (keys != null) {
			properties.putAll(keys.clientProperties("out"));
		}
		StarterApp sender = StarterApp.start(properties, Map.of());
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
		Peer receiver = rawTcpReceiver(arrivals, null);
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint()), Map.of());
		return new ThroughputSide(this.messages, arrivals, templateSend(sender.template()), sender, receiver);
	}

	private Side rawToListener() {
		Arrivals arrivals = new Arrivals();
		StarterApp receiver = receiverApp(arrivals, null);
		ZContext senderContext = new ZContext();
		ZMQ.Socket push = RawJeromq.connect(senderContext, SocketType.PUSH, receiver.endpoint("in"));
		return new ThroughputSide(this.messages, arrivals, rawSend(push), push::close, senderContext, receiver);
	}

	private StarterApp receiverApp(Arrivals arrivals, CurveSetup keys) {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("zeromq.sockets.in.type", "PULL",
				"zeromq.sockets.in.bind", RawJeromq.LOOPBACK_ANY_PORT));
		if (keys != null) {
			properties.putAll(keys.serverProperties("in"));
		}
		return StarterApp.start(properties, Map.of("arrivals", arrivals), Sinks.forPayload(this.payload));
	}

	/**
	 * A raw PULL loop bound on loopback in a context of its own, as a receiving process; a CURVE
	 * server with its ZAP handler when {@code keys} are given.
	 */
	private Peer rawTcpReceiver(Arrivals arrivals, CurveSetup keys) {
		ZContext context = new ZContext();
		AutoCloseable zap = (keys != null) ? keys.rawZapHandler(context) : () -> {
		};
		ZMQ.Socket pull = RawJeromq.socket(context, SocketType.PULL);
		if (keys != null) {
			keys.serve(pull);
		}
		pull.bind(RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = pull.getLastEndpoint();
		return new Peer(endpoint, new ClosingOrder(rawReceiver(pull, arrivals), zap, context));
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
