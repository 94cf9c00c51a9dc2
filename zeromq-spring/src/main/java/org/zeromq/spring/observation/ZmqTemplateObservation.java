package org.zeromq.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observation of a {@code ZmqTemplate} send or request: {@code zeromq.template}. */
public enum ZmqTemplateObservation implements ObservationDocumentation {

	/** One send or request. */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZmqTemplateObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TemplateLowCardinalityTags.values();
		}

	};

	/** The low-cardinality keys, OpenTelemetry's messaging names where one fits. */
	public enum TemplateLowCardinalityTags implements KeyName {

		/** Always {@code zeromq}. */
		MESSAGING_SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/** Always {@code send} (the name Spring Kafka's template observation uses for the key). */
		MESSAGING_OPERATION {
			@Override
			public String asString() {
				return "messaging.operation";
			}
		},

		/** Always {@code send} (OpenTelemetry's current name for the same). */
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

		/** The socket's type, e.g. {@code PUSH}. */
		SOCKET_TYPE {
			@Override
			public String asString() {
				return "zeromq.socket.type";
			}
		},

		/** {@code send}, or {@code request} for a request that waits for its reply. */
		OPERATION {
			@Override
			public String asString() {
				return "zeromq.operation";
			}
		}

	}

}
