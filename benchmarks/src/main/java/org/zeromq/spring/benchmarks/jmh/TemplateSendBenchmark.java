package org.zeromq.spring.benchmarks.jmh;

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
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * One send on an inproc PUSH socket: raw {@code socket.send} against {@code ZmqTemplate.send}
 * on a declared socket (lookup, conversion, the socket's lock, the high-water-mark policy). Both
 * push to a raw PULL loop on another thread that drains the same way, so the difference between
 * the two is what the template adds, in time and in bytes allocated per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TemplateSendBenchmark {

	private StarterApp app;

	private ZmqTemplate template;

	private ZMQ.Socket rawPush;

	private RawLoop templateDrain;

	private RawLoop rawDrain;

	@Setup(Level.Trial)
	public void setUp() {
		this.app = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.bind",
				"inproc://jmh-template-out"), Map.of());
		this.template = this.app.template();
		ZContext context = this.app.bean(ZContext.class);
		this.rawPush = context.createSocket(SocketType.PUSH);
		this.rawPush.bind("inproc://jmh-raw-out");
		Arrivals arrivals = new Arrivals();
		this.templateDrain = drain(context, "inproc://jmh-template-out", arrivals);
		this.rawDrain = drain(context, "inproc://jmh-raw-out", arrivals);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		this.templateDrain.close();
		this.rawDrain.close();
		this.rawPush.close();
		this.app.close();
	}

	@Benchmark
	public boolean rawSend() {
		return this.rawPush.send(Payload.BYTES_100, 0);
	}

	@Benchmark
	public boolean templateSend() {
		return this.template.send("out", Payload.BYTES_100);
	}

	@Benchmark
	public boolean templateSendString() {
		return this.template.send("out", Payload.TEXT_100);
	}

	private static RawLoop drain(ZContext context, String endpoint, Arrivals arrivals) {
		ZMQ.Socket pull = context.createSocket(SocketType.PULL);
		pull.connect(endpoint);
		return new RawLoop("jmh-drain", pull, (socket) -> {
			byte[] frame = socket.recv(0);
			if (frame == null) {
				return false;
			}
			arrivals.arrived(frame.length);
			return true;
		});
	}

}
