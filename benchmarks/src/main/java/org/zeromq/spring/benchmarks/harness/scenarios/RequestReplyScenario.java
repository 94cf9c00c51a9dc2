package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * REQ → REP round trips over tcp, one at a time, each timed on its own. Raw: a REQ socket
 * against the guide's hwserver loop. Starter: {@code ZmqTemplate.request} on a declared REQ
 * socket against a {@code @ZmqListener} REP in another application context. Optionally over
 * CURVE on both sides ({@link CurveSetup}).
 */
final class RequestReplyScenario implements Scenario {

	static final Metric P50 = Metric.latency("p50");

	static final Metric P99 = Metric.latency("p99");

	static final Metric P999 = Metric.latency("p99.9");

	static final Metric ROUND_TRIPS = new Metric("round trips/s", true);

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final int requests;

	private final boolean curve;

	RequestReplyScenario(int requests) {
		this(requests, false);
	}

	/** @param curve whether both sides use CURVE, the server with its ZAP handler */
	RequestReplyScenario(int requests, boolean curve) {
		this.requests = requests;
		this.curve = curve;
	}

	@Override
	public String name() {
		return "REQ→REP tcp round trip byte[]" + (this.curve ? ", CURVE" : "");
	}

	@Override
	public List<Metric> metrics() {
		return List.of(P50, P99, P999, ROUND_TRIPS);
	}

	@Override
	public Side open(String side) {
		CurveSetup keys = this.curve ? new CurveSetup() : null;
		if (side.equals("raw")) {
			Peer server = EchoServers.raw(Duration.ZERO, keys);
			ZContext context = new ZContext();
			ZMQ.Socket req = RawJeromq.socket(context, SocketType.REQ);
			if (keys != null) {
				keys.connectAsClient(req);
			}
			req.connect(server.endpoint());
			req.setReceiveTimeOut((int) TIMEOUT.toMillis());
			return new LatencySide(this.requests, () -> {
				req.send(Payload.BYTES_100, 0);
				if (req.recv(0) == null) {
					throw new IllegalStateException("no reply within " + TIMEOUT);
				}
			}, req::close, context, server);
		}
		Peer server = EchoServers.starter(Duration.ZERO, 1, keys);
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("zeromq.sockets.req.type", "REQ",
				"zeromq.sockets.req.connect", server.endpoint()));
		if (keys != null) {
			properties.putAll(keys.clientProperties("req"));
		}
		StarterApp client = StarterApp.start(properties, Map.of());
		ZmqTemplate template = client.template();
		return new LatencySide(this.requests, () -> template.request("req", Payload.BYTES_100, TIMEOUT, byte[].class),
				client, server);
	}

}
