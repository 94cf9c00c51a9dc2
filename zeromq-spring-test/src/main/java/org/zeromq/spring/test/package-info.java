/**
 * Test support for ZeroMQ in Spring: raw peer sockets on OS-chosen loopback ports with a short
 * handshake interval ({@link org.zeromq.spring.test.PeerSockets}), whole messages as frames
 * ({@link org.zeromq.spring.test.PeerFrames}), readiness waits
 * ({@link org.zeromq.spring.test.ZmqReadiness}), the {@code @ZmqListener} test harness
 * ({@link org.zeromq.spring.test.ZmqListenerTestHarness}) and AssertJ assertions on frames
 * ({@link org.zeromq.spring.test.ZmqAssertions}).
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.test;

import org.jspecify.annotations.NullMarked;
