/**
 * Classroom: rooms, seats, class sessions and the teacher's live view of every screen.
 */
@NullMarked
package org.cloudroom.classroom;

import org.jspecify.annotations.NullMarked;
