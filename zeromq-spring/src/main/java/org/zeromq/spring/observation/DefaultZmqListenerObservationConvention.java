package org.zeromq.spring.observation;

import io.micrometer.common.KeyValues;

import org.zeromq.spring.observation.ZmqListenerObservation.ListenerLowCardinalityTags;

/** The default names and tags of the {@code zeromq.listener} observation: "{@code <socket> process}". */
public class DefaultZmqListenerObservationConvention implements ZmqListenerObservationConvention {

	/** The shared instance. */
	public static final DefaultZmqListenerObservationConvention INSTANCE = new DefaultZmqListenerObservationConvention();

	@Override
	public String getContextualName(ZmqReceiverContext context) {
		return context.getSocket() + " process";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ZmqReceiverContext context) {
		return KeyValues.of(ListenerLowCardinalityTags.MESSAGING_SYSTEM.withValue("zeromq"),
				ListenerLowCardinalityTags.MESSAGING_OPERATION.withValue("process"),
				ListenerLowCardinalityTags.MESSAGING_OPERATION_TYPE.withValue("process"),
				ListenerLowCardinalityTags.MESSAGING_DESTINATION_NAME.withValue(context.getSocket()),
				ListenerLowCardinalityTags.SOCKET_TYPE.withValue(context.getSocketType().name()),
				ListenerLowCardinalityTags.LISTENER_ID.withValue(context.getListenerId()));
	}

}
