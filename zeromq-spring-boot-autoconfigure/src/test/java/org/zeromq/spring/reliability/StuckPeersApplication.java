package org.zeromq.spring.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqOperations;

/**
 * An application that {@code SignalShutdownTests} runs in a JVM of its own and stops with a
 * signal, after putting it in every situation that used to keep a close from ending: senders
 * blocked at the high-water mark with no peer, a handler that never returns, and a socket whose
 * queued messages a stalled peer never reads, with a linger of an hour. It prints
 * {@value #READY} when all three are in place; the JVM stays up through its listener thread.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(ZmqAutoConfiguration.class)
public class StuckPeersApplication {

	static final String READY = "STUCK-PEERS-READY";

	private static final Map<String, Object> SOCKETS = Map.ofEntries(
			Map.entry("zeromq.listener.shutdown-timeout", "5m"),
			Map.entry("zeromq.sockets.nowhere.type", "PUSH"),
			Map.entry("zeromq.sockets.nowhere.bind", "tcp://127.0.0.1:*"),
			Map.entry("zeromq.sockets.nowhere.send-timeout", "5m"),
			Map.entry("zeromq.sockets.slow.type", "REP"),
			Map.entry("zeromq.sockets.slow.bind", "inproc://slow"),
			Map.entry("zeromq.sockets.client.type", "DEALER"),
			Map.entry("zeromq.sockets.client.connect", "inproc://slow"),
			Map.entry("zeromq.sockets.stalled.type", "PUSH"),
			Map.entry("zeromq.sockets.stalled.bind", "tcp://127.0.0.1:*"),
			Map.entry("zeromq.sockets.stalled.linger", "1h"),
			Map.entry("zeromq.sockets.stalled.hwm-policy", "DROP"));

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StuckPeersApplication.class)
			.web(WebApplicationType.NONE)
			.properties(SOCKETS)
			.run(args);
		ZmqOperations template = context.getBean(ZmqOperations.class);
		for (int i = 0; i < 2; i++) {
			Thread sender = new Thread(() -> template.send("nowhere", "waits for a peer that never comes"), "blocked-sender-" + i);
			sender.setDaemon(true);
			sender.start();
		}
		template.requestAsync("client", "never answered", Duration.ofMinutes(5), String.class);
		context.getBean(NeverReturns.class).entered.await();
		fillForAStalledPeer(template, context.getBean(ZmqSocketRegistry.class).endpoint("stalled"));
		System.out.println(READY);
	}

	// A peer in a context of its own that takes one message and then reads nothing: what the
	// application sends after that stays queued, and with a linger of an hour, closing waits.
	private static void fillForAStalledPeer(ZmqOperations template, String endpoint) {
		ZContext peerContext = new ZContext(1);
		ZMQ.Socket stalled = peerContext.createSocket(SocketType.PULL);
		stalled.setRcvHWM(1);
		stalled.setReceiveBufferSize(4096);
		stalled.connect(endpoint);
		byte[] payload = new byte[64 * 1024];
		// Dropped until the peer is connected; bounded, so that a broken setup fails the test instead.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!template.send("stalled", payload)) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("the stalled peer never connected");
			}
			Thread.onSpinWait();
		}
		for (int i = 0; i < 200; i++) {
			template.send("stalled", payload);
		}
	}

	@Bean
	NeverReturns neverReturns() {
		return new NeverReturns();
	}

	static class NeverReturns {

		final CountDownLatch entered = new CountDownLatch(1);

		@ZmqListener("slow")
		String serve(String request) throws InterruptedException {
			this.entered.countDown();
			new CountDownLatch(1).await();
			return "never";
		}

	}

}
