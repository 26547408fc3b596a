package org.cloudroom.classroom;

import org.cloudroom.accounts.PersonId;

/** Where a student sits in a room: row and column, counted from 1. */
record Seat(PersonId person, int row, int column) {
}
