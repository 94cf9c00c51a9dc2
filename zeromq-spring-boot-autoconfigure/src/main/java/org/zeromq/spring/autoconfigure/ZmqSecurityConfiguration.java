package org.zeromq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;
import org.zeromq.spring.security.ZapPolicy;
import org.zeromq.spring.security.ZmqSecurity;

/**
 * CURVE and PLAIN from {@code zeromq.sockets.<name>.curve|plain} and {@code zeromq.security}:
 * the {@link ZapPolicy} and the {@link ZmqSecurity} that runs the context's ZAP handler by it.
 * The socket factory takes {@code ZmqSecurity} as one of its preparers, so that it is created
 * before any socket and, being a dependency of everything that opens sockets, destroyed after
 * the last of them closed and before the context.
 */
@Configuration(proxyBeanMethods = false)
class ZmqSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZapPolicy zmqZapPolicy(ZmqProperties properties) {
		ZmqProperties.Security security = properties.getSecurity();
		return ZapPolicy.builder()
			.curveKeys(security.getCurve().getAuthorizedKeys())
			.curveKeyDirectory(security.getCurve().getAuthorizedKeysLocation())
			.allowAnyCurveClient(security.getCurve().isAllowAny())
			.plainUsers(security.getPlain().getUsers())
			.plainPasswordsFile(security.getPlain().getPasswordsFile())
			.allow(security.getAllow())
			.deny(security.getDeny())
			.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZmqSecurity zmqSecurity(ZContext context, ZapPolicy policy) {
		return new ZmqSecurity(context, policy);
	}

}
