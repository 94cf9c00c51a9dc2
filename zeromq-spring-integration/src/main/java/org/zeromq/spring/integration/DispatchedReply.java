package org.zeromq.spring.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * The reply future an async outbound gateway hands to Spring Integration. It reports its request
 * done once the observer of its outcome (Spring Integration's reply callback, which sends the
 * reply on to the output channel, or to the error channel) has run, not when the reply arrives:
 * a stop that waits for the requests in flight then also waits for their replies to be sent on,
 * instead of letting the application close under the last one (Spring Integration refuses to
 * send on a channel once the application has stopped).
 */
final class DispatchedReply<T> extends CompletableFuture<T> {

	private final Runnable done;

	private final AtomicBoolean reported = new AtomicBoolean();

	/** @param done runs once, after the first observer of the outcome has run */
	DispatchedReply(Runnable done) {
		this.done = done;
	}

	@Override
	public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super @Nullable Throwable> action) {
		return super.whenComplete((result, failure) -> {
			try {
				action.accept(result, failure);
			}
			finally {
				report();
			}
		});
	}

	@Override
	public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
		return super.handle((result, failure) -> {
			try {
				return fn.apply(result, failure);
			}
			finally {
				report();
			}
		});
	}

	// The futures that depend on this one are plain: only the first observer reports.
	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

	private void report() {
		if (this.reported.compareAndSet(false, true)) {
			this.done.run();
		}
	}

}
