package org.zeromq.spring.benchmarks.harness.scenarios;

import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.core.ZmqHeaders;

/**
 * The starter side's receivers: {@code @ZmqListener} methods on socket {@code in} that read the
 * payload as the matching raw receiver does and count it.
 */
final class Sinks {

	static final String DATA_TOPIC = "bench.data";

	private Sinks() {
	}

	static Class<?> forPayload(Payload payload) {
		return switch (payload) {
			case BYTES -> ByteSink.class;
			case TEXT -> TextSink.class;
			case JSON -> QuoteSink.class;
		};
	}

	static final class ByteSink {

		private final Arrivals arrivals;

		ByteSink(Arrivals arrivals) {
			this.arrivals = arrivals;
		}

		@ZmqListener("in")
		void on(byte[] payload) {
			this.arrivals.arrived(payload.length);
		}

	}

	static final class TextSink {

		private final Arrivals arrivals;

		TextSink(Arrivals arrivals) {
			this.arrivals = arrivals;
		}

		@ZmqListener("in")
		void on(String payload) {
			this.arrivals.arrived(payload.length());
		}

	}

	static final class QuoteSink {

		private final Arrivals arrivals;

		QuoteSink(Arrivals arrivals) {
			this.arrivals = arrivals;
		}

		@ZmqListener("in")
		void on(Payload.Quote quote) {
			this.arrivals.arrived(quote.sequence());
		}

	}

	/** A SUB listener: data messages count, handshake messages only prove the subscription arrived. */
	static final class TopicSink {

		private final PubSubScenario.Probe probe;

		TopicSink(PubSubScenario.Probe probe) {
			this.probe = probe;
		}

		@ZmqListener("in")
		void on(@Header(ZmqHeaders.TOPIC) String topic, byte[] payload) {
			this.probe.take(topic, payload);
		}

	}

}
