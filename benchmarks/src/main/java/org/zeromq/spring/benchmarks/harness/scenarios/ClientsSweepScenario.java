package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.SweepPoint;

/**
 * One point of the clients sweep: a number of REQ clients ({@link RequestClients}, the same on
 * both sides) against a bind-side REP server with several workers and no handler work, over tcp.
 * Raw: the guide's mtserver (ROUTER, inproc DEALER, proxy, REP workers). Starter: a
 * {@code @ZmqListener} REP with {@code concurrency}, which the starter serves through its own
 * ROUTER/DEALER device.
 */
final class ClientsSweepScenario implements Scenario {

	static final String SWEEP = "sweep clients";

	static final int CONCURRENCY = 4;

	private final int clients;

	private final int requests;

	ClientsSweepScenario(int clients, int requests) {
		this.clients = clients;
		this.requests = requests;
	}

	@Override
	public String name() {
		return SWEEP + " " + this.clients + " REQ → REP concurrency " + CONCURRENCY + " tcp";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(PipelinedRequestScenario.REQUESTS);
	}

	@Override
	public Optional<SweepPoint> sweepPoint() {
		return Optional.of(new SweepPoint(SWEEP, "REQ clients", this.clients));
	}

	@Override
	public Side open(String side) {
		Peer server = side.equals("raw") ? EchoServers.rawMultithreaded(Duration.ZERO, CONCURRENCY)
				: EchoServers.starter(Duration.ZERO, CONCURRENCY);
		RequestClients clients;
		try {
			clients = new RequestClients(this.clients, server.endpoint());
		}
		catch (RuntimeException ex) {
			closeAfterFailure(server, ex);
			throw ex;
		}
		ClientsSide opened = new ClientsSide(clients, server);
		try {
			// Every client's first round trip, untimed: the connections are then up.
			clients.run(this.clients);
		}
		catch (RuntimeException ex) {
			closeAfterFailure(opened, ex);
			throw ex;
		}
		return opened;
	}

	private static void closeAfterFailure(AutoCloseable closeable, Exception cause) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			cause.addSuppressed(ex);
		}
	}

	private final class ClientsSide extends OwningSide {

		private final RequestClients clients;

		ClientsSide(RequestClients clients, Peer server) {
			super(clients, server);
			this.clients = clients;
		}

		@Override
		public double[] runRound() {
			int requests = ClientsSweepScenario.this.requests;
			long start = System.nanoTime();
			this.clients.run(requests);
			return new double[] { requests * 1e9 / (System.nanoTime() - start) };
		}

		@Override
		public long operationsPerRound() {
			return ClientsSweepScenario.this.requests;
		}

	}

}
