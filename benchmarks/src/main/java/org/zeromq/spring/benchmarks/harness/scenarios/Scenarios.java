package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;

/**
 * Every scenario of the harness, with message counts sized so that a full run takes a few
 * minutes on a 2-core machine.
 */
public final class Scenarios {

	/** Names the targets look up. */
	public static final String PUSH_PULL_TCP_BYTES = new PushPullScenario(true, Payload.BYTES,
			PushPullScenario.Path.TEMPLATE_TO_LISTENER, 0).name();

	public static final String TEMPLATE_TO_RAW_TCP = new PushPullScenario(true, Payload.BYTES,
			PushPullScenario.Path.TEMPLATE_TO_RAW, 0).name();

	public static final String RAW_TO_LISTENER_TCP = new PushPullScenario(true, Payload.BYTES,
			PushPullScenario.Path.RAW_TO_LISTENER, 0).name();

	public static final String REQUEST_REPLY = new RequestReplyScenario(0).name();

	public static final String PIPELINED = "DEALER pipelined 1000 in flight → REP";

	public static final String DEALER_ONE_WAY = DealerOneWayScenario.NAME;

	public static final String DEALER_ONE_WAY_PUSH = DealerOneWayScenario.STARTER_PUSH;

	public static final String SPRING_INTEGRATION = new SpringIntegrationScenario(0, 0).name();

	public static final String INTEGRATION_FLOW = IntegrationFlowScenario.NAME;

	public static final String INTEGRATION_GATEWAY = IntegrationGatewayScenario.NAME;

	public static final String CONCURRENCY_1 = "REP bind-side 1 ms handler, concurrency 1";

	public static final String CONCURRENCY_4 = "REP bind-side 1 ms handler, concurrency 4";

	/** The device alone: no handler work, so the forwarding between clients and workers is what counts. */
	public static final String DEVICE_4 = "REP bind-side no handler work, concurrency 4, 1000 in flight";

	public static final String REQUEST_REPLY_CURVE = new RequestReplyScenario(0, true).name();

	public static final String PUSH_PULL_CURVE = new PushPullScenario(true, Payload.BYTES,
			PushPullScenario.Path.TEMPLATE_TO_LISTENER, 0, true).name();

	public static final String PROXY = ProxyScenario.NAME;

	public static final String METRICS = MetricsScenario.NAME;

	public static final String METRICS_OFF = MetricsScenario.OFF;

	public static final String METRICS_ON = MetricsScenario.ON;

	private Scenarios() {
	}

	public static List<Scenario> all(double scale) {
		int throughput = count(300_000, scale);
		int converted = count(150_000, scale);
		List<Scenario> all = new ArrayList<>();
		for (boolean tcp : new boolean[] { true, false }) {
			for (Payload payload : Payload.values()) {
				int messages = (payload == Payload.BYTES) ? throughput : converted;
				all.add(new PushPullScenario(tcp, payload, PushPullScenario.Path.TEMPLATE_TO_LISTENER, messages));
			}
		}
		all.add(new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.TEMPLATE_TO_RAW, throughput));
		all.add(new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.RAW_TO_LISTENER, throughput));
		all.add(new PubSubScenario(throughput));
		all.add(new RequestReplyScenario(count(10_000, scale)));
		all.add(new PipelinedRequestScenario(PIPELINED, count(100_000, scale), 1000, Duration.ZERO, 1));
		all.add(new DealerOneWayScenario(throughput));
		all.add(new SpringIntegrationScenario(throughput, count(5_000, scale)));
		all.add(new IntegrationFlowScenario(throughput, count(5_000, scale)));
		all.add(new IntegrationGatewayScenario(count(10_000, scale)));
		all.add(new PipelinedRequestScenario(CONCURRENCY_1, count(1_000, scale), 16, Duration.ofMillis(1), 1));
		all.add(new PipelinedRequestScenario(CONCURRENCY_4, count(1_000, scale), 16, Duration.ofMillis(1), 4));
		all.add(new PipelinedRequestScenario(DEVICE_4, count(100_000, scale), 1000, Duration.ZERO, 4));
		all.add(new ProxyScenario(count(100_000, scale), 1000));
		// CURVE encrypts every message: fewer of them for the same time
		all.add(new RequestReplyScenario(count(10_000, scale), true));
		all.add(new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.TEMPLATE_TO_LISTENER, count(100_000, scale),
				true));
		all.add(new MetricsScenario(throughput));
		return all;
	}

	/**
	 * The sweeps: one parameter grows per sweep (message size, PUSH peers, SUB peers, REQ
	 * clients, declared sockets), each point a scenario of its own with the starter and raw
	 * JeroMQ side by side. Counts are sized so that every round takes about a second or less on
	 * 2 cores and all sweeps a few minutes.
	 */
	public static List<Scenario> sweeps(double scale) {
		List<Scenario> sweeps = new ArrayList<>();
		for (int size : new int[] { 10, 100, 1_000, 10_000, 100_000, 1_000_000 }) {
			// About 100 MB per round at most: the large sizes are limited by bytes, not messages. The
			// small ones need as many messages as the PUSH→PULL rows: 100 000 took 70 ms a round.
			sweeps.add(new MessageSizeSweepScenario(size, count((int) Math.min(300_000, 100_000_000L / size), scale)));
		}
		for (int peers : new int[] { 1, 10, 100 }) {
			sweeps.add(new FanInSweepScenario(peers, count(300_000, scale)));
		}
		for (int subscribers : new int[] { 1, 10, 50 }) {
			// About the same deliveries per round at every point.
			sweeps.add(new FanOutSweepScenario(subscribers, count(150_000 / subscribers, scale)));
		}
		for (int clients : new int[] { 1, 10, 100, 1_000 }) {
			// A client waits for each reply before its next request: fewer requests for few clients.
			sweeps.add(new ClientsSweepScenario(clients, count(Math.min(10_000, 500 * clients), scale)));
		}
		for (int sockets : new int[] { 1, 100, 1_000 }) {
			sweeps.add(new SocketCountSweepScenario(sockets));
		}
		return sweeps;
	}

	private static int count(int base, double scale) {
		return Math.max(100, (int) (base * scale));
	}

}
