package org.zeromq.spring.template;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketLoop;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.core.ZmqSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The DEALER request pipeline's bookkeeping without a socket: correlation, deadlines in order,
 * late replies, the backlog under each high-water-mark policy, and the lazy deadline-queue
 * cleanup. Time is a number the test passes in; the socket is a {@link FakeWire} that accepts or
 * refuses as told.
 */
class PendingRequestsTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long T0 = 1_000_000 * MS;

	private final FakeWire wire = new FakeWire();

	private int drops;

	private PendingRequests book(HwmPolicy policy) {
		return new PendingRequests("client", policy, this.wire, () -> this.drops++,
				() -> new ZmqSendException("client refused"));
	}

	@Test
	void repliesCompleteTheRequestTheirEnvelopeNamesInWhateverOrderTheyCome() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> first = submitRequest(book, "a", T0 + 100 * MS);
		PendingRequests.Request<List<byte[]>> second = submitRequest(book, "b", T0 + 100 * MS);
		assertThat(this.wire.sent).containsExactly("request 0 a", "request 1 b");
		book.reply(reply(1, "B"));
		book.reply(reply(0, "A"));
		assertThat(text(first.reply.join())).isEqualTo("A");
		assertThat(text(second.reply.join())).isEqualTo("B");
		assertThat(book.inFlightCount()).isZero();
		assertThat(book.discardedReplies()).isZero();
	}

	@Test
	void requestsExpireEarliestDeadlineFirstAndOnlyOnceTheirDeadlinePassed() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> late = submitRequest(book, "late", T0 + 300 * MS);
		PendingRequests.Request<List<byte[]>> early = submitRequest(book, "early", T0 + 100 * MS);
		PendingRequests.Request<List<byte[]>> middle = submitRequest(book, "middle", T0 + 200 * MS);
		List<String> failedInOrder = new ArrayList<>();
		early.reply.whenComplete((r, ex) -> failedInOrder.add("early"));
		middle.reply.whenComplete((r, ex) -> failedInOrder.add("middle"));
		late.reply.whenComplete((r, ex) -> failedInOrder.add("late"));
		assertThat(book.nextDeadline(T0)).isEqualTo(T0 + 100 * MS);
		book.expire(T0 + 99 * MS);
		assertThat(failedInOrder).isEmpty();
		book.expire(T0 + 250 * MS);
		assertThat(failedInOrder).containsExactly("early", "middle");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(early.reply::join)
			.withCauseInstanceOf(ZmqRequestTimeoutException.class);
		assertThat(book.nextDeadline(T0 + 250 * MS)).isEqualTo(T0 + 300 * MS);
		book.expire(T0 + 300 * MS);
		assertThat(failedInOrder).containsExactly("early", "middle", "late");
		assertThat(book.inFlightCount()).isZero();
		assertThat(book.nextDeadline(T0 + 300 * MS)).isEqualTo(SocketLoop.NO_DEADLINE);
	}

	@Test
	void aReplyAfterItsRequestTimedOutIsDiscardedAndCounted() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "slow", T0 + 100 * MS);
		book.expire(T0 + 100 * MS);
		book.reply(reply(0, "too late"));
		assertThat(request.reply).isCompletedExceptionally();
		assertThat(book.discardedReplies()).isEqualTo(1);
	}

	@Test
	void messagesWithoutACorrelationEnvelopeAreDiscardedAndCounted() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "q", T0 + 100 * MS);
		book.reply(List.of(bytes("no envelope")));
		book.reply(List.of(new byte[3], new byte[0], bytes("short id")));
		book.reply(List.of(id(0), bytes("no delimiter"), bytes("x")));
		book.reply(reply(42, "unknown id"));
		assertThat(book.discardedReplies()).isEqualTo(4);
		assertThat(request.reply).isNotDone();
	}

	@Test
	void underBlockARefusedCommandWaitsAndLaterOnesQueueBehindItInOrder() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		this.wire.room = 0;
		PendingRequests.OneWay first = submitOneWay(book, "1", T0 + 100 * MS);
		// The socket would take this one, but it must not overtake the first.
		this.wire.room = 10;
		PendingRequests.Request<List<byte[]>> second = submitRequest(book, "2", T0 + 100 * MS);
		PendingRequests.OneWay third = submitOneWay(book, "3", T0 + 100 * MS);
		assertThat(this.wire.sent).isEmpty();
		assertThat(book.backlogSize()).isEqualTo(3);
		assertThat(first.sent).isNotDone();
		book.sendBacklog(T0 + 10 * MS);
		assertThat(this.wire.sent).containsExactly("one-way 1", "request 0 2", "one-way 3");
		assertThat(first.sent.join()).isTrue();
		assertThat(third.sent.join()).isTrue();
		assertThat(book.hasBacklog()).isFalse();
		book.reply(reply(0, "ok"));
		assertThat(text(second.reply.join())).isEqualTo("ok");
	}

	@Test
	void underBlockWaitingCommandsFailAtTheirOwnDeadlines() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		this.wire.room = 0;
		PendingRequests.OneWay send = submitOneWay(book, "send", T0 + 50 * MS);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "request", T0 + 80 * MS);
		// While commands wait, the owner looks every few milliseconds, whatever the deadlines.
		assertThat(book.nextDeadline(T0)).isEqualTo(T0 + PendingRequests.BACKLOG_CHECK_NANOS);
		book.expire(T0 + 60 * MS);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(send.sent::join)
			.withCauseInstanceOf(ZmqSendException.class);
		assertThat(request.reply).isNotDone();
		book.sendBacklog(T0 + 90 * MS);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(request.reply::join)
			.withCauseInstanceOf(ZmqRequestTimeoutException.class);
		assertThat(book.hasBacklog()).isFalse();
		this.wire.room = 10;
		book.sendBacklog(T0 + 100 * MS);
		assertThat(this.wire.sent).isEmpty();
	}

	@Test
	void underFailARefusedCommandFailsAtOnceWithTheSocketsRefusal() {
		PendingRequests book = book(HwmPolicy.FAIL);
		this.wire.room = 0;
		PendingRequests.OneWay send = submitOneWay(book, "send", T0 + 50 * MS);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "request", T0 + 50 * MS);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(send.sent::join)
			.withCauseInstanceOf(ZmqSendException.class);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(request.reply::join)
			.withCauseInstanceOf(ZmqSendException.class)
			.withMessageContaining("client refused");
		assertThat(book.hasBacklog()).isFalse();
		assertThat(this.drops).isZero();
	}

	@Test
	void underDropARefusedOneWaySendCompletesFalseAndIsCountedWhileARefusedRequestFails() {
		PendingRequests book = book(HwmPolicy.DROP);
		this.wire.room = 0;
		PendingRequests.OneWay send = submitOneWay(book, "send", T0 + 50 * MS);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "request", T0 + 50 * MS);
		assertThat(send.sent.join()).isFalse();
		assertThat(this.drops).isEqualTo(1);
		// A dropped request could only time out later: say so now.
		assertThatExceptionOfType(CompletionException.class).isThrownBy(request.reply::join)
			.withCauseInstanceOf(ZmqSendException.class);
		assertThat(book.hasBacklog()).isFalse();
	}

	@Test
	void answeredRequestsLeaveTheDeadlineQueueLazilyAtItsHeadOrInBulkOnceTheyPileUp() {
		PendingRequests book = new PendingRequests("client", HwmPolicy.BLOCK, this.wire, () -> {
		}, () -> new ZmqSendException("refused"), 2);
		List<PendingRequests.Request<List<byte[]>>> requests = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			requests.add(submitRequest(book, "r" + i, T0 + (100 + i) * MS));
		}
		// Answered last-first: none of them is at the head until the first is answered.
		for (int i = 9; i >= 4; i--) {
			book.reply(reply(i, "ok"));
		}
		assertThat(book.deadlineQueueSize()).isEqualTo(10);
		book.sweepCompleted();
		// 10 entries for 4 in flight: within twice those plus the slack of 2, so still there.
		assertThat(book.deadlineQueueSize()).isEqualTo(10);
		book.reply(reply(3, "ok"));
		book.sweepCompleted();
		// 10 entries for 3 in flight is over 2 × 3 + 2: the answered ones go in one sweep.
		assertThat(book.deadlineQueueSize()).isEqualTo(3);
		book.reply(reply(0, "ok"));
		book.expire(T0);
		// The answered head leaves at the next look, without waiting for its deadline.
		assertThat(book.deadlineQueueSize()).isEqualTo(2);
		assertThat(book.nextDeadline(T0)).isEqualTo(T0 + 101 * MS);
		assertThat(requests.get(1).reply).isNotDone();
	}

	@Test
	void aRequestAnsweredEarlyIsNotFailedWhenItsDeadlinePasses() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "fast", T0 + 100 * MS);
		book.reply(reply(0, "done"));
		book.expire(T0 + 200 * MS);
		assertThat(text(request.reply.join())).isEqualTo("done");
		assertThat(book.deadlineQueueSize()).isZero();
	}

	@Test
	void closingFailsEverythingStillPending() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<List<byte[]>> inFlight = submitRequest(book, "in flight", T0 + 100 * MS);
		this.wire.room = 0;
		PendingRequests.Request<List<byte[]>> waiting = submitRequest(book, "waiting", T0 + 100 * MS);
		PendingRequests.OneWay send = submitOneWay(book, "send", T0 + 100 * MS);
		book.failAll(new ZmqException("closing"));
		for (CompletableFuture<?> future : List.of(inFlight.reply, waiting.reply, send.sent)) {
			assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join).withMessageContaining("closing");
		}
		assertThat(book.inFlightCount()).isZero();
		assertThat(book.hasBacklog()).isFalse();
		assertThat(book.nextDeadline(T0)).isEqualTo(SocketLoop.NO_DEADLINE);
	}

	@Test
	void anAcceptedSendWaitsForRoomWithoutADeadlineKeepsItsPlaceAndHandsOverOnceTheSocketTakesIt() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		List<String> handedOver = new ArrayList<>();
		this.wire.room = 0;
		PendingRequests.AcceptedSend first = submitAccepted(book, "1", handedOver);
		PendingRequests.Request<List<byte[]>> second = submitRequest(book, "2", T0 + 100 * MS);
		PendingRequests.AcceptedSend third = submitAccepted(book, "3", handedOver);
		// An hour later the request has timed out; the accepted sends still wait, as in a socket's queue.
		book.expire(T0 + 3_600_000 * MS);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(second.reply::join)
			.withCauseInstanceOf(ZmqRequestTimeoutException.class);
		assertThat(book.backlogSize()).isEqualTo(2);
		assertThat(handedOver).isEmpty();
		this.wire.room = 10;
		book.sendBacklog(T0 + 3_600_001 * MS);
		assertThat(this.wire.sent).containsExactly("one-way 1", "one-way 3");
		assertThat(handedOver).containsExactly("1", "3");
		assertThat(first.isDone()).isTrue();
		assertThat(third.isDone()).isTrue();
		assertThat(this.drops).isZero();
	}

	@Test
	void atCloseAcceptedSendsGoOutInOrderUntilTheSocketGivesUpAndTheRestAreDroppedAndCounted() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		List<String> handedOver = new ArrayList<>();
		this.wire.room = 0;
		submitAccepted(book, "a", handedOver);
		PendingRequests.Request<List<byte[]>> request = submitRequest(book, "request", T0 + 100 * MS);
		submitAccepted(book, "b", handedOver);
		submitAccepted(book, "c", handedOver);
		List<String> waitedFor = new ArrayList<>();
		// The closing socket takes two more messages, then its linger is over.
		book.sendAcceptedBeforeClose((frames) -> {
			waitedFor.add(text(frames));
			return waitedFor.size() <= 2;
		});
		assertThat(waitedFor).containsExactly("a", "b", "c");
		assertThat(handedOver).containsExactly("a", "b");
		book.failAll(new ZmqException("closing"));
		assertThat(handedOver).containsExactly("a", "b", "c");
		assertThat(this.drops).isEqualTo(1);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(request.reply::join).withMessageContaining("closing");
		assertThat(book.hasBacklog()).isFalse();
	}

	@Test
	void eachRequestEndsOnceWithItsOutcomeEvenWhenItsCallerCancelledTheFuture() {
		List<String> ended = new ArrayList<>();
		PendingRequests book = new PendingRequests("client", HwmPolicy.BLOCK, this.wire, () -> {
		}, () -> new ZmqSendException("refused"),
				(request, error) -> ended.add(text(request.frames) + ": " + ((error != null) ? error.getClass().getSimpleName() : "reply")),
				PendingRequests.DEADLINE_SLACK);
		PendingRequests.Request<List<byte[]>> cancelled = submitRequest(book, "cancelled", T0 + 100 * MS);
		PendingRequests.Request<List<byte[]>> expiring = submitRequest(book, "expiring", T0 + 100 * MS);
		cancelled.reply.cancel(false);
		book.reply(reply(0, "late but in time"));
		book.expire(T0 + 200 * MS);
		book.reply(reply(1, "after its deadline"));
		book.failAll(new ZmqException("closing"));
		assertThat(ended).containsExactly("cancelled: reply", "expiring: ZmqRequestTimeoutException");
		assertThat(expiring.reply).isCompletedExceptionally();
	}

	@Test
	void theReplyIsReadByTheRequestsReaderAndAReaderFailureFailsThatRequestAsAStageWould() {
		PendingRequests book = book(HwmPolicy.BLOCK);
		PendingRequests.Request<String> read = book.request(List.of(bytes("q")), T0, T0 + 100 * MS,
				Duration.ofMillis(100), PendingRequestsTests::text);
		read.run();
		PendingRequests.Request<String> unreadable = book.request(List.of(bytes("q")), T0, T0 + 100 * MS,
				Duration.ofMillis(100), (frames) -> {
					throw new IllegalStateException("not a number");
				});
		unreadable.run();
		book.reply(reply(0, "answer"));
		book.reply(reply(1, "answer"));
		assertThat(read.reply.join()).isEqualTo("answer");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(unreadable.reply::join)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(book.inFlightCount()).isZero();
	}

	private static PendingRequests.AcceptedSend submitAccepted(PendingRequests book, String payload,
			List<String> handedOver) {
		PendingRequests.AcceptedSend send = book.accepted(List.of(bytes(payload)), () -> handedOver.add(payload));
		send.run();
		return send;
	}

	private static PendingRequests.Request<List<byte[]>> submitRequest(PendingRequests book, String payload, long deadline) {
		PendingRequests.Request<List<byte[]>> request = book.request(List.of(bytes(payload)), deadline, Duration.ofMillis(100));
		request.run();
		return request;
	}

	private static PendingRequests.OneWay submitOneWay(PendingRequests book, String payload, long deadline) {
		PendingRequests.OneWay oneWay = book.oneWay(List.of(bytes(payload)), deadline);
		oneWay.run();
		return oneWay;
	}

	private static List<byte[]> reply(long id, String payload) {
		return List.of(id(id), new byte[0], bytes(payload));
	}

	private static byte[] id(long id) {
		return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(List<byte[]> frames) {
		assertThat(frames).hasSize(1);
		return new String(frames.get(0), StandardCharsets.UTF_8);
	}

	/** Takes as many messages as it has room for, and writes down what it took. */
	private static final class FakeWire implements PendingRequests.Wire {

		final List<String> sent = new ArrayList<>();

		int room = Integer.MAX_VALUE;

		@Override
		public boolean sendRequest(long id, List<byte[]> frames) {
			return take("request " + id + " " + text(frames));
		}

		@Override
		public boolean sendOneWay(List<byte[]> frames) {
			return take("one-way " + text(frames));
		}

		private boolean take(String message) {
			if (this.room <= 0) {
				return false;
			}
			this.room--;
			this.sent.add(message);
			return true;
		}

	}

}
