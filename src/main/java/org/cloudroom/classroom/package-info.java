/**
 * Classroom: rooms with their seats, the class timetable, class sessions with attendance, and what a teacher does
 * during one — watch the class's screens, take control to help, show their own screen, lock screens, send a
 * message. It tells the gateway who may watch whom through the gateway's {@code Supervision}.
 */
@NullMarked
package org.cloudroom.classroom;

import org.jspecify.annotations.NullMarked;
