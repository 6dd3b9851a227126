-- Data only. A block's grant revocations now say so (new_values.reason = 'USER_BLOCKED'), and
-- only the blocker may read them (src/modules/access/audit-visibility.ts): for the blocked
-- user the BLOCKED relation does not exist. Rows written before said 'RELATION_ENDED'; they
-- are the revocations of a relation that is BLOCKED now, made by its requestee (the blocker).
-- A BLOCKED relation carries no grants afterwards and is only ever deleted by its blocker,
-- so no other revocation matches.
UPDATE "audit_log" a
SET "new_values" = jsonb_set(a."new_values", '{reason}', '"USER_BLOCKED"')
FROM "relations" r
WHERE a."action_type" = 'PERMISSION_REVOKED'
  AND a."new_values"->>'reason' = 'RELATION_ENDED'
  AND r."relation_id" = (a."new_values"->>'relationId')::bigint
  AND r."status" = 'BLOCKED'
  AND a."user_id" = r."requestee_id";
