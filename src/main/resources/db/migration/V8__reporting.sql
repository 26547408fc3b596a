-- reporting: study time of students, kept as compact aggregates from the gateway's and the desktops' events.

-- Everyone reporting has heard of, once: whether they are a student (only students' time is counted), their
-- all-time active minutes and the first and last day they studied.
create table study_person (
    person_id      uuid primary key,
    school_id      uuid    not null,
    student        boolean not null,
    active_minutes bigint  not null,
    first_day      date,
    last_day       date
);
create index study_person_school on study_person (school_id, student);

-- The minutes of an hour a student was active, one bit each (bit n = minute n), so a minute counts once.
create table study_hour (
    person_id   uuid   not null,
    school_id   uuid   not null,
    at_hour     timestamp with time zone not null,
    minute_bits bigint not null,
    primary key (person_id, at_hour)
);

-- A student's day (in the program's time zone): active minutes, desktops started, minutes their desktops ran.
create table study_day (
    person_id       uuid    not null,
    school_id       uuid    not null,
    on_day          date    not null,
    active_minutes  integer not null,
    desktop_starts  integer not null,
    desktop_minutes integer not null,
    primary key (person_id, on_day)
);
create index study_day_school on study_day (school_id, on_day);

-- A school's day: the sums of its students' days, and how many of them were active, for the program's figures.
create table study_school_day (
    school_id       uuid    not null,
    on_day          date    not null,
    active_minutes  bigint  not null,
    active_students integer not null,
    desktop_starts  integer not null,
    primary key (school_id, on_day)
);
create index study_school_day_day on study_school_day (on_day);

-- Each student's desktop heard of, so a start or a stop counts once and a stop knows its start.
create table study_desktop (
    desktop_id uuid primary key,
    person_id  uuid not null,
    school_id  uuid not null,
    started_at timestamp with time zone not null,
    stopped_at timestamp with time zone
);
