/**
 * How the application holds its database: a thread holds at most one connection at a time, so that threads each
 * holding one and waiting for another can never starve the pool while none of them looks busy.
 */
@NullMarked
package org.cloudroom.database;

import org.jspecify.annotations.NullMarked;
