package org.zeromq.spring.test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractByteArrayAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on one multipart ZeroMQ message, as a list of frames: its frame count,
 * its frames as UTF-8 text or bytes, its topic and its envelope delimiter. Failures show every
 * frame, as text where it is printable UTF-8 and as hex otherwise, cut at
 * {@value #SHOWN_BYTES} bytes so that a large payload does not flood the report.
 */
public final class FramesAssert extends AbstractAssert<FramesAssert, List<byte[]>> {

	static final int SHOWN_BYTES = 64;

	FramesAssert(List<byte[]> frames) {
		super(frames, FramesAssert.class);
	}

	/** The message has {@code count} frames. */
	public FramesAssert hasFrameCount(int count) {
		isNotNull();
		if (this.actual.size() != count) {
			failWithMessage("Expected a message of %d frame(s) but it had %d: %s", count, this.actual.size(),
					describe(this.actual));
		}
		return this;
	}

	/** The message is exactly these frames, each the UTF-8 bytes of its string. */
	public FramesAssert containsExactlyText(String... frames) {
		isNotNull();
		List<byte[]> expected = Arrays.stream(frames).map((frame) -> frame.getBytes(StandardCharsets.UTF_8)).toList();
		if (!sameFrames(expected)) {
			failWithMessage("Expected the frames %s but the message was %s", describe(expected), describe(this.actual));
		}
		return this;
	}

	/** The message is exactly these frames, byte for byte. */
	public FramesAssert containsExactlyBytes(byte[]... frames) {
		isNotNull();
		List<byte[]> expected = List.of(frames);
		if (!sameFrames(expected)) {
			failWithMessage("Expected the frames %s but the message was %s", describe(expected), describe(this.actual));
		}
		return this;
	}

	/** The first frame, a pub-sub envelope's topic, is {@code topic} in UTF-8. */
	public FramesAssert hasTopic(String topic) {
		isNotNull();
		if (this.actual.isEmpty() || !Arrays.equals(this.actual.get(0), topic.getBytes(StandardCharsets.UTF_8))) {
			failWithMessage("Expected the topic frame \"%s\" first but the message was %s", topic, describe(this.actual));
		}
		return this;
	}

	/** The frame at {@code index} is empty: the delimiter that ends a request envelope. */
	public FramesAssert hasDelimiterAt(int index) {
		frameIndex(index);
		if (this.actual.get(index).length != 0) {
			failWithMessage("Expected an empty delimiter frame at %d but the message was %s", index,
					describe(this.actual));
		}
		return this;
	}

	/** Assertions on the frame at {@code index} as UTF-8 text. */
	public AbstractStringAssert<?> frameText(int index) {
		frameIndex(index);
		return Assertions.assertThat(new String(this.actual.get(index), StandardCharsets.UTF_8))
			.as("frame %d of %s", index, describe(this.actual));
	}

	/** Assertions on the bytes of the frame at {@code index}. */
	public AbstractByteArrayAssert<?> frame(int index) {
		frameIndex(index);
		return Assertions.assertThat(this.actual.get(index)).as("frame %d of %s", index, describe(this.actual));
	}

	/** Assertions on the last frame as UTF-8 text: the payload of most messages. */
	public AbstractStringAssert<?> lastFrameText() {
		isNotNull();
		if (this.actual.isEmpty()) {
			failWithMessage("Expected a message with frames but it had none");
		}
		return frameText(this.actual.size() - 1);
	}

	private void frameIndex(int index) {
		isNotNull();
		if (index < 0 || index >= this.actual.size()) {
			failWithMessage("Expected a frame at %d but the message had %d: %s", index, this.actual.size(),
					describe(this.actual));
		}
	}

	private boolean sameFrames(List<byte[]> expected) {
		if (expected.size() != this.actual.size()) {
			return false;
		}
		for (int i = 0; i < expected.size(); i++) {
			if (!Arrays.equals(expected.get(i), this.actual.get(i))) {
				return false;
			}
		}
		return true;
	}

	static String describe(List<byte[]> frames) {
		return frames.stream().map(FramesAssert::describe).collect(Collectors.joining(", ", "[", "]"));
	}

	// Text where the frame is printable UTF-8, hex otherwise; either way cut at SHOWN_BYTES.
	static String describe(byte[] frame) {
		byte[] shown = (frame.length > SHOWN_BYTES) ? Arrays.copyOf(frame, SHOWN_BYTES) : frame;
		String cut = (frame.length > SHOWN_BYTES) ? "…(" + frame.length + " bytes)" : "";
		String text = printableText(shown);
		if (text != null) {
			return "\"" + text + "\"" + cut;
		}
		StringBuilder hex = new StringBuilder("0x");
		for (byte b : shown) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		return hex + cut;
	}

	private static @org.jspecify.annotations.Nullable String printableText(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			// Control characters would garble the report: such frames show as hex (so does a
			// frame cut inside a character).
			return text.codePoints().allMatch((c) -> !Character.isISOControl(c)) ? text : null;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
