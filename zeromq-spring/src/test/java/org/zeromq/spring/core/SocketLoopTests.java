package org.zeromq.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link SocketLoop}: commands from any thread run on the loop's thread in order, they and the
 * schedule wake a loop that waits, a stop lets the running step finish and never interrupts,
 * and the loop closes its sockets itself. Only inproc sockets, in a context of the test's own.
 */
class SocketLoopTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ZContext context = new ZContext(1);

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final Executor executor = (task) -> {
		Thread thread = new Thread(task, "socket-loop-test-" + this.threads.size());
		this.threads.add(thread);
		thread.start();
	};

	@AfterEach
	void noLoopThreadIsLeftAndTheContextCloses() {
		for (Thread thread : this.threads) {
			await().atMost(WAIT).until(() -> !thread.isAlive());
		}
		this.context.close();
	}

	@Test
	void commandsRunOnTheLoopThreadInTheOrderTheyWereQueued() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		loop.start(this.executor);
		List<Integer> ran = new ArrayList<>();
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		for (int i = 0; i < 1000; i++) {
			int n = i;
			assertThat(loop.execute(() -> {
				ran.add(n);
				ranOn.set(Thread.currentThread());
			})).isTrue();
		}
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(ranOn.get()).isSameAs(this.threads.get(0));
		assertThat(ran).hasSize(1000).isSorted();
		stop(loop);
	}

	@Test
	void commandsQueuedBeforeTheStartRunOnceTheLoopStarts() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		CompletableFuture<Void> early = loop.submit(() -> {
		});
		assertThat(early).isNotDone();
		loop.start(this.executor);
		early.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		stop(loop);
	}

	@Test
	void aCommandFromAnotherThreadWakesALoopThatWaitsWithoutDeadline() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		loop.start(this.executor);
		// Once this has run, the loop has nothing to do and waits in its poll with no timeout.
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		wakeFromOtherThreads(loop, 100);
		stop(loop);
	}

	@Test
	void aLoopWaitingInItsOneSocketIsWokenByCommandsWhetherTheSocketIsPolledOrPaused() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-one-socket");
		ZMQ.Socket sender = peer("inproc://loop-one-socket");
		List<String> received = new CopyOnWriteArrayList<>();
		SocketLoop.Registration registration = loop.register(receiver, ZMQ.Poller.POLLIN,
				(events) -> received.add(receiver.recvStr(ZMQ.DONTWAIT)));
		loop.start(this.executor);
		for (int interest : new int[] { ZMQ.Poller.POLLIN, 0 }) {
			// Once this has run, the loop waits in its socket with no timeout (or, paused, for commands only).
			loop.submit(() -> registration.interest(interest)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			wakeFromOtherThreads(loop, 100);
		}
		// Paused: what arrives stays in the socket until it is polled again.
		sender.send("while paused");
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(received).isEmpty();
		loop.execute(() -> registration.interest(ZMQ.Poller.POLLIN));
		await().atMost(WAIT).until(() -> received.equals(List.of("while paused")));
		sender.close();
		stop(loop);
	}

	@Test
	void aRegisteredSocketIsHandledOnTheLoopThreadWhenAMessageArrives() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-handles");
		ZMQ.Socket sender = peer("inproc://loop-handles");
		List<String> received = new CopyOnWriteArrayList<>();
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
			assertThat(events).isEqualTo(ZMQ.Poller.POLLIN);
			received.add(receiver.recvStr(ZMQ.DONTWAIT) + " on " + Thread.currentThread().getName());
		});
		loop.start(this.executor);
		for (int i = 0; i < 10; i++) {
			sender.send("m" + i);
		}
		await().atMost(WAIT).until(() -> received.size() == 10);
		assertThat(received).first().isEqualTo("m0 on socket-loop-test-0");
		sender.close();
		stop(loop);
	}

	@Test
	void aCommandThatPausesASocketInTheSameTurnAsItsMessageKeepsTheMessageUnread() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-pauses");
		ZMQ.Socket sender = this.context.createSocket(SocketType.PAIR);
		sender.connect("inproc://loop-pauses");
		AtomicInteger handled = new AtomicInteger();
		SocketLoop.Registration registration = loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
			receiver.recv(ZMQ.DONTWAIT);
			handled.incrementAndGet();
		});
		// Both are there before the first poll, so the first turn sees the command and the message.
		sender.send("waiting");
		await().atMost(WAIT).until(() -> (receiver.getEvents() & ZMQ.Poller.POLLIN) != 0);
		CompletableFuture<Void> paused = loop.submit(() -> registration.interest(0));
		loop.start(this.executor);
		paused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(handled).hasValue(0);
		loop.submit(() -> registration.interest(ZMQ.Poller.POLLIN)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		await().atMost(WAIT).until(() -> handled.get() == 1);
		sender.close();
		stop(loop);
	}

	@Test
	void theScheduleWakesTheLoopAtItsDeadline() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
		CompletableFuture<Long> reached = new CompletableFuture<>();
		loop.schedule(new SocketLoop.Schedule() {

			@Override
			public long nextDeadline() {
				return reached.isDone() ? SocketLoop.NO_DEADLINE : deadline;
			}

			@Override
			public void runDue(long now) {
				if (now - deadline >= 0) {
					reached.complete(now);
				}
			}

		});
		// Nothing else would wake it: no socket, and no command after the start.
		loop.start(this.executor);
		assertThat(reached.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) - deadline).isNotNegative();
		stop(loop);
	}

	@Test
	void stopLetsTheRunningStepFinishWithoutAnInterruptThenRunsQueuedCommandsAndClosesTheSocketsOnTheLoopThread()
			throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-stops");
		ZMQ.Socket sender = this.context.createSocket(SocketType.PAIR);
		sender.connect("inproc://loop-stops");
		CountDownLatch inStep = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		List<String> order = new CopyOnWriteArrayList<>();
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
			receiver.recv(ZMQ.DONTWAIT);
			inStep.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			order.add("step finished");
		});
		loop.onStop(() -> order.add("stop action on " + Thread.currentThread().getName()));
		loop.start(this.executor);
		sender.send("long step");
		assertThat(inStep.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(loop.execute(() -> order.add("queued before the stop"))).isTrue();
		loop.stop();
		assertThat(loop.execute(() -> order.add("queued after the stop"))).isFalse();
		assertThat(loop.awaitTermination(Duration.ofMillis(100))).isFalse();
		assertThat(this.context.getSockets()).contains(receiver);
		release.countDown();
		assertThat(loop.awaitTermination(WAIT)).isTrue();
		assertThat(interrupted).isFalse();
		assertThat(order).containsExactly("step finished", "queued before the stop",
				"stop action on socket-loop-test-0");
		assertThat(this.context.getSockets()).doesNotContain(receiver);
		sender.close();
	}

	@Test
	void aCommandSubmittedAfterTheStopIsRefusedAndItsFutureSaysSo() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		loop.start(this.executor);
		stop(loop);
		CompletableFuture<Void> late = loop.submit(() -> {
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> late.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(RejectedExecutionException.class);
		// Stopping again does nothing more.
		loop.stop();
		assertThat(loop.isTerminated()).isTrue();
	}

	@Test
	void aStepThatWatchesForPendingWorkReturnsWhenACommandComes() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-yields");
		ZMQ.Socket sender = this.context.createSocket(SocketType.PAIR);
		sender.connect("inproc://loop-yields");
		CountDownLatch inStep = new CountDownLatch(1);
		AtomicBoolean sawPendingWork = new AtomicBoolean();
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
			receiver.recv(ZMQ.DONTWAIT);
			inStep.countDown();
			long giveUp = System.nanoTime() + WAIT.toNanos();
			while (!loop.hasPendingWork() && System.nanoTime() - giveUp < 0) {
				Thread.onSpinWait();
			}
			sawPendingWork.set(loop.hasPendingWork());
		});
		loop.start(this.executor);
		sender.send("busy");
		assertThat(inStep.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(sawPendingWork).isTrue();
		sender.close();
		stop(loop);
	}

	@Test
	void aFailingStepEndsTheLoopRejectsWhatWasQueuedAndStillClosesItsSockets() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-fails");
		ZMQ.Socket sender = this.context.createSocket(SocketType.PAIR);
		sender.connect("inproc://loop-fails");
		CountDownLatch inStep = new CountDownLatch(1);
		CountDownLatch fail = new CountDownLatch(1);
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
			inStep.countDown();
			try {
				fail.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("broken step");
		});
		List<Runnable> rejected = new CopyOnWriteArrayList<>();
		AtomicBoolean stopActionRan = new AtomicBoolean();
		loop.onRejected(rejected::add);
		loop.onStop(() -> stopActionRan.set(true));
		loop.start(this.executor);
		sender.send("boom");
		assertThat(inStep.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		Runnable queued = () -> {
		};
		loop.execute(queued);
		CompletableFuture<Void> submitted = loop.submit(() -> {
		});
		fail.countDown();
		assertThat(loop.awaitTermination(WAIT)).isTrue();
		assertThat(rejected).containsExactly(queued);
		assertThat(submitted).isCompletedExceptionally();
		assertThat(stopActionRan).isTrue();
		assertThat(this.context.getSockets()).doesNotContain(receiver);
		assertThat(loop.execute(() -> {
		})).isFalse();
		assertThat(loop.failure()).get().extracting(Throwable::getMessage).isEqualTo("broken step");
		sender.close();
	}

	@Test
	void anOrdinaryStopLeavesNoFailure() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		loop.start(this.executor);
		stop(loop);
		assertThat(loop.failure()).isEmpty();
	}

	@Test
	void aLoopStoppedBeforeItStartedClosesItsSocketsAndNeverRuns() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-never-runs");
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
		});
		List<Runnable> rejected = new CopyOnWriteArrayList<>();
		loop.onRejected(rejected::add);
		Runnable queued = () -> {
		};
		loop.execute(queued);
		loop.stop();
		assertThat(loop.awaitTermination(Duration.ZERO)).isTrue();
		assertThat(rejected).containsExactly(queued);
		assertThat(this.context.getSockets()).doesNotContain(receiver);
		loop.start(this.executor);
		assertThat(this.threads).isEmpty();
	}

	@Test
	void anExecutorThatRefusesLeavesNothingOpen() {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-refused");
		loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
		});
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> loop.start((task) -> {
			throw new RejectedExecutionException("no threads today");
		}));
		assertThat(loop.isTerminated()).isTrue();
		assertThat(this.context.getSockets()).doesNotContain(receiver);
	}

	@Test
	void onlyTheLoopThreadChangesItsSocketsOnceItRuns() throws Exception {
		SocketLoop loop = new SocketLoop(this.context, "test loop");
		ZMQ.Socket receiver = pair("inproc://loop-confined");
		SocketLoop.Registration registration = loop.register(receiver, ZMQ.Poller.POLLIN, (events) -> {
		});
		loop.start(this.executor);
		loop.submit(() -> {
		}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> registration.interest(0))
			.withMessageContaining("test loop");
		stop(loop);
	}

	private ZMQ.Socket pair(String endpoint) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.PAIR);
		socket.bind(endpoint);
		return socket;
	}

	// The other end of a pair(endpoint).
	private ZMQ.Socket peer(String endpoint) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.PAIR);
		socket.connect(endpoint);
		return socket;
	}

	// Each time from a new thread, which queues a command and waits until the loop has run it.
	private static void wakeFromOtherThreads(SocketLoop loop, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			CompletableFuture<Void> woke = new CompletableFuture<>();
			Thread caller = new Thread(() -> loop.execute(() -> woke.complete(null)));
			caller.start();
			woke.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			caller.join(WAIT.toMillis());
		}
	}

	private static void stop(SocketLoop loop) throws InterruptedException {
		loop.stop();
		assertThat(loop.awaitTermination(WAIT)).isTrue();
	}

}
