-- drive: what each person's files take, quotas set by a school admin, and what lies in the trash.

create table drive_usage (
    person_id  uuid primary key,
    used_bytes bigint not null,
    scanned_at timestamp with time zone not null
);

create table drive_quota (
    person_id   uuid primary key,
    school_id   uuid   not null,
    quota_bytes bigint not null check (quota_bytes >= 0)
);
create index drive_quota_school on drive_quota (school_id);

create table drive_trash (
    id            uuid primary key,
    person_id     uuid          not null,
    original_path varchar(4000) not null,
    is_folder     boolean       not null,
    size_bytes    bigint        not null,
    deleted_at    timestamp with time zone not null
);
create index drive_trash_person on drive_trash (person_id, deleted_at);
