package org.zeromq.spring.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.proxy.ProxySpec;
import org.zeromq.spring.proxy.ZmqProxyRegistry;

/**
 * The proxies declared under {@code zeromq.proxies}, in a {@link ZmqProxyRegistry} that starts
 * them with the application and stops them before the sockets close; present without any
 * proxy too, so that code can always look one up by name.
 */
@Configuration(proxyBeanMethods = false)
class ZmqProxyConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqProxyRegistry zmqProxyRegistry(ZmqSocketRegistry sockets, ZmqProperties properties) {
		List<ProxySpec> specs = properties.getProxies()
			.entrySet()
			.stream()
			.map((entry) -> new ProxySpec(entry.getKey(), entry.getValue().getFrontend(), entry.getValue().getBackend(),
					entry.getValue().getCapture()))
			.toList();
		return new ZmqProxyRegistry(sockets, specs);
	}

}
