package org.cloudroom.classroom;

import java.util.UUID;

import org.cloudroom.accounts.SchoolId;

/** A computer room of a school; its seats are a grid of {@code rows} × {@code columns}. */
record Room(UUID id, SchoolId school, String name, int rows, int columns) {
}
