package org.zeromq.spring.benchmarks.jmh;

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
import tools.jackson.databind.json.JsonMapper;

import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.PayloadConverter;

/**
 * Payload ⇄ frame conversion with the converters the auto-configuration builds (bytes as is,
 * UTF-8 strings, JSON through Boot's JsonMapper), and the outbound frame list a send makes.
 * The {@code RawJackson} pair is the baseline: the same JSON work done directly on the mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConversionBenchmark {

	private StarterApp app;

	private PayloadConverter converter;

	private OutboundFrames outbound;

	private byte[] textFrame;

	private byte[] jsonFrame;

	private JsonMapper jsonMapper;

	@Setup(Level.Trial)
	public void setUp() {
		this.app = StarterApp.start(Map.of(), Map.of());
		this.outbound = this.app.bean(OutboundFrames.class);
		this.converter = this.outbound.converter();
		this.textFrame = this.converter.toFrame(Payload.TEXT_100);
		this.jsonFrame = this.converter.toFrame(Payload.QUOTE);
		this.jsonMapper = this.app.bean(JsonMapper.class);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.app.close();
	}

	@Benchmark
	public byte[] bytesToFrame() {
		return this.converter.toFrame(Payload.BYTES_100);
	}

	@Benchmark
	public byte[] stringToFrame() {
		return this.converter.toFrame(Payload.TEXT_100);
	}

	@Benchmark
	public byte[] jsonToFrame() {
		return this.converter.toFrame(Payload.QUOTE);
	}

	/** Baseline: what raw code spends on the same JSON, with the same mapper. */
	@Benchmark
	public byte[] jsonToFrameRawJackson() {
		return this.jsonMapper.writeValueAsBytes(Payload.QUOTE);
	}

	@Benchmark
	public Payload.Quote frameToJsonRawJackson() {
		return this.jsonMapper.readValue(this.jsonFrame, Payload.Quote.class);
	}

	@Benchmark
	public byte[] frameToBytes() {
		return this.converter.fromFrame(Payload.BYTES_100, byte[].class);
	}

	@Benchmark
	public String frameToString() {
		return this.converter.fromFrame(this.textFrame, String.class);
	}

	@Benchmark
	public Payload.Quote frameToJson() {
		return this.converter.fromFrame(this.jsonFrame, Payload.Quote.class);
	}

	@Benchmark
	public List<byte[]> outboundFramesOfBytes() {
		return this.outbound.of(Payload.BYTES_100);
	}

}
