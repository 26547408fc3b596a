-- accounts: login throttling instead of account locks, and the addresses each person logs in from.

-- Failed logins per key: an account at one address, one address, or one account from addresses it was never
-- logged into from. Keys and accounts are SHA-256 hashes, so neither typed usernames (a password typed into the
-- wrong field) nor addresses are kept in the clear; account_hash lets every key of one account be cleared.
create table login_failure (
    key_hash     varchar(64) primary key,
    account_hash varchar(64),
    failures     integer     not null check (failures >= 0),
    last_attempt timestamp with time zone not null
);
create index login_failure_account on login_failure (account_hash);
create index login_failure_last on login_failure (last_attempt);

-- Where a person has logged in from (a hash of the address): their own addresses are not slowed down by
-- guesses from elsewhere.
create table login_source (
    person_id   uuid        not null references person (id),
    source_hash varchar(64) not null,
    last_login  timestamp with time zone not null,
    primary key (person_id, source_hash)
);
create index login_source_last on login_source (last_login);

alter table person drop column failed_logins;
alter table person drop column locked_until;

-- API tokens end with the password they were issued for; revoking deletes them.
create index api_token_person on api_token (person_id);
