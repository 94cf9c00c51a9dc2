package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * How listeners on one socket deal with failures.
 *
 * @param errorReply what REP and ROUTER listeners reply when handling fails
 * @param deadLetter a declared socket that receives the frames of failed messages, with the
 * error as an extra last frame, or {@code null}
 */
public record ListenerSocketSettings(ErrorReply errorReply, @Nullable String deadLetter) {

	public static final ListenerSocketSettings DEFAULTS = new ListenerSocketSettings(ErrorReply.ERROR, null);

	public ListenerSocketSettings {
		errorReply = (errorReply != null) ? errorReply : ErrorReply.ERROR;
	}

}
