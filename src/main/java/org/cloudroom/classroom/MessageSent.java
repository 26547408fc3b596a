package org.cloudroom.classroom;

/** A teacher's message to the students of a running class session. */
record MessageSent(ClassSession session, String from, String text) {
}
