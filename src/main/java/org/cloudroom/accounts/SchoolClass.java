package org.cloudroom.accounts;

/** A class of a school, such as "Grade 5 Class 2", with the number of its students. */
public record SchoolClass(ClassId id, SchoolId schoolId, String name, int students) {
}
