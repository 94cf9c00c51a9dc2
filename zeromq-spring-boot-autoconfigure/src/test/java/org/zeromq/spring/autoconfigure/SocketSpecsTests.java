package org.zeromq.spring.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.SpecViolation;
import org.zeromq.spring.core.ZmqSocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code zeromq.sockets.*} maps to specs by the option table, without opening a socket: every
 * row has its property, every property is a row or one of the socket's own settings.
 */
class SocketSpecsTests {

	/** The settings of a socket declaration that are not socket options. */
	private static final Set<String> DECLARATION = Set.of("type", "bind", "connect", "subscribe", "hwm-policy",
			"error-reply", "dead-letter", "trace-context", "health.required-peers");

	@Test
	void theSocketPropertiesAreTheOptionTablePlusTheDeclarationItself() {
		Set<String> options = SocketOption.values().stream().map(SocketOption::key).collect(Collectors.toSet());
		Set<String> expected = Stream.concat(options.stream(), DECLARATION.stream()).collect(Collectors.toSet());
		Set<String> properties = settings(ZmqProperties.Socket.class, "");
		assertThat(properties).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(SocketSpecs.optionProperties()).hasSameSizeAs(SocketOption.values());
	}

	@Test
	void everyOptionReachesTheSpecFromThePropertyOfItsName() {
		ZmqProperties.Socket socket = new ZmqProperties.Socket();
		BeanWrapper properties = new BeanWrapperImpl(socket);
		SocketSpecs.optionProperties()
			.forEach((option, property) -> properties.setPropertyValue(property.beanPath(), sample(option)));
		SocketOptions options = SocketSpecs.options(socket);
		for (SocketOption<?> option : SocketOption.values()) {
			assertThat(options.explicitlySet().get(option)).as(option.key()).isEqualTo(sample(option));
		}
	}

	/**
	 * The settings a user writes in a group of properties: its writable properties, and those of
	 * its nested groups (curve, plain) with the group's name in front.
	 */
	private static Set<String> settings(Class<?> group, String prefix) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(group))
			.filter((property) -> !property.getName().equals("class"))
			.flatMap((property) -> {
				String key = prefix + DataObjectPropertyName.toDashedForm(property.getName());
				if (property.getWriteMethod() != null) {
					return Stream.of(key);
				}
				return property.getPropertyType().getName().startsWith(ZmqProperties.class.getName() + "$")
						? settings(property.getPropertyType(), key + ".").stream() : Stream.empty();
			})
			.collect(Collectors.toSet());
	}

	@Test
	void optionsThatAreNotSetStayUnsetSoThatTheirDefaultsApply() {
		assertThat(SocketSpecs.options(new ZmqProperties.Socket())).isSameAs(SocketOptions.DEFAULTS);
	}

	@Test
	void aDeclarationBecomesASpecWithItsNameTypeEndpointsAndPolicy() {
		ZmqProperties properties = new ZmqProperties();
		ZmqProperties.Socket socket = new ZmqProperties.Socket();
		socket.setType(ZmqSocketType.SUB);
		socket.setConnect(List.of("tcp://127.0.0.1:5556"));
		socket.setSubscribe(List.of("news"));
		socket.setSendHwm(null);
		socket.setReceiveHwm(7);
		properties.getSockets().put("updates", socket);
		assertThat(SocketSpecs.from(properties)).singleElement().satisfies((spec) -> {
			assertThat(spec.name()).isEqualTo("updates");
			assertThat(spec.type()).isEqualTo(ZmqSocketType.SUB);
			assertThat(spec.connects()).containsExactly("tcp://127.0.0.1:5556");
			assertThat(spec.subscriptions()).containsExactly("news");
			assertThat(spec.hwmPolicy()).isEqualTo(HwmPolicy.BLOCK);
			assertThat(spec.options().explicitlySet()).containsOnlyKeys(SocketOption.RECEIVE_HWM);
		});
	}

	@Test
	void aDeclarationWithoutATypeIsRefusedNamingTheTypes() {
		ZmqProperties properties = new ZmqProperties();
		properties.getSockets().put("jobs", new ZmqProperties.Socket());
		assertThatExceptionOfType(InvalidSocketSpecException.class).isThrownBy(() -> SocketSpecs.from(properties))
			.satisfies((ex) -> assertThat(ex.violations()).containsExactly(new SpecViolation("jobs", "type",
					"no socket type given", Remedy.advice("use one of " + ZmqSocketType.names()))));
	}

	@Test
	void specsComeInDeclarationOrder() {
		ZmqProperties properties = new ZmqProperties();
		for (String name : List.of("b", "a", "c")) {
			ZmqProperties.Socket socket = new ZmqProperties.Socket();
			socket.setType(ZmqSocketType.PUSH);
			socket.setBind(List.of("inproc://" + name));
			properties.getSockets().put(name, socket);
		}
		assertThat(SocketSpecs.from(properties)).extracting(SocketSpec::name).containsExactly("b", "a", "c");
	}

	private static Object sample(SocketOption<?> option) {
		Class<?> type = option.type();
		if (type == Duration.class) {
			return Duration.ofMillis(option.key().length());
		}
		if (type == Boolean.class) {
			return true;
		}
		if (type == String.class) {
			return option.key();
		}
		if (type == Long.class) {
			return (long) option.key().length();
		}
		return option.key().length();
	}

}
