/**
 * CURVE and PLAIN security: the ZAP handler the starter runs on its context, who may connect,
 * and what refused handshakes look like.
 */
@NullMarked
package org.zeromq.spring.security;

import org.jspecify.annotations.NullMarked;
