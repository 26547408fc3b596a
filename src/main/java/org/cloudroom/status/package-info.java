/**
 * The one vocabulary of refusals: what HTTP and, later, the WebSocket gateway say when they say no.
 */
@NullMarked
package org.cloudroom.status;

import org.jspecify.annotations.NullMarked;
