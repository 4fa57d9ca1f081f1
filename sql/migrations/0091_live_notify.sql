-- 0091 live screens: the database says when something changed, the consoles
-- that LISTEN refresh what they show (src/db/listen.h, src/ui/livelist.h).
--
-- smcon_audit: after every statement that appended to the audit log, one
-- notification whose payload is the highest new entry id (never any value
-- of the entry: a listener reads the entry through api.audit_log with its
-- own rights). One per statement, not per row, so a bulk load that writes a
-- million audit rows sends one notification; NOTIFY is transactional, so a
-- rolled-back change sends none.
-- audit.log belongs to smcon_audit (0042): act as it for this migration only.
GRANT smcon_audit TO smcon_owner;
SET LOCAL ROLE smcon_audit;

CREATE FUNCTION audit.notify_appended() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	newest bigint;
BEGIN
	SELECT max(id) INTO newest FROM appended;
	IF newest IS NOT NULL THEN
		PERFORM pg_notify('smcon_audit', newest::text);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION audit.notify_appended() IS
	'审计日志追加后通知 smcon_audit 频道（内容只是最新一条的序号），供控制台实时刷新';
REVOKE ALL ON FUNCTION audit.notify_appended() FROM PUBLIC;

CREATE TRIGGER log_notify AFTER INSERT ON audit.log REFERENCING NEW TABLE AS appended
	FOR EACH STATEMENT EXECUTE FUNCTION audit.notify_appended();
COMMENT ON TRIGGER log_notify ON audit.log IS
	'每条追加审计日志的语句之后发一次 smcon_audit 通知（最新序号）';

RESET ROLE;
REVOKE smcon_audit FROM smcon_owner;
