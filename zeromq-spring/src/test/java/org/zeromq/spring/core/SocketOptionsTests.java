package org.zeromq.spring.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a spec's options resolve to, set or not, without opening a socket. */
class SocketOptionsTests {

	@Test
	void anOptionThatIsNotSetResolvesToTheStartersDefaultWhereThereIsOne() {
		SocketOptions none = SocketOptions.DEFAULTS;
		assertThat(none.get(SocketOption.SEND_TIMEOUT)).isEmpty();
		assertThat(none.effective(SocketOption.SEND_TIMEOUT)).contains(Duration.ofSeconds(10));
		assertThat(none.effective(SocketOption.HANDSHAKE_INTERVAL)).contains(Duration.ofSeconds(3));
		assertThat(none.effective(SocketOption.REQ_RELAXED)).contains(true);
		assertThat(none.effective(SocketOption.REQ_CORRELATE)).contains(true);
	}

	@Test
	void anOptionThatIsNotSetAndHasNoStarterDefaultResolvesToNothing() {
		assertThat(SocketOptions.DEFAULTS.effective(SocketOption.SEND_HWM)).as("JeroMQ's own").isEmpty();
		assertThat(SocketOptions.DEFAULTS.effective(SocketOption.LINGER)).as("the context's").isEmpty();
		assertThat(SocketOptions.DEFAULTS.effective(SocketOption.IPV6)).as("the context's").isEmpty();
	}

	@Test
	void aSetValueWinsOverEveryDefault() {
		SocketOptions options = SocketOptions.builder()
			.set(SocketOption.SEND_TIMEOUT, Duration.ofMillis(250))
			.set(SocketOption.REQ_CORRELATE, false)
			.set(SocketOption.SEND_HWM, 5)
			.build();
		assertThat(options.effective(SocketOption.SEND_TIMEOUT)).contains(Duration.ofMillis(250));
		assertThat(options.effective(SocketOption.REQ_CORRELATE)).contains(false);
		assertThat(options.effective(SocketOption.SEND_HWM)).contains(5);
	}

	@Test
	void setOptionsAreListedInTableOrderWhateverOrderTheyWereSetIn() {
		SocketOptions options = SocketOptions.builder()
			.set(SocketOption.BACKLOG, 7)
			.set(SocketOption.SEND_HWM, 5)
			.set(SocketOption.LINGER, Duration.ZERO)
			.build();
		assertThat(options.explicitlySet()).containsExactly(
				java.util.Map.entry(SocketOption.SEND_HWM, 5), java.util.Map.entry(SocketOption.LINGER, Duration.ZERO),
				java.util.Map.entry(SocketOption.BACKLOG, 7));
	}

	@Test
	void settingNullUnsetsAndNothingSetIsTheDefaults() {
		SocketOptions options = SocketOptions.builder().set(SocketOption.SEND_HWM, 5).set(SocketOption.SEND_HWM, null).build();
		assertThat(options).isSameAs(SocketOptions.DEFAULTS);
		assertThat(SocketOptions.builder().set(SocketOption.SEND_HWM, 5).build().toBuilder().set(SocketOption.BACKLOG, 1)
			.build()
			.explicitlySet()).containsOnlyKeys(SocketOption.SEND_HWM, SocketOption.BACKLOG);
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedWhenSet() {
		assertThatExceptionOfType(ClassCastException.class)
			.isThrownBy(() -> SocketOptions.builder().setValue(SocketOption.SEND_HWM, "five"));
	}

}
