-- apps: the operator's installs kept past a restart, whether a teacher has seen the decision on their request, and
-- the profile's wallpaper image and default apps.

create table app_install (
    id             uuid primary key,
    app_id         varchar(200)  not null,
    debian_package varchar(200)  not null,
    started_by     uuid          not null,
    started_at     timestamp with time zone not null,
    state          varchar(16)   not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    log_tail       varchar(20000) not null
);
create index app_install_started on app_install (started_at);

-- decisions made before this column existed count as seen: their teachers saw them on the class's page
alter table app_request add column decision_seen boolean default true not null;

alter table desktop_profile add column wallpaper_image varchar(80) default '' not null;
alter table desktop_profile add column default_browser varchar(200) default '' not null;
alter table desktop_profile add column default_editor varchar(200) default '' not null;
alter table desktop_profile add column default_file_manager varchar(200) default '' not null;
