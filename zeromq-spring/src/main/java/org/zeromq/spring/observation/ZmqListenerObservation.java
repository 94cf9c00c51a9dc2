package org.zeromq.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observation of a {@code @ZmqListener} handling one message: {@code zeromq.listener}. */
public enum ZmqListenerObservation implements ObservationDocumentation {

	/** One message handled. */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZmqListenerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ListenerLowCardinalityTags.values();
		}

	};

	/** The low-cardinality keys, OpenTelemetry's messaging names where one fits. */
	public enum ListenerLowCardinalityTags implements KeyName {

		/** Always {@code zeromq}. */
		MESSAGING_SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/** Always {@code process} (the name Spring Kafka's listener observation uses). */
		MESSAGING_OPERATION {
			@Override
			public String asString() {
				return "messaging.operation";
			}
		},

		/** Always {@code process} (OpenTelemetry's current name for the same). */
		MESSAGING_OPERATION_TYPE {
			@Override
			public String asString() {
				return "messaging.operation.type";
			}
		},

		/** The declared socket's name. */
		MESSAGING_DESTINATION_NAME {
			@Override
			public String asString() {
				return "messaging.destination.name";
			}
		},

		/** The socket's type, e.g. {@code PULL}. */
		SOCKET_TYPE {
			@Override
			public String asString() {
				return "zeromq.socket.type";
			}
		},

		/** The listener's id. */
		LISTENER_ID {
			@Override
			public String asString() {
				return "zeromq.listener.id";
			}
		}

	}

}
