package org.zeromq.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.zeromq.spring.core.PayloadConverter;

/**
 * How payloads become frames: a {@link PayloadConverter} bean of the application's own, else a
 * {@link MessageConverter} bean named or qualified
 * {@value PayloadConverter#MESSAGE_CONVERTER_QUALIFIER}, else bytes as is, strings as UTF-8 and,
 * when Jackson 3 is present, everything else as JSON through Boot's {@link JsonMapper}. Other
 * {@code MessageConverter} beans are not ZeroMQ's: Spring Integration, for one, registers its
 * own, and adding it must not change what goes on the wire.
 */
@Configuration(proxyBeanMethods = false)
@Import({ ZmqMessageConverterConfiguration.JacksonPayloadConverterConfiguration.class,
		ZmqMessageConverterConfiguration.PlainPayloadConverterConfiguration.class })
class ZmqMessageConverterConfiguration {

	private static PayloadConverter payloadConverter(ObjectProvider<MessageConverter> userConverter,
			List<MessageConverter> defaults, @Nullable Function<Object, byte[]> objectWriter) {
		MessageConverter user = userConverter.getIfUnique();
		if (user != null) {
			return new PayloadConverter(user);
		}
		List<MessageConverter> converters = new ArrayList<>();
		converters.add(new ByteArrayMessageConverter());
		converters.add(new StringMessageConverter());
		converters.addAll(defaults);
		return new PayloadConverter(new CompositeMessageConverter(converters), objectWriter);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JsonMapper.class, JacksonJsonMessageConverter.class })
	static class JacksonPayloadConverterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PayloadConverter zmqPayloadConverter(
				@Qualifier(PayloadConverter.MESSAGE_CONVERTER_QUALIFIER) ObjectProvider<MessageConverter> userConverter,
				ObjectProvider<JsonMapper> jsonMapper) {
			JsonMapper mapper = jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
			// Writing through the same JsonMapper gives the converter's bytes without its per-call copies.
			return payloadConverter(userConverter, List.of(new JacksonJsonMessageConverter(mapper)),
					mapper::writeValueAsBytes);
		}

	}

	// Both nested configurations declare the same bean, and the order in which their
	// @ConditionalOnMissingBean conditions run is not the @Import order: without this condition
	// the plain converter could register first and switch JSON off although Jackson is present.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	static class PlainPayloadConverterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PayloadConverter zmqPayloadConverter(
				@Qualifier(PayloadConverter.MESSAGE_CONVERTER_QUALIFIER) ObjectProvider<MessageConverter> userConverter) {
			return payloadConverter(userConverter, List.of(), null);
		}

	}

}
