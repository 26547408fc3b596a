-- classroom: rooms and their seats, the class timetable, class sessions, attendance and take-overs.

-- A computer room of a school, its seats a grid of rows and columns.
create table room (
    id           uuid primary key,
    school_id    uuid         not null references school (id),
    name         varchar(100) not null,
    seat_rows    integer      not null check (seat_rows between 1 and 20),
    seat_columns integer      not null check (seat_columns between 1 and 20),
    created_at   timestamp with time zone not null,
    constraint room_name_unique unique (school_id, name)
);

-- Where a student sits in a room (row and column count from 1).
create table seat (
    room_id     uuid    not null references room (id),
    person_id   uuid    not null references person (id),
    school_id   uuid    not null references school (id),
    seat_row    integer not null,
    seat_column integer not null,
    primary key (room_id, person_id),
    constraint seat_taken unique (room_id, seat_row, seat_column)
);

-- A weekly lesson of a class in a room: ISO weekday (1 = Monday) and times of the server's time zone.
create table lesson (
    id          uuid primary key,
    school_id   uuid    not null references school (id),
    class_id    uuid    not null references school_class (id),
    room_id     uuid    not null references room (id),
    day_of_week integer not null check (day_of_week between 1 and 7),
    starts_at   time    not null,
    ends_at     time    not null,
    check (starts_at < ends_at)
);
create index lesson_school on lesson (school_id, day_of_week);

-- A class session: a teacher runs a class in a room from its start until they end it.
create table class_session (
    id           uuid primary key,
    school_id    uuid    not null references school (id),
    class_id     uuid    not null references school_class (id),
    room_id      uuid references room (id),
    lesson_id    uuid references lesson (id),
    teacher_id   uuid    not null references person (id),
    started_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    locked       boolean not null,
    broadcasting boolean not null
);
create index class_session_class on class_session (class_id, ended_at);

-- Who joined a session (was connected to their desktop during it), and when first.
create table attendance (
    session_id uuid not null references class_session (id),
    person_id  uuid not null references person (id),
    school_id  uuid not null references school (id),
    joined_at  timestamp with time zone not null,
    active_minutes integer not null default 0,
    primary key (session_id, person_id)
);

-- Each time a teacher took control of a student's desktop.
create table take_over (
    session_id uuid not null references class_session (id),
    teacher_id uuid not null references person (id),
    student_id uuid not null references person (id),
    school_id  uuid not null references school (id),
    taken_at   timestamp with time zone not null
);
create index take_over_session on take_over (session_id);
