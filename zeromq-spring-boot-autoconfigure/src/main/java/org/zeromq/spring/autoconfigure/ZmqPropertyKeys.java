package org.zeromq.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The keys {@link ZmqProperties} binds, read from its classes rather than listed, so that a
 * property added to any of them is known here without an edit. Explains a key it does not
 * bind by naming the nearest one it does.
 */
final class ZmqPropertyKeys {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(ZmqProperties.PREFIX);

	private ZmqPropertyKeys() {
	}

	/**
	 * Why {@code name} binds to nothing: "`zeromq.sockets.x.send-hwn` is not a socket option;
	 * did you mean `send-hwm`?"; empty when it is not under {@code zeromq}.
	 */
	static Optional<String> explain(ConfigurationPropertyName name) {
		if (!ROOT.isAncestorOf(name)) {
			return Optional.empty();
		}
		ResolvableType group = ResolvableType.forClass(ZmqProperties.class);
		int element = ROOT.getNumberOfElements();
		while (element < name.getNumberOfElements()) {
			String key = name.getElement(element, ConfigurationPropertyName.Form.DASHED);
			Optional<ResolvableType> property = property(group, key);
			if (property.isEmpty()) {
				return Optional.of(unknown(name, element, key, group));
			}
			ResolvableType type = property.get();
			element++;
			if (type.asMap() != ResolvableType.NONE) {
				element++; // the map key, such as a socket's name, can be anything
				type = type.asMap().getGeneric(1);
			}
			if (!isGroup(type)) {
				break;
			}
			group = type;
		}
		return Optional.of("`" + name + "` is not a key the starter reads");
	}

	private static String unknown(ConfigurationPropertyName name, int element, String key, ResolvableType group) {
		String at = (element == name.getNumberOfElements() - 1) ? "`" + name + "`" : "`" + name + "`: `" + key + "`";
		String noun = (group.resolve() == ZmqProperties.class) ? ZmqProperties.PREFIX : words(group.toClass().getSimpleName());
		List<String> keys = keys(group);
		String hint = nearest(key, keys).map((nearest) -> "did you mean `" + nearest + "`?")
			.orElseGet(() -> "the " + noun + " options are " + String.join(", ", keys));
		return at + " is not " + ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun + " option; " + hint;
	}

	/** The dashed names of the properties of a group, in declaration order of their getters. */
	static List<String> keys(ResolvableType group) {
		List<String> keys = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(group.toClass())) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
				keys.add(DataObjectPropertyName.toDashedForm(descriptor.getName()));
			}
		}
		return keys;
	}

	private static Optional<ResolvableType> property(ResolvableType group, String key) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(group.toClass())) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")
					&& DataObjectPropertyName.toDashedForm(descriptor.getName()).equals(key)) {
				return Optional.of(ResolvableType.forMethodReturnType(descriptor.getReadMethod()));
			}
		}
		return Optional.empty();
	}

	// A nested group of properties (context, listener, a socket), which Boot binds as a bean,
	// rather than a value, a list or a map of values.
	private static boolean isGroup(ResolvableType type) {
		Class<?> resolved = type.resolve();
		return resolved != null && !resolved.isEnum() && !resolved.isArray() && !BeanUtils.isSimpleValueType(resolved)
				&& !Map.class.isAssignableFrom(resolved) && !Collection.class.isAssignableFrom(resolved)
				&& !resolved.getName().startsWith("java.");
	}

	/** The key nearest to {@code typed}, if one is near enough to be what was meant. */
	static Optional<String> nearest(String typed, List<String> keys) {
		int tolerance = Math.max(1, Math.min(3, typed.length() / 3));
		return keys.stream()
			.filter((key) -> distance(typed, key) <= tolerance)
			.min(Comparator.comparingInt((String key) -> distance(typed, key)));
	}

	// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
	// neighbours each cost one, the typing mistakes that make a key unknown.
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	// InboundBridge reads "inbound bridge".
	private static String words(String className) {
		return className.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
	}

}
