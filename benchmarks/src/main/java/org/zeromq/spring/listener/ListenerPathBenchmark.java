package org.zeromq.spring.listener;

import java.lang.reflect.Method;
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
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * The listener's per-message work between "frames received" and "reply frames ready", without
 * sockets: frame layout parsing, argument resolution and conversion, the handler call, and the
 * reply frames. It lives in the listener package because that work is package-private; the
 * pieces come from a real application context (the converters the auto-configuration builds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ListenerPathBenchmark {

	private static final List<byte[]> ONE_FRAME = List.of(Payload.BYTES_100);

	private static final List<byte[]> TOPIC_ENVELOPE = List.of("bench.data".getBytes(), Payload.BYTES_100);

	private static final List<byte[]> ROUTER_ENVELOPE = List.of(new byte[] { 0, 1, 2, 3, 4 }, new byte[0], Payload.BYTES_100);

	private StarterApp app;

	private List<byte[]> textFrame;

	private List<byte[]> jsonFrame;

	private MessageDispatcher repEcho;

	private MessageDispatcher pullBytes;

	private MessageDispatcher pullText;

	private MessageDispatcher pullJson;

	private MessageDispatcher subTopic;

	private MessageDispatcher routerEcho;

	@Setup(Level.Trial)
	public void setUp() {
		this.app = StarterApp.start(Map.of(), Map.of());
		OutboundFrames outbound = this.app.bean(OutboundFrames.class);
		ZmqSocketRegistry registry = this.app.bean(ZmqSocketRegistry.class);
		this.textFrame = List.of(outbound.converter().toFrame(Payload.TEXT_100));
		this.jsonFrame = List.of(outbound.converter().toFrame(Payload.QUOTE));
		Handlers handlers = new Handlers();
		this.repEcho = dispatcher(handlers, "echo", ZmqSocketType.REP, registry, outbound);
		this.pullBytes = dispatcher(handlers, "bytes", ZmqSocketType.PULL, registry, outbound);
		this.pullText = dispatcher(handlers, "text", ZmqSocketType.PULL, registry, outbound);
		this.pullJson = dispatcher(handlers, "quote", ZmqSocketType.PULL, registry, outbound);
		this.subTopic = dispatcher(handlers, "topic", ZmqSocketType.SUB, registry, outbound);
		this.routerEcho = dispatcher(handlers, "echo", ZmqSocketType.ROUTER, registry, outbound);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.app.close();
	}

	@Benchmark
	public InboundMessage parsePlain() {
		return FrameLayout.PLAIN.parse("in", ONE_FRAME);
	}

	@Benchmark
	public InboundMessage parseTopicEnvelope() {
		return FrameLayout.TOPIC.parse("in", TOPIC_ENVELOPE);
	}

	@Benchmark
	public InboundMessage parseRouterEnvelope() {
		return FrameLayout.ROUTED.parse("in", ROUTER_ENVELOPE);
	}

	/** PULL, {@code void on(byte[])}: the cheapest listener. */
	@Benchmark
	public List<byte[]> dispatchPullBytes() {
		return this.pullBytes.dispatch(ONE_FRAME);
	}

	@Benchmark
	public List<byte[]> dispatchPullString() {
		return this.pullText.dispatch(this.textFrame);
	}

	@Benchmark
	public List<byte[]> dispatchPullJson() {
		return this.pullJson.dispatch(this.jsonFrame);
	}

	/** SUB, {@code void on(@Header(TOPIC) String, byte[])}. */
	@Benchmark
	public List<byte[]> dispatchSubTopic() {
		return this.subTopic.dispatch(TOPIC_ENVELOPE);
	}

	/** REP, {@code byte[] echo(byte[])}: the reply frames included. */
	@Benchmark
	public List<byte[]> dispatchRepEcho() {
		return this.repEcho.dispatch(ONE_FRAME);
	}

	/** ROUTER: the reply carries the identity envelope back. */
	@Benchmark
	public List<byte[]> dispatchRouterEcho() {
		return this.routerEcho.dispatch(ROUTER_ENVELOPE);
	}

	private static MessageDispatcher dispatcher(Handlers handlers, String methodName, ZmqSocketType type,
			ZmqSocketRegistry registry, OutboundFrames outbound) {
		Method method = ReflectionUtils.findMethod(Handlers.class, methodName, (Class<?>[]) null);
		ListenerEndpoint endpoint = new ListenerEndpoint(methodName, "in", 1, true, null, null, handlers, method);
		ListenerMethod listenerMethod = new ListenerMethod(handlers, method, outbound.converter());
		return new MessageDispatcher(endpoint, listenerMethod, type, registry, outbound, new LoggingErrorHandler(),
				ListenerSocketSettings.DEFAULTS);
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
