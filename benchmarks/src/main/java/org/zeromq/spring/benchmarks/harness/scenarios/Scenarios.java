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

	private static int count(int base, double scale) {
		return Math.max(100, (int) (base * scale));
	}

}
