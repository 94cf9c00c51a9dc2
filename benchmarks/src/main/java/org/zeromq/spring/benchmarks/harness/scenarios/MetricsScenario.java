package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.List;
import java.util.Map;

import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;

/**
 * PUSH → PULL over tcp, template to listener, byte[] payloads, with the starter's meters off (the
 * {@code starter} side) and on (a meter registry in both applications, {@code zeromq.metrics.enabled}
 * false or true), and raw JeroMQ for scale: what the meters cost on the hot path. Meters read
 * counts the sockets keep anyway, and the listener timer counts every call but reads the clock
 * around one in 16 (see docs/observability.md), so the two should be within noise of each other.
 */
final class MetricsScenario implements Scenario {

	static final String NAME = "PUSH→PULL tcp, metrics on vs off";

	/** The starter as every other row measures it: a meter registry, but the starter's meters off. */
	static final String OFF = "starter";

	static final String ON = "metrics on";

	private final int messages;

	MetricsScenario(int messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> sides() {
		return List.of("raw", OFF, ON);
	}

	@Override
	public Side open(String side) {
		if (side.equals("raw")) {
			return new PushPullScenario(true, Payload.BYTES, PushPullScenario.Path.TEMPLATE_TO_LISTENER, this.messages)
				.open("raw");
		}
		String metrics = String.valueOf(side.equals(ON));
		Arrivals arrivals = new Arrivals();
		StarterApp receiver = StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "zeromq.metrics.enabled", metrics), Map.of("arrivals", arrivals),
				Sinks.forPayload(Payload.BYTES));
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint("in"), "zeromq.metrics.enabled", metrics), Map.of());
		Object value = Payload.BYTES.value();
		return new ThroughputSide(this.messages, arrivals, () -> sender.template().send("out", value), sender, receiver);
	}

}
