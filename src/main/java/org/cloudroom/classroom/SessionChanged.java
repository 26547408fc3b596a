package org.cloudroom.classroom;

/** A class session started, ended, or its screens were locked, unlocked, shown: the live parts follow. */
record SessionChanged(ClassSession session) {
}
