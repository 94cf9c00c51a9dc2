package org.zeromq.spring.samples.integration;

/**
 * One update as the guide's weather server publishes it: {@code "%05d %d %d"}, zip code,
 * temperature and relative humidity.
 *
 * @param zip the zip code, five digits
 * @param temperature degrees Fahrenheit
 * @param humidity percent
 */
record WeatherUpdate(String zip, int temperature, int humidity) {

	// Longer than any update the guide's server sends; a peer's bytes are not trusted.
	private static final int LONGEST = 64;

	/** The update the text describes, or {@code null} when it is not one. */
	static WeatherUpdate parse(String text) {
		if (text.length() > LONGEST) {
			return null;
		}
		String[] fields = text.trim().split(" +");
		if (fields.length != 3 || !fields[0].matches("\\d{5}")) {
			return null;
		}
		try {
			return new WeatherUpdate(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
