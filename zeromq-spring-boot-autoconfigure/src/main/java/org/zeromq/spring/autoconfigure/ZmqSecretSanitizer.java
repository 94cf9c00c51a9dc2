package org.zeromq.spring.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the starter's secrets wherever Actuator shows configuration ({@code configprops},
 * {@code env}), even with {@code show-values: always}: every socket's
 * {@code curve.secret-key} and {@code plain.password}, and the passwords of
 * {@code zeromq.security.plain.users}. Boot masks nothing by name on its own, so without this a
 * secret key set in a property would be one request away.
 * <p>
 * Keys are compared in every form they reach an endpoint in: the property as written
 * ({@code secret-key}), as bound ({@code secretKey}) and as an environment variable
 * ({@code ZEROMQ_SOCKETS_HELLO_CURVE_SECRETKEY}).
 */
final class ZmqSecretSanitizer implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

	static boolean isSecret(String key) {
		String plain = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
		return plain.startsWith(ZmqProperties.PREFIX) && (plain.endsWith("curvesecretkey") || plain.endsWith("plainpassword")
				|| plain.startsWith(ZmqProperties.PREFIX + "securityplainusers"));
	}

}
