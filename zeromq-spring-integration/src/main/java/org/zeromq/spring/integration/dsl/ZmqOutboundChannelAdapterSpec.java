package org.zeromq.spring.integration.dsl;

import org.zeromq.spring.integration.ZmqOutboundEndpoint;

/** Configures a {@link ZmqOutboundEndpoint} that sends without expecting replies. */
public class ZmqOutboundChannelAdapterSpec extends ZmqOutboundEndpointSpec<ZmqOutboundChannelAdapterSpec> {

	ZmqOutboundChannelAdapterSpec(ZmqOutboundEndpoint endpoint) {
		super(endpoint);
	}

}
