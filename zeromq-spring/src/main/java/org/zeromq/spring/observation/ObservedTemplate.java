package org.zeromq.spring.observation;

import org.jspecify.annotations.Nullable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.zeromq.spring.template.TemplateObservation;

/**
 * A template's sends and requests observed with Micrometer's Observation API: each is a
 * {@code zeromq.template} observation, "{@code <socket> send}". A tracing handler writes the
 * trace context into the operation, which sends it in a trace-context frame on a socket that
 * opted in.
 */
public final class ObservedTemplate implements TemplateObservation {

	private final ObservationRegistry registry;

	private final @Nullable ZmqTemplateObservationConvention convention;

	/**
	 * @param convention replaces the default names and tags, or {@code null} for the default
	 */
	public ObservedTemplate(ObservationRegistry registry, @Nullable ZmqTemplateObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public <T> T observe(Operation operation, Call<T> call) {
		Observation observation = ZmqTemplateObservation.TEMPLATE_OBSERVATION.observation(this.convention,
				DefaultZmqTemplateObservationConvention.INSTANCE, () -> new ZmqSenderContext(operation), this.registry);
		return observation.observe(call::proceed);
	}

}
