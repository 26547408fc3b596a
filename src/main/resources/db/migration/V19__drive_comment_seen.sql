-- drive: when a student was shown the comment on their work; a comment is new to them until then.
alter table drive_hand_in_comment add column seen_at timestamp with time zone;
