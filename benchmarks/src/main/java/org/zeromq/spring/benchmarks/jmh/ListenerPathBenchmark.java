package org.zeromq.spring.benchmarks.jmh;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.util.ReflectionUtils;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ReplyTarget;
import org.zeromq.spring.listener.adapter.ZmqMessageHandlerMethodFactory;

/**
 * The listener's per-message work between "frames received" and "reply frames ready", without
 * sockets: frame layout parsing, argument resolution (spring-messaging's resolvers) and
 * conversion, the handler call, and the reply frames. Through public API only
 * ({@link DefaultZmqListenerContainer#handle(List, ReplyTarget)}); the pieces come from a real application context
 * (the converter and container factory the auto-configuration builds, declared sockets of each type).
 * <p>
 * The {@code …MetricsOn} benchmarks run the same listeners in a second application with the
 * starter's meters on ({@code zeromq.metrics.enabled=true}, so the {@code zeromq.listener} timer
 * wraps each handler call): against their plain twins in the same run, what the timer costs per
 * message in time and in bytes allocated.
 * <p>
 * Replies go to a {@link ReplyTarget} as on the listener's thread, which sends the envelope and the
 * body frame by frame: no list is made for them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ListenerPathBenchmark {

	private static final List<byte[]> ONE_FRAME = List.of(Payload.BYTES_100);

	private static final List<byte[]> TOPIC_ENVELOPE = List.of("bench.data".getBytes(), Payload.BYTES_100);

	private static final List<byte[]> ROUTER_ENVELOPE = List.of(new byte[] { 0, 1, 2, 3, 4 }, new byte[0], Payload.BYTES_100);

	private StarterApp app;

	private StarterApp metricsApp;

	private List<byte[]> textFrame;

	private List<byte[]> jsonFrame;

	private DefaultZmqListenerContainer repEcho;

	private DefaultZmqListenerContainer pullBytes;

	private DefaultZmqListenerContainer pullText;

	private DefaultZmqListenerContainer pullJson;

	private DefaultZmqListenerContainer subTopic;

	private DefaultZmqListenerContainer routerEcho;

	private DefaultZmqListenerContainer pullBytesMetricsOn;

	private DefaultZmqListenerContainer repEchoMetricsOn;

	private final KeptReplies replies = new KeptReplies();

	@Setup(Level.Trial)
	public void setUp() {
		// One declared socket per listener (a socket belongs to one listener); the containers are
		// created, never started.
		Map<String, Object> sockets = new HashMap<>();
		declare(sockets, "rep", "REP");
		declare(sockets, "pull-bytes", "PULL");
		declare(sockets, "pull-text", "PULL");
		declare(sockets, "pull-json", "PULL");
		declare(sockets, "sub", "SUB");
		sockets.put("zeromq.sockets.sub.subscribe[0]", "");
		declare(sockets, "router", "ROUTER");
		this.app = StarterApp.start(sockets, Map.of());
		DefaultZmqListenerContainerFactory factory = this.app.bean(DefaultZmqListenerContainerFactory.class);
		PayloadConverter converter = this.app.bean(PayloadConverter.class);
		this.textFrame = List.of(converter.toFrame(Payload.TEXT_100));
		this.jsonFrame = List.of(converter.toFrame(Payload.QUOTE));
		ZmqMessageHandlerMethodFactory handlerMethods = new ZmqMessageHandlerMethodFactory(converter, null, List.of(), null);
		Handlers handlers = new Handlers();
		this.repEcho = container(factory, handlerMethods, handlers, "echo", "rep");
		this.pullBytes = container(factory, handlerMethods, handlers, "bytes", "pull-bytes");
		this.pullText = container(factory, handlerMethods, handlers, "text", "pull-text");
		this.pullJson = container(factory, handlerMethods, handlers, "quote", "pull-json");
		this.subTopic = container(factory, handlerMethods, handlers, "topic", "sub");
		this.routerEcho = container(factory, handlerMethods, handlers, "echo", "router");
		Map<String, Object> metered = new HashMap<>();
		declare(metered, "metrics-rep", "REP");
		declare(metered, "metrics-pull", "PULL");
		metered.put("zeromq.metrics.enabled", "true");
		this.metricsApp = StarterApp.start(metered, Map.of());
		DefaultZmqListenerContainerFactory metricsFactory = this.metricsApp.bean(DefaultZmqListenerContainerFactory.class);
		this.pullBytesMetricsOn = container(metricsFactory, handlerMethods, handlers, "bytes", "metrics-pull");
		this.repEchoMetricsOn = container(metricsFactory, handlerMethods, handlers, "echo", "metrics-rep");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.metricsApp.close();
		this.app.close();
	}

	@Benchmark
	public InboundMessage parsePlain() {
		return InboundMessage.of(ZmqSocketType.PULL, "in", ONE_FRAME);
	}

	@Benchmark
	public InboundMessage parseTopicEnvelope() {
		return InboundMessage.of(ZmqSocketType.SUB, "in", TOPIC_ENVELOPE);
	}

	@Benchmark
	public InboundMessage parseRouterEnvelope() {
		return InboundMessage.of(ZmqSocketType.ROUTER, "in", ROUTER_ENVELOPE);
	}

	/** PULL, {@code void on(byte[])}: the cheapest listener. */
	@Benchmark
	public void dispatchPullBytes() {
		this.pullBytes.handle(ONE_FRAME, this.replies);
	}

	@Benchmark
	public void dispatchPullString() {
		this.pullText.handle(this.textFrame, this.replies);
	}

	@Benchmark
	public void dispatchPullJson() {
		this.pullJson.handle(this.jsonFrame, this.replies);
	}

	/** SUB, {@code void on(@Header(TOPIC) String, byte[])}. */
	@Benchmark
	public void dispatchSubTopic() {
		this.subTopic.handle(TOPIC_ENVELOPE, this.replies);
	}

	/** REP, {@code byte[] echo(byte[])}: the reply frames included. */
	@Benchmark
	public void dispatchRepEcho() {
		this.repEcho.handle(ONE_FRAME, this.replies);
	}

	/** {@link #dispatchPullBytes} with the {@code zeromq.listener} timer on. */
	@Benchmark
	public void dispatchPullBytesMetricsOn() {
		this.pullBytesMetricsOn.handle(ONE_FRAME, this.replies);
	}

	/** {@link #dispatchRepEcho} with the {@code zeromq.listener} timer on. */
	@Benchmark
	public void dispatchRepEchoMetricsOn() {
		this.repEchoMetricsOn.handle(ONE_FRAME, this.replies);
	}

	/** ROUTER: the reply carries the identity envelope back. */
	@Benchmark
	public void dispatchRouterEcho() {
		this.routerEcho.handle(ROUTER_ENVELOPE, this.replies);
	}

	private static void declare(Map<String, Object> properties, String socket, String type) {
		properties.put("zeromq.sockets." + socket + ".type", type);
		properties.put("zeromq.sockets." + socket + ".bind", "inproc://bench-" + socket);
	}

	private static DefaultZmqListenerContainer container(DefaultZmqListenerContainerFactory factory,
			ZmqMessageHandlerMethodFactory handlerMethods, Handlers handlers, String methodName, String socket) {
		Method method = ReflectionUtils.findMethod(Handlers.class, methodName, (Class<?>[]) null);
		ListenerEndpoint endpoint = new ListenerEndpoint(methodName, socket, 1, false, null, null, handlers, method);
		return factory.createListenerContainer(endpoint, handlerMethods);
	}

	/**
	 * Replies as the listener's thread gets them, envelope and body apart, kept in fields the JIT
	 * must keep writing, so that no reply is dropped as unused.
	 */
	static final class KeptReplies implements ReplyTarget {

		Object envelope;

		Object body;

		@Override
		public void reply(List<byte[]> envelope, List<byte[]> body) {
			this.envelope = envelope;
			this.body = body;
		}

		@Override
		public void reply(List<byte[]> envelope, byte[] frame) {
			this.envelope = envelope;
			this.body = frame;
		}

	}

	/** Listener methods as an application writes them; each consumes what it reads. */
	public static class Handlers {

		// A field the JIT must keep writing, so that no conversion is dropped as unused.
		Object last;

		String lastTopic;

		public byte[] echo(byte[] request) {
			return request;
		}

		public void bytes(byte[] payload) {
			this.last = payload;
		}

		public void text(String payload) {
			this.last = payload;
		}

		public void quote(Payload.Quote quote) {
			this.last = quote;
		}

		public void topic(@Header(ZmqHeaders.TOPIC) String topic, byte[] payload) {
			this.lastTopic = topic;
			this.last = payload;
		}

	}

}
