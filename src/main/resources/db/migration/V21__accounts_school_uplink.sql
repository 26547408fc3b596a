-- accounts: a school's uplink to the servers, in kbit/s, that the gateway shares among its open desktops (null: not limited).
alter table school add column uplink_kbps integer check (uplink_kbps > 0);
