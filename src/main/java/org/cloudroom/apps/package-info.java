/**
 * Apps: the catalog of desktop applications, which apps a school offers and a class gets, teachers' requests and
 * their decisions, and the versioned desktop profile every new desktop is built from.
 */
@NullMarked
package org.cloudroom.apps;

import org.jspecify.annotations.NullMarked;
