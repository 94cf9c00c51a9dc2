package org.zeromq.spring.autoconfigure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ErrorReply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates describes every key a user writes. An IDE
 * completes the keys inside a socket from the type {@code zeromq.sockets} declares for its
 * values, so that type must describe every option of the table and every setting of a
 * declaration: Spring Boot's processor writes that description as the source metadata of
 * {@link ZmqProperties.Socket}, which this test reads from the build output.
 */
class ConfigurationMetadataTests {

	private static final String SOCKET_TYPE = ZmqProperties.Socket.class.getName();

	@Test
	void theSocketsMapDeclaresTheSocketTypeAsItsValues() throws Exception {
		Map<String, JsonNode> properties = byName(read("META-INF/spring-configuration-metadata.json"));
		assertThat(properties.get("zeromq.sockets").get("type").asString())
			.isEqualTo("java.util.Map<java.lang.String," + SOCKET_TYPE + ">");
		assertThat(properties.get("zeromq.sockets").get("description").asString()).isNotBlank();
	}

	@Test
	void everyContextAndListenerPropertyIsDescribed() throws Exception {
		Map<String, JsonNode> properties = byName(read("META-INF/spring-configuration-metadata.json"));
		assertThat(properties).containsKeys("zeromq.context.io-threads", "zeromq.context.linger",
				"zeromq.listener.shutdown-timeout");
		properties.forEach((name, property) -> assertThat(property.path("description").asString()).as(name).isNotBlank());
	}

	@Test
	void everySocketOptionIsDescribedWithItsType() throws Exception {
		Map<String, JsonNode> socket = byName(read("META-INF/spring/configuration-metadata/" + SOCKET_TYPE + ".json"));
		for (SocketOption<?> option : SocketOption.values()) {
			assertThat(socket).as(option.key()).containsKey(option.key());
			JsonNode property = socket.get(option.key());
			assertThat(property.path("description").asString()).as(option.key()).isNotBlank();
			assertThat(property.path("type").asString()).as(option.key()).isEqualTo(option.type().getName());
		}
	}

	@Test
	void everySettingOfADeclarationIsDescribedAndTheChoicesAreEnums() throws Exception {
		Map<String, JsonNode> socket = byName(read("META-INF/spring/configuration-metadata/" + SOCKET_TYPE + ".json"));
		Map<String, String> types = Map.of("type", ZmqSocketType.class.getName(), "bind",
				"java.util.List<java.lang.String>", "connect", "java.util.List<java.lang.String>", "subscribe",
				"java.util.List<java.lang.String>", "hwm-policy", HwmPolicy.class.getName(), "error-reply",
				ErrorReply.class.getName(), "dead-letter", String.class.getName());
		types.forEach((key, type) -> {
			assertThat(socket).as(key).containsKey(key);
			assertThat(socket.get(key).path("description").asString()).as(key).isNotBlank();
			assertThat(socket.get(key).path("type").asString()).as(key).isEqualTo(type);
		});
		assertThat(socket.get("hwm-policy").path("defaultValue").asString()).isEqualTo("block");
		assertThat(socket.get("error-reply").path("defaultValue").asString()).isEqualTo("error");
		assertThat(socket.get("send-timeout").path("description").asString())
			.contains(Duration.ofSeconds(10).toSeconds() + "s");
	}

	@Test
	void theBridgeMapsDeclareTheirBridgeTypesWhichDescribeEverySetting() throws Exception {
		Map<String, JsonNode> properties = byName(read("META-INF/spring-configuration-metadata.json"));
		Map<Class<?>, String> maps = Map.of(ZmqProperties.InboundBridge.class, "zeromq.integration.inbound",
				ZmqProperties.OutboundBridge.class, "zeromq.integration.outbound");
		maps.forEach((type, key) -> {
			assertThat(properties.get(key).get("type").asString()).isEqualTo("java.util.Map<java.lang.String," + type.getName() + ">");
			assertThat(properties.get(key).get("description").asString()).as(key).isNotBlank();
		});
		Map<String, JsonNode> inbound = byName(
				read("META-INF/spring/configuration-metadata/" + ZmqProperties.InboundBridge.class.getName() + ".json"));
		assertThat(inbound).containsOnlyKeys("channel", "error-channel", "payload-type", "concurrency", "auto-startup",
				"expect-reply", "reply-timeout");
		Map<String, JsonNode> outbound = byName(
				read("META-INF/spring/configuration-metadata/" + ZmqProperties.OutboundBridge.class.getName() + ".json"));
		assertThat(outbound).containsOnlyKeys("channel", "topic", "topic-expression", "reply-channel", "reply-payload-type",
				"reply-timeout", "async", "auto-startup");
		inbound.forEach((name, property) -> assertThat(property.path("description").asString()).as(name).isNotBlank());
		outbound.forEach((name, property) -> assertThat(property.path("description").asString()).as(name).isNotBlank());
	}

	private static JsonNode read(String path) throws IOException, URISyntaxException {
		// the module's own build output, not the first such file on the class path (Boot has one too)
		Path classes = Path.of(ZmqProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path file = classes.resolve(path);
		assertThat(file).as("generated by the build").exists();
		return JsonMapper.builder().build().readTree(Files.readString(file));
	}

	private static Map<String, JsonNode> byName(JsonNode metadata) {
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		return properties;
	}

}
