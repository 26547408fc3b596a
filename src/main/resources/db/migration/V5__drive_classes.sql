-- drive: assignments a teacher opens for a class, and the comments handed back on each student's work.
-- The files themselves lie under <data>/classes/<class id>/ (materials/ and hand-in/<person id>/<assignment>/).

create table drive_assignment (
    id        uuid primary key,
    school_id uuid         not null,
    class_id  uuid         not null,
    title     varchar(200) not null,
    due_at    timestamp with time zone not null,
    opened_by uuid         not null,
    opened_at timestamp with time zone not null,
    sealed_at timestamp with time zone,
    constraint drive_assignment_title unique (class_id, title)
);
create index drive_assignment_unsealed on drive_assignment (sealed_at, due_at);

create table drive_hand_in_comment (
    assignment_id uuid          not null,
    person_id     uuid          not null,
    school_id     uuid          not null,
    comment_text  varchar(4000) not null,
    written_by    uuid          not null,
    written_at    timestamp with time zone not null,
    primary key (assignment_id, person_id)
);

-- A school's own default quota for a role, instead of the server's.
create table drive_school_quota (
    school_id   uuid        not null,
    role        varchar(16) not null,
    quota_bytes bigint      not null check (quota_bytes >= 0),
    primary key (school_id, role)
);

-- Uploads in parts: each goes on where the last part ended, after a dropped connection too.
create table drive_upload (
    id         uuid primary key,
    person_id  uuid          not null,
    drive_path varchar(4000) not null,
    size_bytes bigint        not null,
    created_at timestamp with time zone not null
);
create index drive_upload_person on drive_upload (person_id);
