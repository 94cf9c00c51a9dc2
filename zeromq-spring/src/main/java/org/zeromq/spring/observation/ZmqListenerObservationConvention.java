package org.zeromq.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the {@code zeromq.listener} observation; a bean of this type replaces the default. */
public interface ZmqListenerObservationConvention extends ObservationConvention<ZmqReceiverContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ZmqReceiverContext;
	}

	@Override
	default String getName() {
		return "zeromq.listener";
	}

}
