-- apps: which apps each school may offer (the operator) and gives every class (its admin), which apps each class
-- gets, teachers' requests with their decisions, and the versions of each school's desktop profile.

create table school_app (
    school_id   uuid         not null,
    app_id      varchar(200) not null,
    every_class boolean      not null,
    allowed_by  uuid         not null,
    allowed_at  timestamp with time zone not null,
    primary key (school_id, app_id)
);

create table class_app (
    class_id  uuid         not null,
    school_id uuid         not null,
    app_id    varchar(200) not null,
    added_by  uuid         not null,
    added_at  timestamp with time zone not null,
    primary key (class_id, app_id)
);
create index class_app_school on class_app (school_id);

create table app_request (
    id            uuid primary key,
    school_id     uuid          not null,
    class_id      uuid          not null,
    app_id        varchar(200)  not null,
    requested_by  uuid          not null,
    reason        varchar(1000) not null,
    requested_at  timestamp with time zone not null,
    state         varchar(16)   not null check (state in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by    uuid,
    decided_at    timestamp with time zone,
    decision_note varchar(1000)
);
create index app_request_school on app_request (school_id, requested_at);

create table desktop_profile (
    school_id       uuid         not null,
    profile_version integer      not null,
    wallpaper       varchar(7)   not null,
    home_page       varchar(500) not null,
    desktop_locale  varchar(10)  not null,
    created_by      uuid         not null,
    created_at      timestamp with time zone not null,
    rolled_back     boolean      not null,
    primary key (school_id, profile_version)
);

create table profile_in_use (
    person_id       uuid primary key,
    school_id       uuid    not null,
    profile_version integer not null
);
