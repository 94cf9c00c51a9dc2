package org.zeromq.spring.autoconfigure.integration;

import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.support.management.SubscribableChannelManagement;
import org.springframework.messaging.MessageChannel;

/**
 * Checks, once the application's consumers have subscribed and before the inbound bridges start
 * receiving, that each bridge's channel has a consumer: a bridge into a channel nobody reads
 * (a misspelt name, a flow that was never declared) would otherwise fail on every message.
 */
final class InboundBridgeChannels implements SmartLifecycle {

	// After event-driven consumers (which start first) and before message producers
	// (Integer.MAX_VALUE / 2), the phase the inbound bridges start in.
	static final int PHASE = Integer.MAX_VALUE / 2 - 1000;

	private final BeanFactory beanFactory;

	private final Map<String, String> channels;

	private volatile boolean running;

	InboundBridgeChannels(BeanFactory beanFactory, Map<String, String> channels) {
		this.beanFactory = beanFactory;
		this.channels = channels;
	}

	@Override
	public void start() {
		this.channels.forEach(this::check);
		this.running = true;
	}

	private void check(String property, String channel) {
		MessageChannel found = this.beanFactory.containsBean(channel) && this.beanFactory.isTypeMatch(channel, MessageChannel.class)
				? this.beanFactory.getBean(channel, MessageChannel.class) : null;
		if (found == null) {
			throw new IntegrationBridgeException(property, "no message channel named '" + channel + "' exists",
					"declare it, consume it (IntegrationFlow.from(\"" + channel + "\"), @ServiceActivator(inputChannel = \""
							+ channel + "\")), or correct the name");
		}
		if (found instanceof SubscribableChannelManagement subscribable && subscribable.getSubscriberCount() == 0) {
			throw new IntegrationBridgeException(property, "nothing consumes channel '" + channel
					+ "', so every message the bridge receives would fail",
					"consume it (IntegrationFlow.from(\"" + channel + "\"), @ServiceActivator(inputChannel = \"" + channel
							+ "\")), or correct the name");
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
