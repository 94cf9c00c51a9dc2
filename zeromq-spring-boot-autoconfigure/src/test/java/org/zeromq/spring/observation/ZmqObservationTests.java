package org.zeromq.spring.observation;

import java.util.List;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.autoconfigure.observation.ZmqObservationAutoConfiguration;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Listener and template observations: their names, contextual names and low-cardinality keys, a
 * custom convention bean honoured, a trace id that crosses from a template's send to a listener
 * in another application over tcp in the trace-context frame, and the auto-configuration backing
 * off when observations are not switched on, without a registry bean or without Micrometer's
 * Observation API.
 */
class ZmqObservationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withConfiguration(AutoConfigurations.of(ZmqObservationAutoConfiguration.class));

	@Test
	void aHandledMessageIsAZeromqListenerObservationWithTheMessagingKeys() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> observations)
			.withBean(Orders.class)
			.withPropertyValues("zeromq.listener.observation-enabled=true")
			.withPropertyValues(socket("orders", "type=PULL", "bind=inproc://observed-orders"))
			.withPropertyValues(socket("out", "type=PUSH", "connect=inproc://observed-orders"))
			.run((context) -> {
				context.getBean(ZmqTemplate.class).send("out", "one");
				context.getBean(Orders.class).handled.awaitCount(1);
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("zeromq.listener", 1)
					.hasObservationWithNameEqualTo("zeromq.listener")
					.that()
					.hasContextualNameEqualTo("orders process")
					.hasLowCardinalityKeyValue("messaging.system", "zeromq")
					.hasLowCardinalityKeyValue("messaging.operation", "process")
					.hasLowCardinalityKeyValue("messaging.destination.name", "orders")
					.hasLowCardinalityKeyValue("zeromq.socket.type", "PULL")
					.hasLowCardinalityKeyValue("zeromq.listener.id", "orders")
					.hasBeenStarted()
					.hasBeenStopped();
				// Only the listener was switched on: the template's send is no observation.
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("zeromq.template", 0);
			});
	}

	@Test
	void aTemplateSendIsAZeromqTemplateObservationWithTheMessagingKeys() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("zeromq.template.observation-enabled=true")
			.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://observed-out", "hwm-policy=drop"))
			.run((context) -> {
				context.getBean(ZmqTemplate.class).send("out", "one");
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("zeromq.template", 1)
					.hasObservationWithNameEqualTo("zeromq.template")
					.that()
					.hasContextualNameEqualTo("out send")
					.hasLowCardinalityKeyValue("messaging.system", "zeromq")
					.hasLowCardinalityKeyValue("messaging.operation", "send")
					.hasLowCardinalityKeyValue("messaging.destination.name", "out")
					.hasLowCardinalityKeyValue("zeromq.socket.type", "PUSH")
					.hasLowCardinalityKeyValue("zeromq.operation", "send")
					.hasBeenStopped();
			});
	}

	@Test
	void aConventionBeanReplacesTheDefaultNamesAndKeys() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> observations)
			.withBean(Orders.class)
			.withBean(ZmqListenerObservationConvention.class, TeamConvention::new)
			.withPropertyValues("zeromq.listener.observation-enabled=true")
			.withPropertyValues(socket("orders", "type=PULL", "bind=inproc://convention-orders"))
			.withPropertyValues(socket("out", "type=PUSH", "connect=inproc://convention-orders"))
			.run((context) -> {
				context.getBean(ZmqTemplate.class).send("out", "one");
				context.getBean(Orders.class).handled.awaitCount(1);
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("zeromq.listener")
					.that()
					.hasContextualNameEqualTo("orders handled by the orders team")
					.hasLowCardinalityKeyValue("team", "orders")
					.hasLowCardinalityKeyValue("messaging.system", "zeromq");
			});
	}

	@Test
	void aTraceIdCrossesFromTheTemplatesSendToTheListenerOverTcp() {
		SimpleTracer tracer = new SimpleTracer();
		Propagator propagator = new TraceparentPropagator(tracer);
		Traced jobs = new Traced(tracer);
		ApplicationContextRunner receiver = this.runner.withBean(ObservationRegistry.class, () -> tracing(tracer, propagator))
			.withBean(Traced.class, () -> jobs)
			.withPropertyValues("zeromq.listener.observation-enabled=true")
			.withPropertyValues(socket("jobs", "type=PULL", "bind=" + ANY_TCP, "trace-context=true"));
		receiver.run((receiving) -> {
			ApplicationContextRunner sender = this.runner.withBean(ObservationRegistry.class, () -> tracing(tracer, propagator))
				.withPropertyValues("zeromq.template.observation-enabled=true")
				.withPropertyValues(socket("jobs-out", "type=PUSH", "connect=" + endpoint(receiving, "jobs"), "trace-context=true"));
			sender.run((sending) -> {
				sending.getBean(ZmqTemplate.class).awaitPeers("jobs-out", 1, ZmqApplication.WAIT);
				inTrace(tracer, sending.getBean(ObservationRegistry.class),
						() -> sending.getBean(ZmqTemplate.class).send("jobs-out", "job 1"));
				List<String> handled = jobs.handled.awaitCount(1);
				SimpleSpan sent = span(tracer, "jobs-out send");
				SimpleSpan processed = span(tracer, "jobs process");
				assertThat(sent.getTraceId()).isEqualTo(TRACE_ID);
				assertThat(sent.getSpanId()).isNotBlank();
				// The handler sees the payload alone: the trace-context frame is not part of it.
				assertThat(handled).containsExactly("job 1 in trace " + TRACE_ID);
				assertThat(processed.getTraceId()).isEqualTo(TRACE_ID);
				assertThat(processed.getParentId()).isEqualTo(sent.getSpanId());
			});
		});
	}

	@Test
	void withoutTheTraceContextOptInTheListenerStartsANewTrace() {
		SimpleTracer tracer = new SimpleTracer();
		Propagator propagator = new TraceparentPropagator(tracer);
		Traced jobs = new Traced(tracer);
		this.runner.withBean(ObservationRegistry.class, () -> tracing(tracer, propagator))
			.withBean(Traced.class, () -> jobs)
			.withPropertyValues("zeromq.listener.observation-enabled=true", "zeromq.template.observation-enabled=true")
			.withPropertyValues(socket("jobs", "type=PULL", "bind=inproc://untraced-jobs"))
			.withPropertyValues(socket("jobs-out", "type=PUSH", "connect=inproc://untraced-jobs"))
			.run((context) -> {
				inTrace(tracer, context.getBean(ObservationRegistry.class),
						() -> context.getBean(ZmqTemplate.class).send("jobs-out", "job 1"));
				jobs.handled.awaitCount(1);
				assertThat(span(tracer, "jobs-out send").getTraceId()).isEqualTo(TRACE_ID);
				assertThat(span(tracer, "jobs process").getTraceId()).isNotEqualTo(TRACE_ID);
				assertThat(span(tracer, "jobs process").getParentId()).isNotEqualTo(span(tracer, "jobs-out send").getSpanId());
			});
	}

	@Test
	void backsOffUnlessSwitchedOn() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ObservedListeners.class)
				.doesNotHaveBean(ObservedTemplate.class));
	}

	@Test
	void backsOffWithoutAnObservationRegistryBean() {
		this.runner.withPropertyValues("zeromq.listener.observation-enabled=true", "zeromq.template.observation-enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ObservedListeners.class)
				.doesNotHaveBean(ObservedTemplate.class));
	}

	@Test
	void backsOffWithoutMicrometersObservationApi() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withPropertyValues("zeromq.listener.observation-enabled=true", "zeromq.template.observation-enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("zmqObservedListeners")
				.doesNotHaveBean("zmqObservedTemplate"));
	}

	// Sends inside an observation of a known trace, as a request handler that sends would: the
	// test tracer gives a root span no trace id of its own.
	private static void inTrace(SimpleTracer tracer, ObservationRegistry observations, Runnable send) {
		TraceContext caller = tracer.traceContextBuilder().traceId(TRACE_ID).spanId("00f067aa0ba902b7").sampled(true).build();
		Span parent = tracer.spanBuilder().setParent(caller).name("caller").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(parent)) {
			Observation.createNotStarted("caller", observations).observe(send);
		}
		finally {
			parent.end();
		}
	}

	private static ObservationRegistry tracing(Tracer tracer, Propagator propagator) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	private static SimpleSpan span(SimpleTracer tracer, String name) {
		return tracer.getSpans()
			.stream()
			.filter((span) -> name.equals(span.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span '" + name + "' among " + tracer.getSpans()));
	}

	static class Orders {

		final HandledMessages<String> handled = new HandledMessages<>();

		@ZmqListener("orders")
		void order(String order) {
			this.handled.record(order);
		}

	}

	/** Records each payload with the trace the handler runs in. */
	static class Traced {

		final HandledMessages<String> handled = new HandledMessages<>();

		private final Tracer tracer;

		Traced(Tracer tracer) {
			this.tracer = tracer;
		}

		@ZmqListener("jobs")
		void job(String job) {
			Span current = this.tracer.currentSpan();
			this.handled.record(job + " in trace " + ((current != null) ? current.context().traceId() : "none"));
		}

	}

	static class TeamConvention extends DefaultZmqListenerObservationConvention {

		@Override
		public String getContextualName(ZmqReceiverContext context) {
			return context.getSocket() + " handled by the orders team";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ZmqReceiverContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "orders");
		}

	}

	/**
	 * An in-memory stand-in for W3C trace context propagation: {@code traceparent} =
	 * {@code 00-<trace id>-<span id>-01}. Micrometer Tracing's test tracer comes without one.
	 */
	static final class TraceparentPropagator implements Propagator {

		private final Tracer tracer;

		TraceparentPropagator(Tracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public List<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			String traceparent = getter.get(carrier, "traceparent");
			if (traceparent == null) {
				return this.tracer.spanBuilder();
			}
			String[] parts = traceparent.split("-");
			TraceContext parent = this.tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true).build();
			return this.tracer.spanBuilder().setParent(parent);
		}

	}

}
