package org.zeromq.spring.integration.dsl;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.dsl.MessageChannelSpec;
import org.zeromq.spring.integration.ZmqChannel;

/** Configures a {@link ZmqChannel}. */
public class ZmqChannelSpec extends MessageChannelSpec<ZmqChannelSpec, ZmqChannel> {

	ZmqChannelSpec(@Nullable String id, ZmqChannel channel) {
		this.channel = channel;
		if (id != null) {
			id(id);
		}
	}

	/**
	 * The payload subscribers get: {@code byte[]} (the default), {@code String}, {@code List}
	 * (every frame) or any type the converter reads (JSON).
	 */
	public ZmqChannelSpec payloadType(Class<?> payloadType) {
		this.channel.setPayloadType(payloadType);
		return _this();
	}

	/** Threads that receive (PULL only). */
	public ZmqChannelSpec concurrency(int concurrency) {
		this.channel.setConcurrency(concurrency);
		return _this();
	}

	public ZmqChannelSpec autoStartup(boolean autoStartup) {
		this.channel.setAutoStartup(autoStartup);
		return _this();
	}

	public ZmqChannelSpec phase(int phase) {
		this.channel.setPhase(phase);
		return _this();
	}

}
