package org.zeromq.spring.autoconfigure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;
import org.zeromq.spring.core.OptionDefault;
import org.zeromq.spring.core.SocketOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option table of {@code docs/configuration.md} is the {@link SocketOption} table, rendered.
 * Checked rather than generated, so that the build never writes into the sources: when they
 * differ this test fails and its message is the block to paste between the markers.
 */
class SocketOptionsDocumentationTests {

	static final String BEGIN = "<!-- socket-options:begin (generated from SocketOption; see SocketOptionsDocumentationTests) -->";

	static final String END = "<!-- socket-options:end -->";

	@Test
	void theDocumentedOptionTableIsTheCodesOptionTable() throws Exception {
		String documentation = Files.readString(configurationDoc());
		int begin = documentation.indexOf(BEGIN);
		int end = documentation.indexOf(END);
		assertThat(begin).as("docs/configuration.md has the marker " + BEGIN).isNotNegative();
		assertThat(end).as("docs/configuration.md has the marker " + END).isGreaterThan(begin);
		String documented = documentation.substring(begin + BEGIN.length(), end).strip();
		String expected = table();
		assertThat(documented).as("the option table in docs/configuration.md; paste this between the markers:%n%n%s%n",
				expected).isEqualTo(expected);
	}

	static String table() {
		return "| property | default | ZeroMQ option (JeroMQ setter) | applies to | what it does |\n"
				+ "|---|---|---|---|---|\n" + SocketOption.values().stream()
					.map((option) -> "| `" + option.key() + "` | " + defaultOf(option) + " | `" + option.zmqOption()
							+ "` (`" + option.jeromqSetter() + "`) | " + option.scope().describe() + " | "
							+ option.description() + " |")
					.collect(Collectors.joining("\n"));
	}

	private static String defaultOf(SocketOption<?> option) {
		OptionDefault<?> byDefault = option.defaultValue();
		if (byDefault instanceof OptionDefault.Starter<?> starter) {
			return "**" + value(starter.value()) + "** (JeroMQ: " + starter.jeromq() + ")";
		}
		if (byDefault instanceof OptionDefault.FromContext<?> fromContext) {
			Object contextDefault = new BeanWrapperImpl(new ZmqProperties().getContext())
				.getPropertyValue(fromContext.setting());
			return "`" + ZmqProperties.PREFIX + ".context." + fromContext.setting() + "` (" + value(contextDefault) + ")";
		}
		return ((OptionDefault.Jeromq<?>) byDefault).jeromq();
	}

	private static String value(Object value) {
		if (value instanceof Duration duration) {
			return DurationStyle.SIMPLE.print(duration, (duration.toMillis() % 1000 == 0) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
		}
		if (value instanceof Long bytes && bytes > 0 && bytes % (1024 * 1024) == 0) {
			return bytes + " (" + (bytes / (1024 * 1024)) + " MiB)";
		}
		return String.valueOf(value);
	}

	private static Path configurationDoc() throws URISyntaxException, IOException {
		// target/test-classes of this module, two levels below the project's root
		Path testClasses = Path.of(SocketOptionsDocumentationTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path doc = testClasses.getParent().getParent().getParent().resolve("docs").resolve("configuration.md");
		assertThat(doc).exists();
		return doc;
	}

}
