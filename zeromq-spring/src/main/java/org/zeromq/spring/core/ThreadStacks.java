package org.zeromq.spring.core;

/**
 * Where a thread is, as text for a log message: what a close that cannot finish shows about
 * the thread it waits for (a handler that overstays, a JeroMQ thread that no longer answers).
 */
public final class ThreadStacks {

	// Enough to see the handler's own frames below the listener's; the rest is the thread's base.
	private static final int MAX_FRAMES = 40;

	private ThreadStacks() {
	}

	/** Appends the thread's name, state and stack, one frame per line. */
	public static StringBuilder append(StringBuilder text, Thread thread) {
		StackTraceElement[] frames = thread.getStackTrace();
		text.append(System.lineSeparator()).append("\"").append(thread.getName()).append("\" ").append(thread.getState());
		int shown = Math.min(frames.length, MAX_FRAMES);
		for (int i = 0; i < shown; i++) {
			text.append(System.lineSeparator()).append("\tat ").append(frames[i]);
		}
		if (frames.length > shown) {
			text.append(System.lineSeparator()).append("\t... ").append(frames.length - shown).append(" more");
		}
		return text;
	}

}
