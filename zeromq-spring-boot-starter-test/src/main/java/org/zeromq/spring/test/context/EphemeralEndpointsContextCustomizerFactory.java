package org.zeromq.spring.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test class annotated with {@link EphemeralZmqEndpoints} (or nested in one) its
 * {@link EphemeralEndpointsContextCustomizer}; registered in {@code META-INF/spring.factories}.
 */
final class EphemeralEndpointsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, EphemeralZmqEndpoints.class)
				? new EphemeralEndpointsContextCustomizer() : null;
	}

}
