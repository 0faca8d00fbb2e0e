-- An association is undone (its money goes back to the remittance) when its order is cancelled
-- before the funds were released; the row stays, marked, for the record.
alter table remittance_association add column undone_at timestamptz;
alter table remittance_association add column undone_reason varchar(100);
