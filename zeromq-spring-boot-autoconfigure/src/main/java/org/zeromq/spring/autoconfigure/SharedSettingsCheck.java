package org.zeromq.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the settings every socket and listener shares (the context, the listeners' defaults,
 * the shutdown bound) before anything is built from them, so that a negative or zero value fails
 * startup naming the property, its value and what to write, through Spring Boot's own analysis
 * of an invalid property value, instead of an exception from deep inside the context's creation.
 */
final class SharedSettingsCheck {

	private SharedSettingsCheck() {
	}

	static void check(ZmqProperties properties) {
		notNegative("shutdown-timeout", properties.getShutdownTimeout(), "15s, the default");
		ZmqProperties.Listener listener = properties.getListener();
		notNegative("listener.shutdown-timeout", listener.getShutdownTimeout(), "a duration such as 30s");
		atLeastOne("listener.concurrency", listener.getConcurrency(), "1 thread per listener, the default");
		ZmqProperties.Context context = properties.getContext();
		atLeastOne("context.io-threads", context.getIoThreads(), "1, the default, which suffices for most applications");
		if (context.getMaxSockets() != null) {
			atLeastOne("context.max-sockets", context.getMaxSockets(), "JeroMQ's default of 1024 (remove it)");
		}
		notNegative("context.linger", context.getLinger(), "0 to drop queued messages at close, or a duration such as 1s");
	}

	private static void notNegative(String key, @Nullable Duration value, String example) {
		if (value == null || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(ZmqProperties.PREFIX + "." + key, value,
					"it must be a duration of zero or more; write e.g. " + example);
		}
	}

	private static void atLeastOne(String key, int value, String example) {
		if (value < 1) {
			throw new InvalidConfigurationPropertyValueException(ZmqProperties.PREFIX + "." + key, value,
					"it must be at least 1; write e.g. " + example);
		}
	}

}
