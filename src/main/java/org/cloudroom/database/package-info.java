/**
 * How the application holds its database: a thread holds at most one connection at a time, so that threads each
 * holding one and waiting for another can never starve the pool while none of them looks busy. It offers no types:
 * it wraps the data source every module uses ({@code cloudroom.database.second-connection}).
 */
@NullMarked
package org.cloudroom.database;

import org.jspecify.annotations.NullMarked;
