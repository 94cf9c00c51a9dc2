package org.zeromq.spring.observation;

import io.micrometer.common.KeyValues;

import org.zeromq.spring.observation.ZmqTemplateObservation.TemplateLowCardinalityTags;

/** The default names and tags of the {@code zeromq.template} observation: "{@code <socket> send}". */
public class DefaultZmqTemplateObservationConvention implements ZmqTemplateObservationConvention {

	/** The shared instance. */
	public static final DefaultZmqTemplateObservationConvention INSTANCE = new DefaultZmqTemplateObservationConvention();

	@Override
	public String getContextualName(ZmqSenderContext context) {
		return context.getSocket() + " send";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ZmqSenderContext context) {
		return KeyValues.of(TemplateLowCardinalityTags.MESSAGING_SYSTEM.withValue("zeromq"),
				TemplateLowCardinalityTags.MESSAGING_OPERATION.withValue("send"),
				TemplateLowCardinalityTags.MESSAGING_OPERATION_TYPE.withValue("send"),
				TemplateLowCardinalityTags.MESSAGING_DESTINATION_NAME.withValue(context.getSocket()),
				TemplateLowCardinalityTags.SOCKET_TYPE.withValue(context.getSocketType().name()),
				TemplateLowCardinalityTags.OPERATION.withValue(context.getOperation()));
	}

}
