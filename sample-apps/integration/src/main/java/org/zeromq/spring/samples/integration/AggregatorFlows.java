package org.zeromq.spring.samples.integration;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.zeromq.spring.integration.dsl.Zmq;

/**
 * The two flows: updates in, averages out; and queries answered. Every socket is declared in
 * {@code application.yml} and named here.
 */
@Configuration(proxyBeanMethods = false)
class AggregatorFlows {

	/**
	 * SUB {@code updates} → parse and keep the followed zip codes → aggregate
	 * {@code aggregator.samples} per zip code → remember → PUB {@code averages}.
	 */
	@Bean
	IntegrationFlow weatherAverages(AggregatorProperties properties, LatestAverages averages) {
		Set<String> followed = Set.copyOf(properties.zipCodes());
		return IntegrationFlow.from(Zmq.inboundChannelAdapter("updates").payloadType(String.class))
			// a handler that returns nothing drops the message: what is not an update goes no further
			.handle(String.class, (text, headers) -> WeatherUpdate.parse(text))
			.filter(WeatherUpdate.class, (update) -> followed.contains(update.zip()))
			.aggregate((aggregator) -> aggregator
				.correlationStrategy((message) -> ((WeatherUpdate) message.getPayload()).zip())
				.releaseStrategy((group) -> group.size() >= properties.samples())
				.outputProcessor((group) -> Average.of((String) group.getGroupId(), updates(group.getMessages())))
				.expireGroupsUponCompletion(true))
			.handle(Average.class, (average, headers) -> averages.record(average).line())
			.handle(Zmq.outboundChannelAdapter("averages"))
			.get();
	}

	/** REP {@code queries}: {@code "avg 10001"} → the latest average of 10001. */
	@Bean
	IntegrationFlow averageQueries(LatestAverages averages) {
		return IntegrationFlow.from(Zmq.inboundGateway("queries").payloadType(String.class))
			.handle(String.class, (query, headers) -> averages.answer(query))
			.get();
	}

	private static List<WeatherUpdate> updates(Collection<Message<?>> messages) {
		return messages.stream().map((message) -> (WeatherUpdate) message.getPayload()).toList();
	}

}
