package org.zeromq.spring.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.zeromq.ZContext;
import org.zeromq.spring.core.ContextSettings;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketPreparer;
import org.zeromq.spring.core.ZmqContextFactory;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.TemplateObservation;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * The ZeroMQ context, the sockets declared under {@code zeromq.sockets}, and
 * {@link ZmqTemplate}, and the proxies declared under {@code zeromq.proxies}. Beans close in
 * reverse order of creation, which is the order clean shutdown needs: the proxies and the
 * template's owner threads stop, then the shared sockets close (each lingering to deliver what
 * was sent), then the ZAP handler stops, then the context terminates.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(ZContext.class)
@EnableConfigurationProperties(ZmqProperties.class)
@Import({ ZmqMessageConverterConfiguration.class, ZmqListenerConfiguration.class, ZmqSecurityConfiguration.class,
		ZmqProxyConfiguration.class, ZmqActuatorConfiguration.class })
public class ZmqAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZContext zmqContext(ZmqProperties properties) {
		return ZmqContextFactory.create(contextSettings(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqSocketFactory zmqSocketFactory(ZContext context, ZmqProperties properties, List<SocketPreparer> preparers) {
		// zeromq.context.linger is every socket's default linger, on a context of the user's too.
		// The preparers are injected, not looked up, so that they are destroyed after every bean
		// that opens sockets: the ZAP handler must outlive the last secured socket.
		ZmqSocketFactory factory = new ZmqSocketFactory(context, new SocketConfigurer(contextSettings(properties)),
				preparers);
		factory.setHandshakeGracePeriod(properties.getDiagnostics().getHandshakeGracePeriod());
		return factory;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZmqSocketRegistry zmqSocketRegistry(ZmqSocketFactory factory, ZmqProperties properties) {
		return new ZmqSocketRegistry(factory, SocketSpecs.from(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	OutboundFrames zmqOutboundFrames(PayloadConverter zmqPayloadConverter) {
		return new OutboundFrames(zmqPayloadConverter);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(ZmqOperations.class)
	ZmqTemplate zmqTemplate(ZmqSocketRegistry registry, PayloadConverter zmqPayloadConverter,
			ObjectProvider<TemplateObservation> observation) {
		ZmqTemplate template = new ZmqTemplate(registry, zmqPayloadConverter);
		observation.ifUnique(template::setObservation);
		return template;
	}

	private static ContextSettings contextSettings(ZmqProperties properties) {
		SharedSettingsCheck.check(properties);
		ZmqProperties.Context context = properties.getContext();
		return new ContextSettings(context.getIoThreads(), context.getMaxSockets(), context.isIpv6(), context.getLinger(),
				properties.getShutdownTimeout());
	}

}
