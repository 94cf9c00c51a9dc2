package org.zeromq.spring.samples.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableMessagesTests {

	@Test
	void countsByKindAndReportsEachKindOnceWithItsFirstMessageAsThePrintableExample() {
		UnreadableMessages unreadable = new UnreadableMessages();
		unreadable.record("NumberFormatException", "not\u0000a number");
		unreadable.record("NumberFormatException", "another");
		unreadable.record("IllegalArgumentException", "x".repeat(100));

		String report = printed(unreadable::report);

		assertThat(unreadable.count()).isEqualTo(3);
		assertThat(report).contains("2 arrived but could not be read: NumberFormatException (the first: 'not?a number')")
			.contains("1 arrived but could not be read: IllegalArgumentException (the first: '" + "x".repeat(60) + "...')")
			.doesNotContain("another");
		assertThat(printed(unreadable::report)).isEmpty();
	}

	private static String printed(Runnable action) {
		PrintStream out = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setOut(out);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
