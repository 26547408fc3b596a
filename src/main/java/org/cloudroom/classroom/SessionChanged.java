package org.cloudroom.classroom;

/**
 * A class session started, ended, or its screens were locked, unlocked, shown: the live parts follow. It is published
 * once the change is committed, outside any transaction, so that its listeners, which write to students' tabs and
 * the gateway's connections, never hold a database connection while they do.
 */
record SessionChanged(ClassSession session) {
}
