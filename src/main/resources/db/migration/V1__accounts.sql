-- accounts: schools, classes, people, class membership, login cards and API tokens.
-- Every school-owned row carries school_id, so the data can be spread by school later.

create table school (
    id            uuid primary key,
    name          varchar(200) not null,
    account_quota integer      not null check (account_quota >= 0),
    created_at    timestamp with time zone not null,
    constraint school_name_unique unique (name)
);

create table school_class (
    id         uuid primary key,
    school_id  uuid         not null references school (id),
    name       varchar(100) not null,
    created_at timestamp with time zone not null,
    constraint class_name_unique unique (school_id, name)
);

create table person (
    id            uuid primary key,
    school_id     uuid references school (id),
    username      varchar(64)  not null,
    given_name    varchar(100) not null,
    family_name   varchar(100) not null,
    role          varchar(16)  not null check (role in ('OPERATOR', 'ADMIN', 'TEACHER', 'STUDENT')),
    password_hash varchar(200) not null,
    own_password  boolean      not null,
    language      varchar(10),
    failed_logins integer      not null,
    locked_until  timestamp with time zone,
    created_at    timestamp with time zone not null,
    constraint person_username_unique unique (username),
    constraint person_school_required check (role = 'OPERATOR' or school_id is not null)
);
create index person_school on person (school_id);

create table class_member (
    class_id  uuid not null references school_class (id),
    person_id uuid not null references person (id),
    school_id uuid not null references school (id),
    primary key (class_id, person_id)
);
create index class_member_person on class_member (person_id);

create table login_card (
    id          uuid primary key,
    school_id   uuid        not null references school (id),
    person_id   uuid        not null references person (id),
    secret_hash varchar(64) not null,
    issued_at   timestamp with time zone not null,
    voided_at   timestamp with time zone,
    constraint login_card_secret_unique unique (secret_hash)
);
create index login_card_person on login_card (person_id);

create table api_token (
    token_hash varchar(64) primary key,
    person_id  uuid not null references person (id),
    expires_at timestamp with time zone not null
);
