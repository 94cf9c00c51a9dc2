package org.zeromq.spring.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payloads of the throughput scenarios, about 100 bytes on the wire each: raw JeroMQ code
 * encodes and decodes them by hand exactly as the starter's converters do, so a row compares
 * the same work done two ways.
 */
public enum Payload {

	BYTES("byte[]") {
		@Override
		public Object value() {
			return BYTES_100;
		}

		@Override
		public byte[] encode(JsonMapper mapper) {
			return BYTES_100;
		}

		@Override
		public long decode(byte[] frame, JsonMapper mapper) {
			return frame.length;
		}
	},

	TEXT("String") {
		@Override
		public Object value() {
			return TEXT_100;
		}

		@Override
		public byte[] encode(JsonMapper mapper) {
			return TEXT_100.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public long decode(byte[] frame, JsonMapper mapper) {
			return new String(frame, StandardCharsets.UTF_8).length();
		}
	},

	JSON("JSON record") {
		@Override
		public Object value() {
			return QUOTE;
		}

		@Override
		public byte[] encode(JsonMapper mapper) {
			return mapper.writeValueAsBytes(QUOTE);
		}

		@Override
		public long decode(byte[] frame, JsonMapper mapper) {
			return mapper.readValue(frame, Quote.class).sequence();
		}
	};

	/** A small JSON object, about 100 bytes as JSON. */
	public record Quote(String symbol, String venue, long sequence, double bid, double ask, long timestamp) {
	}

	public static final byte[] BYTES_100 = new byte[100];

	public static final String TEXT_100;

	public static final Quote QUOTE = new Quote("ZMQ", "XLON", 123_456_789L, 101.25, 101.75, 1_767_225_600_000L);

	static {
		Arrays.fill(BYTES_100, (byte) 'x');
		TEXT_100 = "y".repeat(100);
	}

	private final String label;

	Payload(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** What an application hands to {@code ZmqTemplate.send}. */
	public abstract Object value();

	/** What raw code does to put {@link #value()} in a frame. */
	public abstract byte[] encode(JsonMapper mapper);

	/** What raw code does to read a frame back; returns something read, for {@link Arrivals}. */
	public abstract long decode(byte[] frame, JsonMapper mapper);

}
