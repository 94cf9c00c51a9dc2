/**
 * What the ZeroMQ guide samples share: choosing and playing a role, durations as people write
 * them, and the tally of messages a role could not read.
 */
@NullMarked
package org.zeromq.spring.samples.support;

import org.jspecify.annotations.NullMarked;
