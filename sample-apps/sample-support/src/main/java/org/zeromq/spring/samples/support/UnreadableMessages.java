package org.zeromq.spring.samples.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerExecutionFailedException;
import org.zeromq.spring.listener.ZmqListenerErrorHandler;

/**
 * Messages a role received but could not read, counted by kind of failure instead of logged one
 * by one: a peer that sends the wrong format sends it again and again, and a line (or a stack
 * trace) per message would bury everything else. The role says once per kind how many arrived,
 * with the first as an example, when it ends. Also the error handler of listeners whose payload
 * conversion can fail ({@code errorHandler = "unreadableMessages"}).
 * <p>
 * A sample that needs it imports it ({@code @Import(UnreadableMessages.class)}); the name is fixed so
 * that listeners can name it as their error handler.
 */
@Component("unreadableMessages")
public final class UnreadableMessages implements ZmqListenerErrorHandler {

	private static final int EXAMPLE_LENGTH = 60;

	// Guarded by this; kinds are few and fixed, so the map stays small whatever peers send.
	private final Map<String, Tally> tallies = new LinkedHashMap<>();

	private boolean reported;

	/** Counts one message that could not be read, and keeps the first of its kind as an example. */
	public synchronized void record(String kind, String content) {
		this.tallies.computeIfAbsent(kind, (key) -> new Tally(example(content))).count++;
	}

	@Override
	public @Nullable Object handleError(InboundMessage message, ListenerExecutionFailedException failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		String content = message.content().isEmpty() ? ""
				: new String(message.content().get(message.content().size() - 1), StandardCharsets.UTF_8);
		record(cause.getClass().getSimpleName(), content);
		return null;
	}

	/** Says once per kind how many messages could not be read; says it only once, however often called. */
	public synchronized void report() {
		if (this.reported) {
			return;
		}
		this.reported = true;
		this.tallies.forEach((kind, tally) -> System.out
			.println(tally.count + " arrived but could not be read: " + kind + " (the first: '" + tally.example + "')"));
	}

	/** How many messages could not be read, of every kind. */
	public synchronized int count() {
		return this.tallies.values().stream().mapToInt((tally) -> tally.count).sum();
	}

	private static String example(String content) {
		String printable = content.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > EXAMPLE_LENGTH) ? printable.substring(0, EXAMPLE_LENGTH) + "..." : printable;
	}

	private static final class Tally {

		private final String example;

		private int count;

		Tally(String example) {
			this.example = example;
		}

	}

}
