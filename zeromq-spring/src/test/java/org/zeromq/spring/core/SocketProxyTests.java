package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link SocketProxy} on a {@link SocketLoop}: requests and replies through a ROUTER/DEALER
 * pair, counted each way; whole messages in order when the destination is full; pause and
 * resume; unroutable replies dropped without ending the proxy; replies passed on at the stop.
 * Inproc sockets in a context of the test's own.
 */
class SocketProxyTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration QUIET = Duration.ofMillis(200);

	private final ZContext context = new ZContext(1);

	private final Executor executor = (task) -> new Thread(task, "socket-proxy-test").start();

	private SocketLoop loop;

	@AfterEach
	void stopTheLoopAndCloseTheContext() throws InterruptedException {
		if (this.loop != null) {
			this.loop.stop();
			assertThat(this.loop.awaitTermination(WAIT)).isTrue();
		}
		this.context.close();
	}

	@Test
	void requestsAndRepliesPassBetweenARouterAndADealerAndAreCountedEachWay() {
		SocketProxy proxy = proxy(SocketType.ROUTER, "inproc://proxy-front", SocketType.DEALER, "inproc://proxy-back");
		this.loop.start(this.executor);
		ZMQ.Socket client = client("inproc://proxy-front");
		ZMQ.Socket worker = connect(SocketType.REP, "inproc://proxy-back");
		for (int i = 0; i < 100; i++) {
			assertThat(client.send("ping")).isTrue();
			assertThat(worker.recvStr()).isEqualTo("ping");
			assertThat(worker.send("pong")).isTrue();
			assertThat(client.recvStr()).isEqualTo("pong");
		}
		await().atMost(WAIT).until(() -> proxy.backToFront().messages() == 100);
		assertThat(proxy.frontToBack().messages()).isEqualTo(100);
		// [c1][""][ping] each way: 2 + 0 + 4 bytes.
		assertThat(proxy.frontToBack().bytes()).isEqualTo(600);
		assertThat(proxy.backToFront().bytes()).isEqualTo(600);
		assertThat(proxy.backToFront().dropped()).isZero();
	}

	@Test
	void whenTheDestinationIsFullMessagesWaitAndArriveWholeAndInOrder() {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(SocketType.PULL);
		front.bind("inproc://full-front");
		ZMQ.Socket back = this.context.createSocket(SocketType.PUSH);
		// Room for a few messages only, so the proxy waits for the worker again and again.
		back.setSndHWM(5);
		back.bind("inproc://full-back");
		SocketProxy proxy = new SocketProxy(this.loop, front, back);
		this.loop.start(this.executor);
		ZMQ.Socket producer = connect(SocketType.PUSH, "inproc://full-front");
		ZMQ.Socket worker = this.context.createSocket(SocketType.PULL);
		worker.setRcvHWM(5);
		worker.setReceiveTimeOut((int) WAIT.toMillis());
		worker.connect("inproc://full-back");
		int messages = 1000;
		for (int i = 0; i < messages; i++) {
			assertThat(new ZMsg().append("head").append(Integer.toString(i)).append("tail").send(producer)).isTrue();
		}
		for (int i = 0; i < messages; i++) {
			ZMsg message = ZMsg.recvMsg(worker);
			assertThat(message).as("message %d", i).isNotNull();
			assertThat(message.popString()).isEqualTo("head");
			assertThat(message.popString()).isEqualTo(Integer.toString(i));
			assertThat(message.popString()).isEqualTo("tail");
			assertThat(message).isEmpty();
		}
		await().atMost(WAIT).until(() -> proxy.frontToBack().messages() == messages);
		assertThat(proxy.backToFront().messages()).isZero();
	}

	@Test
	void aPausedProxyTakesNothingUntilResumed() throws Exception {
		SocketProxy proxy = proxy(SocketType.PULL, "inproc://pause-front", SocketType.PUSH, "inproc://pause-back");
		this.loop.start(this.executor);
		ZMQ.Socket producer = connect(SocketType.PUSH, "inproc://pause-front");
		ZMQ.Socket worker = connect(SocketType.PULL, "inproc://pause-back");
		proxy.setPaused(true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		producer.send("1");
		producer.send("2");
		await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> proxy.frontToBack().messages() == 0);
		proxy.setPaused(false).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(worker.recvStr()).isEqualTo("1");
		assertThat(worker.recvStr()).isEqualTo("2");
	}

	@Test
	void aReplyTheRouterCannotRouteIsDroppedAndCountedAndTheProxyGoesOn() {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(SocketType.ROUTER);
		// ZMQ.proxy ends on the first unroutable reply under router-mandatory; this proxy goes on.
		front.setRouterMandatory(true);
		front.bind("inproc://unroutable-front");
		ZMQ.Socket back = this.context.createSocket(SocketType.DEALER);
		back.bind("inproc://unroutable-back");
		SocketProxy proxy = new SocketProxy(this.loop, front, back);
		this.loop.start(this.executor);
		ZMQ.Socket client = client("inproc://unroutable-front");
		ZMQ.Socket worker = connect(SocketType.DEALER, "inproc://unroutable-back");
		client.send("question");
		ZMsg request = ZMsg.recvMsg(worker);
		assertThat(request.peekFirst().getString(StandardCharsets.UTF_8)).isEqualTo("c1");
		new ZMsg().append("nobody").append(new byte[0]).append("lost").append("in two frames").send(worker);
		new ZMsg().append("c1").append(new byte[0]).append("answer").send(worker);
		assertThat(client.recvStr()).isEqualTo("answer");
		await().atMost(WAIT).until(() -> proxy.backToFront().dropped() == 1);
		assertThat(proxy.backToFront().messages()).isEqualTo(1);
	}

	@Test
	void repliesAlreadyInTheBackSocketArePassedOnWhenTheLoopStops() throws Exception {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(SocketType.ROUTER);
		front.bind("inproc://stop-front");
		ZMQ.Socket back = this.context.createSocket(SocketType.DEALER);
		back.bind("inproc://stop-back");
		SocketProxy proxy = new SocketProxy(this.loop, front, back);
		this.loop.onStop(proxy::flushBackToFront);
		this.loop.start(this.executor);
		ZMQ.Socket client = client("inproc://stop-front");
		ZMQ.Socket worker = connect(SocketType.REP, "inproc://stop-back");
		client.send("question");
		assertThat(worker.recvStr()).isEqualTo("question");
		// Paused, the proxy leaves the reply in its back socket, as when the stop and the last
		// reply come in the same turn.
		proxy.setPaused(true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		worker.send("last answer");
		await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> proxy.backToFront().messages() == 0);
		this.loop.stop();
		assertThat(client.recvStr()).isEqualTo("last answer");
	}

	@Test
	void theCaptureGetsEveryMessageWholeEachWayEvenWhenADirectionWaitsMidMessage() {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(SocketType.ROUTER);
		front.bind("inproc://capture-front");
		ZMQ.Socket back = this.context.createSocket(SocketType.DEALER);
		back.bind("inproc://capture-back");
		ZMQ.Socket capture = this.context.createSocket(SocketType.PUSH);
		capture.bind("inproc://capture");
		SocketProxy proxy = new SocketProxy(this.loop, front, back, capture);
		this.loop.start(this.executor);
		ZMQ.Socket tap = connect(SocketType.PULL, "inproc://capture");
		ZMQ.Socket client = client("inproc://capture-front");
		ZMQ.Socket worker = connect(SocketType.REP, "inproc://capture-back");
		for (int i = 0; i < 10; i++) {
			client.send("ask " + i);
			worker.send("answer to " + worker.recvStr());
			assertThat(client.recvStr()).isEqualTo("answer to ask " + i);
		}
		for (int i = 0; i < 10; i++) {
			assertThat(frames(ZMsg.recvMsg(tap))).containsExactly("c1", "", "ask " + i);
			assertThat(frames(ZMsg.recvMsg(tap))).containsExactly("c1", "", "answer to ask " + i);
		}
		await().atMost(WAIT).until(() -> proxy.capture().messages() == 20);
		assertThat(proxy.capture().bytes()).isEqualTo(proxy.frontToBack().bytes() + proxy.backToFront().bytes());
		assertThat(proxy.capture().dropped()).isZero();
	}

	@Test
	void aCaptureWithNoRoomDropsTheCopyAndCountsItWithoutSlowingTheTraffic() {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(SocketType.PULL);
		front.bind("inproc://nocapture-front");
		ZMQ.Socket back = this.context.createSocket(SocketType.PUSH);
		back.bind("inproc://nocapture-back");
		// Nobody reads the capture: a PUSH without a peer has no room at all.
		ZMQ.Socket capture = this.context.createSocket(SocketType.PUSH);
		capture.bind("inproc://nocapture");
		SocketProxy proxy = new SocketProxy(this.loop, front, back, capture);
		this.loop.start(this.executor);
		ZMQ.Socket producer = connect(SocketType.PUSH, "inproc://nocapture-front");
		ZMQ.Socket worker = connect(SocketType.PULL, "inproc://nocapture-back");
		for (int i = 0; i < 5; i++) {
			producer.send(Integer.toString(i));
			assertThat(worker.recvStr()).isEqualTo(Integer.toString(i));
		}
		await().atMost(WAIT).until(() -> proxy.capture().dropped() == 5);
		assertThat(proxy.capture().messages()).isZero();
	}

	private static java.util.List<String> frames(ZMsg message) {
		return message.stream().map((frame) -> frame.getString(StandardCharsets.UTF_8)).toList();
	}

	private SocketProxy proxy(SocketType frontType, String frontEndpoint, SocketType backType, String backEndpoint) {
		this.loop = new SocketLoop(this.context, "test proxy");
		ZMQ.Socket front = this.context.createSocket(frontType);
		front.bind(frontEndpoint);
		ZMQ.Socket back = this.context.createSocket(backType);
		back.bind(backEndpoint);
		return new SocketProxy(this.loop, front, back);
	}

	private ZMQ.Socket connect(SocketType type, String endpoint) {
		ZMQ.Socket socket = this.context.createSocket(type);
		socket.setReceiveTimeOut((int) WAIT.toMillis());
		socket.setSendTimeOut((int) WAIT.toMillis());
		socket.connect(endpoint);
		return socket;
	}

	/** A REQ client with the identity {@code c1}, which the ROUTER in front sees. */
	private ZMQ.Socket client(String endpoint) {
		ZMQ.Socket socket = this.context.createSocket(SocketType.REQ);
		socket.setReceiveTimeOut((int) WAIT.toMillis());
		socket.setIdentity(bytes("c1"));
		socket.connect(endpoint);
		return socket;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
