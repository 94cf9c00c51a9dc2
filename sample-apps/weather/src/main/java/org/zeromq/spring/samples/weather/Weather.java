package org.zeromq.spring.samples.weather;

/**
 * One weather update, as the guide's weather server makes them up.
 *
 * @param zip the five-digit zip code the update is for
 * @param temperature degrees Fahrenheit
 * @param humidity relative humidity in percent
 */
public record Weather(String zip, int temperature, int humidity) {

}
