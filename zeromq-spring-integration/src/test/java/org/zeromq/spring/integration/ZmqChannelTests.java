package org.zeromq.spring.integration;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.test.HandledMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.integration.test.IntegrationApplication.ANY_TCP;
import static org.zeromq.spring.integration.test.IntegrationApplication.WAIT;
import static org.zeromq.spring.integration.test.IntegrationApplication.endpoint;
import static org.zeromq.spring.integration.test.IntegrationApplication.startupFailure;

/**
 * Channels whose messages travel over a pair of declared sockets: PUSH/PULL delivers each message
 * to one subscriber, PUB/SUB to all of them, between threads over inproc or between two
 * applications over tcp; only payloads travel.
 */
class ZmqChannelTests {

	private static final List<SocketSpec> PIPE = List.of(SocketSpec.bind("orders-in", ZmqSocketType.PULL, "inproc://orders"),
			SocketSpec.connect("orders-out", ZmqSocketType.PUSH, "inproc://orders"));

	private static final List<SocketSpec> NEWS = List.of(SocketSpec.bind("news-out", ZmqSocketType.PUB, "inproc://news"),
			SocketSpec.connect("news-in", ZmqSocketType.SUB, "inproc://news").withSubscriptions(List.of("")));

	@Test
	void pointToPointChannelDeliversEachMessageToOneSubscriberInTurn() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(PIPE, Orders.class)) {
			Orders orders = context.getBean(Orders.class);
			MessageChannel channel = context.getBean("orders", MessageChannel.class);
			for (int i = 0; i < 4; i++) {
				assertThat(channel.send(MessageBuilder.withPayload("order-" + i).build())).isTrue();
			}
			await().atMost(WAIT).until(() -> orders.first.count() + orders.second.count() == 4);
			assertThat(orders.first.count()).isEqualTo(2);
			assertThat(orders.second.count()).isEqualTo(2);
			assertThat(orders.messages.values()).extracting((message) -> message.getPayload())
				.containsExactlyInAnyOrder("order-0", "order-1", "order-2", "order-3");
			assertThat(context.getBean("orders", ZmqChannel.class).isPublishSubscribe()).isFalse();
		}
	}

	@Test
	void publishSubscribeChannelDeliversEachMessageToEverySubscriber() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(NEWS, News.class)) {
			News news = context.getBean(News.class);
			MessageChannel channel = context.getBean("news", MessageChannel.class);
			// A PUB drops what it sends before the subscription reached it: send until one arrives.
			await().pollInSameThread().atMost(WAIT).until(() -> {
				channel.send(MessageBuilder.withPayload("warm-up").build());
				return news.first.count() > 0;
			});
			channel.send(MessageBuilder.withPayload("headline").build());
			await().atMost(WAIT).until(() -> news.first.values().contains("headline") && news.second.values().contains("headline"));
			assertThat(context.getBean("news", ZmqChannel.class).isPublishSubscribe()).isTrue();
		}
	}

	@Test
	void twoApplicationsShareAChannelOverTcp() {
		List<SocketSpec> receiving = List.of(SocketSpec.bind("orders-in", ZmqSocketType.PULL, ANY_TCP),
				SocketSpec.bind("orders-out", ZmqSocketType.PUSH, ANY_TCP));
		try (AnnotationConfigApplicationContext receiver = IntegrationApplication.run(receiving, Orders.class)) {
			List<SocketSpec> sending = List.of(SocketSpec.bind("orders-in", ZmqSocketType.PULL, ANY_TCP),
					SocketSpec.connect("orders-out", ZmqSocketType.PUSH, endpoint(receiver, "orders-in")));
			try (AnnotationConfigApplicationContext sender = IntegrationApplication.run(sending, Orders.class)) {
				sender.getBean("orders", MessageChannel.class).send(MessageBuilder.withPayload("remote order").build());
				Orders there = receiver.getBean(Orders.class);
				await().atMost(WAIT).until(() -> there.first.count() + there.second.count() == 1);
				assertThat(there.first.values()).containsExactly("remote order");
				Orders here = sender.getBean(Orders.class);
				assertThat(here.first.count() + here.second.count()).isZero();
			}
		}
	}

	@Test
	void onlyThePayloadTravelsAndArrivesWithTheEnvelopeHeaders() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(PIPE, Orders.class)) {
			Orders orders = context.getBean(Orders.class);
			context.getBean("orders", MessageChannel.class)
				.send(MessageBuilder.withPayload("order").setHeader("secret", "stays here").build());
			Message<?> delivered = orders.messages.awaitCount(1).get(0);
			assertThat(delivered.getHeaders()).doesNotContainKey("secret").containsEntry(ZmqHeaders.SOCKET, "orders-in");
		}
	}

	@Test
	void aSubscriberThatFailsDoesNotStopTheChannel() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(PIPE, Orders.class)) {
			Orders orders = context.getBean(Orders.class);
			MessageChannel channel = context.getBean("orders", MessageChannel.class);
			channel.send(MessageBuilder.withPayload("fail").build());
			channel.send(MessageBuilder.withPayload("next").build());
			channel.send(MessageBuilder.withPayload("last").build());
			await().atMost(WAIT).until(() -> orders.first.values().contains("last") || orders.second.values().contains("last"));
			// Both subscribers refused it (a point-to-point channel tries the next one), and the
			// channel went on with the next messages.
			assertThat(orders.messages.values()).extracting((message) -> message.getPayload()).containsExactly("fail", "fail", "next", "last");
		}
	}

	@Test
	void socketsOfDifferentPatternsCannotMakeAChannel() {
		List<SocketSpec> mixed = List.of(SocketSpec.bind("orders-in", ZmqSocketType.SUB, "inproc://orders").withSubscriptions(List.of("")),
				SocketSpec.connect("orders-out", ZmqSocketType.PUSH, "inproc://orders"));
		assertThat(startupFailure(EndpointConfigurationException.class, mixed, Orders.class))
			.hasMessageContaining("zeromq:channel 'orders'")
			.hasMessageContaining("sends on a PUSH socket and receives on a SUB")
			.hasMessageContaining("pair PUSH with PULL (point to point) or PUB with SUB (publish-subscribe)");
	}

	@Configuration(proxyBeanMethods = false)
	static class Orders {

		final HandledMessages<String> first = new HandledMessages<>();

		final HandledMessages<String> second = new HandledMessages<>();

		final HandledMessages<Message<Object>> messages = new HandledMessages<>();

		@Bean
		IntegrationFlow ordersFlow() {
			return IntegrationFlow.from(Zmq.channel("orders", "orders-out", "orders-in").payloadType(String.class))
				.handle(String.class, (order, headers) -> {
					this.messages.record(MessageBuilder.<Object>withPayload(order).copyHeaders(headers).build());
					this.first.record(order);
					if (order.equals("fail")) {
						throw new IllegalStateException("cannot take " + order);
					}
					return null;
				})
				.get();
		}

		@Bean
		IntegrationFlow moreOrdersFlow() {
			return IntegrationFlow.from("orders").handle(String.class, (order, headers) -> {
				this.messages.record(MessageBuilder.<Object>withPayload(order).copyHeaders(headers).build());
				this.second.record(order);
				if (order.equals("fail")) {
					throw new IllegalStateException("cannot take " + order);
				}
				return null;
			}).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class News {

		final HandledMessages<String> first = new HandledMessages<>();

		final HandledMessages<String> second = new HandledMessages<>();

		@Bean
		IntegrationFlow newsFlow() {
			return IntegrationFlow.from(Zmq.channel("news", "news-out", "news-in").payloadType(String.class))
				.handle(String.class, (item, headers) -> {
					this.first.record(item);
					return null;
				})
				.get();
		}

		@Bean
		IntegrationFlow moreNewsFlow() {
			return IntegrationFlow.from("news").handle(String.class, (item, headers) -> {
				this.second.record(item);
				return null;
			}).get();
		}

	}

}
