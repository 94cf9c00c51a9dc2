package org.zeromq.spring.integration.dsl;

import org.springframework.integration.dsl.MessageProducerSpec;
import org.zeromq.spring.integration.ZmqInboundChannelAdapter;

/**
 * Configures a {@link ZmqInboundChannelAdapter}; inherits {@code id}, {@code autoStartup},
 * {@code errorChannel}, {@code outputChannel} and the rest from {@link MessageProducerSpec}.
 */
public class ZmqInboundChannelAdapterSpec
		extends MessageProducerSpec<ZmqInboundChannelAdapterSpec, ZmqInboundChannelAdapter> {

	ZmqInboundChannelAdapterSpec(ZmqInboundChannelAdapter adapter) {
		super(adapter);
	}

	/**
	 * The payload of the messages produced: {@code byte[]} (the default), {@code String},
	 * {@code List} (every frame of a multipart message) or any type the converter reads (JSON).
	 */
	public ZmqInboundChannelAdapterSpec payloadType(Class<?> payloadType) {
		this.target.setPayloadType(payloadType);
		return _this();
	}

	/** Threads that receive on the socket, as {@code @ZmqListener(concurrency)}. */
	public ZmqInboundChannelAdapterSpec concurrency(int concurrency) {
		this.target.setConcurrency(concurrency);
		return _this();
	}

}
