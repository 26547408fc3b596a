-- desktops: what each desktop of a school may take of its host, when the school chose other than the server's limits.

create table desktop_school_limits (
    school_id uuid primary key,
    memory_mb integer not null check (memory_mb > 0),
    processes integer not null check (processes > 0)
);
