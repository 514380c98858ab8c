/**
 * Stored steps are safe to read (issue 12). A step the server could not read keeps its
 * text in `raw_payload`, opaque: no query casts or opens it. `payload` holds only the
 * validated operation, so the console's reads of it (bin, product, quantity) never fail.
 * Steps stored before this as sent and unreadable move their text over; so do any whose
 * text holds an escaped NUL, which PostgreSQL cannot read out of JSON.
 */
export const safePayloads = `
alter table operations alter column payload drop not null;
alter table operations add column raw_payload text;
update operations set raw_payload = payload::text, payload = null, type = 'unreadable'
 where why ->> 'code' = 'op-bad-payload' and status = 'rejected'
    or strpos(payload::text, '\\u0000') > 0;
alter table operations add constraint operations_payload_kept check ((payload is null) <> (raw_payload is null));
`;
