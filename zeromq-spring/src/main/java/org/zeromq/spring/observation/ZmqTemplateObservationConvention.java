package org.zeromq.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the {@code zeromq.template} observation; a bean of this type replaces the default. */
public interface ZmqTemplateObservationConvention extends ObservationConvention<ZmqSenderContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ZmqSenderContext;
	}

	@Override
	default String getName() {
		return "zeromq.template";
	}

}
