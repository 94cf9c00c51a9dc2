package org.zeromq.spring.integration.dsl;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.expression.Expression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.integration.dsl.MessageHandlerSpec;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.messaging.Message;
import org.zeromq.spring.integration.ZmqOutboundEndpoint;

/**
 * What outbound channel adapters and gateways share: the topic frame, the ROUTER identity and
 * the bounded stop.
 *
 * @param <S> the spec itself
 */
public abstract class ZmqOutboundEndpointSpec<S extends ZmqOutboundEndpointSpec<S>>
		extends MessageHandlerSpec<S, ZmqOutboundEndpoint> {

	ZmqOutboundEndpointSpec(ZmqOutboundEndpoint endpoint) {
		this.target = endpoint;
	}

	/** The same topic frame in front of every message. */
	public S topic(String topic) {
		return topicExpression(new LiteralExpression(topic));
	}

	/** The topic frame as a SpEL expression on each message, e.g. {@code headers['zip']}. */
	public S topicExpression(String topicExpression) {
		return topicExpression(PARSER.parseExpression(topicExpression));
	}

	public S topicExpression(Expression topicExpression) {
		this.target.setTopicExpression(topicExpression);
		return _this();
	}

	/** The topic frame from each message; {@code null} sends none. */
	public S topicFunction(Function<Message<?>, ?> topicFunction) {
		return topicExpression(new FunctionExpression<>(topicFunction));
	}

	/** ROUTER: the peer's routing identity as a SpEL expression; the {@code zmq_identity} header by default. */
	public S identityExpression(String identityExpression) {
		this.target.setIdentityExpression(PARSER.parseExpression(identityExpression));
		return _this();
	}

	/** ROUTER: the peer's routing identity from each message. */
	public S identityFunction(Function<Message<?>, ?> identityFunction) {
		this.target.setIdentityExpression(new FunctionExpression<>(identityFunction));
		return _this();
	}

	/** How long stopping waits for requests in flight; {@code zeromq.listener.shutdown-timeout} by default. */
	public S shutdownTimeout(Duration shutdownTimeout) {
		this.target.setShutdownTimeout(shutdownTimeout);
		return _this();
	}

}
