package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * {@code concurrency}: several sockets on several threads when the socket connects, the guide's
 * multithreaded server (front socket, inproc device, worker sockets) when it binds.
 */
class ListenerConcurrencyTests {

	private static final int CLIENTS = 8;

	private static final int REQUESTS_PER_CLIENT = 5;

	private static final Duration WORK = Duration.ofMillis(50);

	private static final List<String> JOBS = IntStream.range(0, 30).mapToObj((i) -> "job-" + i).toList();

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void bindingRepWithFourWorkersServesSlowRequestsAboutFourTimesFasterThanWithOne() {
		Duration one = timeToServe("1");
		Duration four = timeToServe("4");
		double ratio = (double) one.toNanos() / four.toNanos();
		System.out.printf("%d requests of %d ms from %d REQ clients: concurrency 1 took %d ms, concurrency 4 took %d ms, ratio %.2f%n",
				CLIENTS * REQUESTS_PER_CLIENT, WORK.toMillis(), CLIENTS, one.toMillis(), four.toMillis(), ratio);
		// Ideal is 4; device hops and two shared cores cost some of it.
		assertThat(ratio).isBetween(2.5, 4.5);
	}

	private Duration timeToServe(String concurrency) {
		AtomicReference<Duration> elapsed = new AtomicReference<>();
		this.runner.withUserConfiguration(SlowService.class)
			.withPropertyValues("app.concurrency=" + concurrency)
			.withPropertyValues(socket("slow", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "slow");
				try (PeerSockets peers = new PeerSockets()) {
					List<ZMQ.Socket> clients = IntStream.range(0, CLIENTS).mapToObj((i) -> peers.connect(SocketType.REQ, endpoint)).toList();
					// Connections are made before the clock starts: a warm-up request is served without work.
					clients.forEach((client) -> assertThat(request(client, "warmup")).containsExactly("warm"));
					// Each client socket moves to one thread and comes back only after that thread is done with it.
					ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS);
					try {
						long start = System.nanoTime();
						List<Future<List<String>>> runs = new ArrayList<>();
						for (int c = 0; c < CLIENTS; c++) {
							ZMQ.Socket client = clients.get(c);
							String name = "client-" + c;
							runs.add(clientThreads.submit(() -> requestInTurn(client, name)));
						}
						for (int c = 0; c < CLIENTS; c++) {
							assertThat(runs.get(c).get(ZmqApplication.WAIT.toSeconds(), TimeUnit.SECONDS))
								.containsExactlyElementsOf(expectedReplies(c));
						}
						elapsed.set(Duration.ofNanos(System.nanoTime() - start));
					}
					finally {
						clientThreads.shutdown();
						assertThat(clientThreads.awaitTermination(2 * ZmqApplication.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
					}
				}
				assertThat(context.getBean(SlowService.class).requests.threadNames()).hasSize(Integer.parseInt(concurrency));
			});
		return elapsed.get();
	}

	private static List<String> requestInTurn(ZMQ.Socket client, String name) {
		List<String> replies = new ArrayList<>();
		for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
			replies.addAll(request(client, name + "-" + n));
		}
		return replies;
	}

	private static List<String> expectedReplies(int client) {
		return IntStream.range(0, REQUESTS_PER_CLIENT).mapToObj((n) -> "done client-" + client + "-" + n).toList();
	}

	@Test
	void connectingPullWithThreeWorkersHasThreeSocketsOnThreeThreads() {
		this.runner.withUserConfiguration(JobWorkers.class)
			.withPropertyValues(socket("feed", "type=PUSH", "bind=inproc://concurrency-feed"))
			.withPropertyValues(socket("jobs", "type=PULL", "connect=inproc://concurrency-feed"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				JOBS.forEach((job) -> template.send("feed", job));
				// The PUSH deals jobs round-robin to the three connected sockets.
				assertEveryJobHandledOnThreeThreads(context.getBean(JobWorkers.class));
			});
	}

	@Test
	void bindingPullWithThreeWorkersSharesTheMessagesOfItsPeers() {
		this.runner.withUserConfiguration(JobWorkers.class)
			.withPropertyValues(socket("jobs", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "jobs"));
					JOBS.forEach((job) -> send(push, job));
					assertEveryJobHandledOnThreeThreads(context.getBean(JobWorkers.class));
				}
			});
	}

	private static void assertEveryJobHandledOnThreeThreads(JobWorkers workers) {
		assertThat(workers.jobs.awaitCount(JOBS.size())).containsExactlyInAnyOrderElementsOf(JOBS);
		assertThat(workers.jobs.threadNames()).isEqualTo(Set.of("zmq-listener-jobs-1", "zmq-listener-jobs-2", "zmq-listener-jobs-3"));
	}

	@Test
	void bindingRouterWithThreeWorkersStillSeesEachIdentityAndRoutesEachReplyBack() {
		this.runner.withUserConfiguration(RoutedWorkers.class)
			.withPropertyValues(socket("routed", "type=ROUTER", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "routed");
				try (PeerSockets peers = new PeerSockets()) {
					List<String> names = List.of("peer-a", "peer-b", "peer-c", "peer-d");
					List<ZMQ.Socket> dealers = names.stream().map((name) -> peers.connect(SocketType.DEALER, endpoint, name)).toList();
					// Every peer has all its requests in flight at once.
					for (int i = 0; i < dealers.size(); i++) {
						for (int n = 0; n < 6; n++) {
							send(dealers.get(i), "req-" + n);
						}
					}
					for (int i = 0; i < dealers.size(); i++) {
						List<String> replies = new ArrayList<>();
						for (int n = 0; n < 6; n++) {
							replies.addAll(receiveStrings(dealers.get(i)));
						}
						String name = names.get(i);
						assertThat(replies).containsExactlyInAnyOrderElementsOf(
								IntStream.range(0, 6).mapToObj((n) -> name + " sent req-" + n).toList());
					}
					// A REQ peer's envelope survives the device too.
					ZMQ.Socket req = peers.connect(SocketType.REQ, endpoint, "peer-req");
					assertThat(request(req, "req-x")).containsExactly("peer-req sent req-x");
				}
				assertThat(context.getBean(RoutedWorkers.class).requests.threadNames())
					.isEqualTo(Set.of("zmq-listener-routed-1", "zmq-listener-routed-2", "zmq-listener-routed-3"));
			});
	}

	static class SlowService {

		final HandledMessages<String> requests = new HandledMessages<>();

		@ZmqListener(value = "slow", concurrency = "${app.concurrency}")
		String serve(String request) {
			if (request.equals("warmup")) {
				return "warm";
			}
			this.requests.record(request);
			awaitSlowDependency();
			return "done " + request;
		}

		// Stands for a blocking call (a database, a remote service): waiting is what several
		// workers overlap. CPU-bound work could not show a fourfold gain on two cores.
		private static void awaitSlowDependency() {
			long end = System.nanoTime() + WORK.toNanos();
			for (long left = WORK.toNanos(); left > 0; left = end - System.nanoTime()) {
				LockSupport.parkNanos(left);
			}
		}

	}

	static class JobWorkers {

		final HandledMessages<String> jobs = new HandledMessages<>();

		@ZmqListener(value = "jobs", concurrency = "3")
		void work(String job) {
			this.jobs.record(job);
		}

	}

	static class RoutedWorkers {

		final HandledMessages<String> requests = new HandledMessages<>();

		@ZmqListener(value = "routed", concurrency = "3")
		String handle(@Header(ZmqHeaders.IDENTITY) String identity, String request) {
			this.requests.record(request);
			return identity + " sent " + request;
		}

	}

}
