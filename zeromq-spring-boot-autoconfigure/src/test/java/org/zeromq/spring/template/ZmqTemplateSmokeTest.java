package org.zeromq.spring.template;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class ZmqTemplateSmokeTest {

	@Test
	void pushToRawPull() {
		try (ZContext peerContext = new ZContext(); ZMQ.Socket pull = peerContext.createSocket(SocketType.PULL)) {
			pull.bind("tcp://127.0.0.1:*");
			pull.setReceiveTimeOut(5000);
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class))
				.withPropertyValues("zeromq.sockets.out.type=PUSH", "zeromq.sockets.out.connect=" + pull.getLastEndpoint())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					context.getBean(ZmqTemplate.class).send("out", "hello");
					assertThat(pull.recvStr()).isEqualTo("hello");
				});
		}
	}

}
