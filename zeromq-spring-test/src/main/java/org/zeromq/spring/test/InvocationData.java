package org.zeromq.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One call of a {@code @ZmqListener} method, as {@link ZmqListenerTestHarness} captured it.
 *
 * @param listenerId the listener's id
 * @param arguments what the method was called with, in parameter order ({@code null} entries
 * kept)
 * @param result what it returned, or {@code null} (for {@code void}, or when it threw)
 * @param thrown what it threw, or {@code null}
 * @param threadName the thread that called it
 */
public record InvocationData(String listenerId, List<@Nullable Object> arguments, @Nullable Object result,
		@Nullable Throwable thrown, String threadName) {

	/** The argument at {@code index}, cast to what the test expects. */
	@SuppressWarnings("unchecked")
	public <T> T argument(int index) {
		return (T) this.arguments.get(index);
	}

	/** Whether the method threw. */
	public boolean threw() {
		return this.thrown != null;
	}

}
