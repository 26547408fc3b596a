-- gateway: the meter of active study time.

-- A minute in which a person gave their desktop input (a key or the pointer): the basis of study time.
create table active_minute (
    person_id uuid not null,
    school_id uuid not null,
    at_minute timestamp with time zone not null,
    events    integer not null,
    primary key (person_id, at_minute)
);
create index active_minute_school on active_minute (school_id, at_minute);
