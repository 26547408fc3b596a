/**
 * Classroom: rooms with their seats, the class timetable, class sessions with attendance, and what a teacher does
 * during one — watch the class's screens, take control to help, show their own screen, lock screens, send a
 * message. Its pages and JSON API are its face; its public types are {@link org.cloudroom.classroom.ClassSessions}
 * (who runs which class now) and {@link org.cloudroom.classroom.Rooms}, and it implements the gateway's
 * {@code Supervision} (who may watch whom). It publishes {@code ClassSessionStarted}, {@code ClassSessionEnded}
 * and {@code AttendanceRecorded} (package-private until another module listens to them), and listens to the
 * gateway's {@code ActiveMinuteRecorded}, the desktops' {@code DesktopLimitReached} and the drive's {@code HomeFull}
 * (the last two told to the student's tab).
 */
@NullMarked
package org.cloudroom.classroom;

import org.jspecify.annotations.NullMarked;
