package org.zeromq.spring.core;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ReflectionUtils;
import org.zeromq.ZFrame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a payload becomes as a frame and back, without a socket. */
class PayloadConverterTests {

	private static final byte[] ORDER_JSON = "{\"item\":\"apple\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8);

	// Stands for the application's converter where a test shows it is not consulted at all.
	private static final MessageConverter UNTOUCHABLE = new MessageConverter() {

		@Override
		public Object fromMessage(Message<?> message, Class<?> targetClass) {
			throw new AssertionError("the converter was asked to read a " + targetClass.getName());
		}

		@Override
		public Message<?> toMessage(Object payload, MessageHeaders headers) {
			throw new AssertionError("the converter was asked to write a " + payload.getClass().getName());
		}

	};

	@Test
	void bytesTravelAsTheSameArrayBothWaysWithoutTheConverter() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE, (value) -> {
			throw new AssertionError("the object writer was asked to write " + value);
		});
		byte[] frame = { 0, 1, (byte) 0xFF };
		assertThat(converter.toFrame(frame)).isSameAs(frame);
		assertThat(converter.fromFrame(frame, byte[].class)).isSameAs(frame);
		assertThat(converter.fromFrame(frame, Object.class)).as("an Object parameter takes the frame").isSameAs(frame);
	}

	@Test
	void aBufferThatWrapsAWholeArrayAndAZFrameAreSentAsTheirArrayWithoutACopy() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE, (value) -> {
			throw new AssertionError("the object writer was asked to write " + value);
		});
		byte[] bytes = { 1, 2, 3, 4 };
		assertThat(converter.toFrame(ByteBuffer.wrap(bytes))).isSameAs(bytes);
		assertThat(converter.toFrame(new ZFrame(bytes))).isSameAs(bytes);
		assertThat(converter.toFrame(new ZFrame((byte[]) null))).as("a ZFrame without data is an empty frame").isEmpty();
	}

	@Test
	void anyOtherBufferIsSentAsItsRemainingBytesAndKeepsItsPosition() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE, (value) -> {
			throw new AssertionError("the object writer was asked to write " + value);
		});
		ByteBuffer partlyRead = ByteBuffer.wrap(new byte[] { 9, 8, 7, 6 });
		partlyRead.get();
		assertThat(converter.toFrame(partlyRead)).containsExactly(8, 7, 6);
		assertThat(partlyRead.position()).isEqualTo(1);
		ByteBuffer slice = ByteBuffer.wrap(new byte[] { 9, 8, 7, 6 }, 1, 2).slice();
		assertThat(converter.toFrame(slice)).containsExactly(8, 7);
		ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] { 5, 4, 3 }).flip();
		assertThat(converter.toFrame(direct)).containsExactly(5, 4, 3);
		assertThat(direct.remaining()).isEqualTo(3);
		ByteBuffer readOnly = ByteBuffer.wrap(new byte[] { 2, 1 }).asReadOnlyBuffer();
		assertThat(converter.toFrame(readOnly)).containsExactly(2, 1);
	}

	@Test
	void aFrameIsReadAsABufferOrAZFrameThatWrapsItWithoutACopy() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE);
		byte[] frame = { 1, 2, 3 };
		ByteBuffer buffer = converter.fromFrame(frame, ByteBuffer.class);
		assertThat(buffer.array()).isSameAs(frame);
		assertThat(buffer.remaining()).isEqualTo(3);
		assertThat(converter.fromFrame(frame, ZFrame.class).getData()).isSameAs(frame);
	}

	@Test
	void textTravelsAsUtf8BothWaysWithoutTheConverter() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE, (value) -> {
			throw new AssertionError("the object writer was asked to write " + value);
		});
		byte[] frame = converter.toFrame("grüße ✓");
		assertThat(frame).isEqualTo("grüße ✓".getBytes(StandardCharsets.UTF_8));
		assertThat(converter.fromFrame(frame, String.class)).isEqualTo("grüße ✓");
	}

	@Test
	void objectsTravelAsJsonThroughTheDefaultJacksonConverter() {
		PayloadConverter converter = PayloadConverter.withDefaults();
		assertThat(new String(converter.toFrame(new Order("apple", 3)), StandardCharsets.UTF_8))
			.isEqualTo(new String(ORDER_JSON, StandardCharsets.UTF_8));
		assertThat(converter.fromFrame(ORDER_JSON, Order.class)).isEqualTo(new Order("apple", 3));
	}

	@Test
	void aNullPayloadIsRefusedWithTheWayToSendAnEmptyFrame() {
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> PayloadConverter.withDefaults().toFrame(null))
			.withMessageContaining("null payload cannot be sent")
			.withMessageContaining("empty byte[]");
	}

	@Test
	void aConverterThatWritesNothingFailsTheSendNamingThePayloadType() {
		PayloadConverter converter = new PayloadConverter(new NullConverter());
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.toFrame(new Order("apple", 3)))
			.withMessageContaining("No converter turns " + Order.class.getName() + " into a frame");
	}

	@Test
	void aConverterThatReadsNothingFailsTheReadNamingTheTargetTypeAndFrameSize() {
		PayloadConverter converter = new PayloadConverter(new NullConverter());
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.fromFrame(ORDER_JSON, Order.class))
			.withMessageContaining("No converter reads a frame of " + ORDER_JSON.length + " bytes as " + Order.class.getName());
	}

	@Test
	void aConverterResultThatIsTextBecomesUtf8AndAnythingElseIsRefused() {
		PayloadConverter text = new PayloadConverter(new FixedResultConverter("ünïcode"));
		assertThat(text.toFrame(new Order("apple", 3))).isEqualTo("ünïcode".getBytes(StandardCharsets.UTF_8));
		PayloadConverter number = new PayloadConverter(new FixedResultConverter(42));
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> number.toFrame(new Order("apple", 3)))
			.withMessageContaining("into a java.lang.Integer; a frame needs byte[] or String");
	}

	@Test
	void theObjectWriterWritesObjectsInsteadOfTheConverter() {
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE,
				(value) -> ("written:" + value).getBytes(StandardCharsets.UTF_8));
		assertThat(new String(converter.toFrame(new Order("apple", 3)), StandardCharsets.UTF_8))
			.isEqualTo("written:Order[item=apple, quantity=3]");
	}

	@Test
	void aFailingObjectWriterFailsTheSendAsAConversionErrorWithItsCause() {
		IllegalStateException writerFailure = new IllegalStateException("cyclic reference");
		PayloadConverter converter = new PayloadConverter(UNTOUCHABLE, (value) -> {
			throw writerFailure;
		});
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.toFrame(new Order("apple", 3)))
			.withMessage("Could not write " + Order.class.getName() + " as a frame: cyclic reference")
			.withCause(writerFailure);
	}

	@Test
	void aTypeReferenceReadsGenericListsAndMapsWithTypedElements() {
		PayloadConverter converter = PayloadConverter.withDefaults();
		List<Order> orders = converter.fromFrame(json("[{\"item\":\"apple\",\"quantity\":3},{\"item\":\"pear\",\"quantity\":1}]"),
				new ParameterizedTypeReference<List<Order>>() {
				});
		assertThat(orders).containsExactly(new Order("apple", 3), new Order("pear", 1));
		Map<String, Order> byId = converter.fromFrame(json("{\"o-1\":{\"item\":\"fig\",\"quantity\":2}}"),
				new ParameterizedTypeReference<Map<String, Order>>() {
				});
		assertThat(byId).containsExactly(Map.entry("o-1", new Order("fig", 2)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMethodParameterHintGivesTheConverterTheElementTypeThatTheRawClassLacks() {
		PayloadConverter converter = new PayloadConverter(new JacksonJsonMessageConverter());
		byte[] frame = json("[{\"item\":\"apple\",\"quantity\":3}]");
		Method handler = ReflectionUtils.findMethod(Handlers.class, "orders", List.class);
		List<Object> typed = converter.fromFrame(frame, List.class, new MethodParameter(handler, 0));
		assertThat(typed).containsExactly(new Order("apple", 3));
		List<Object> untyped = converter.fromFrame(frame, List.class, null);
		assertThat(untyped).singleElement().isInstanceOf(Map.class);
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Order(String item, int quantity) {
	}

	static class Handlers {

		void orders(List<Order> orders) {
		}

	}

	/** A converter that can do nothing with any payload, as Spring's converters answer then. */
	private static final class NullConverter implements MessageConverter {

		@Override
		public Object fromMessage(Message<?> message, Class<?> targetClass) {
			return null;
		}

		@Override
		public Message<?> toMessage(Object payload, MessageHeaders headers) {
			return null;
		}

	}

	/** A converter that writes every payload as the same message payload. */
	private static final class FixedResultConverter implements MessageConverter {

		private final Object result;

		FixedResultConverter(Object result) {
			this.result = result;
		}

		@Override
		public Object fromMessage(Message<?> message, Class<?> targetClass) {
			throw new AssertionError("only writing is expected");
		}

		@Override
		public Message<?> toMessage(Object payload, MessageHeaders headers) {
			return new GenericMessage<>(this.result);
		}

	}

}
