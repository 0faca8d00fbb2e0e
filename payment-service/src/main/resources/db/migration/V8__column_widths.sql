-- Columns that held less than what is written into them: a remittance's journal description is built
-- from its bank reference (100), remitter (300), account and amounts; who changed or associated is the
-- caller's e-mail (up to 320). Too short, they failed a valid request with a 500.
alter table journal_entry alter column description type varchar(1000);
alter table collection_info_history alter column changed_by type varchar(320);
alter table remittance_association alter column associated_by type varchar(320);
