-- 0201 what a draw pays per team row. A city draw writes 34,610 tasks and
-- 69,220 team rows (supervision.task_inspector), and each team row ran two
-- PL/pgSQL row triggers: the recusal check before it was written, and the
-- team check (task_team_complete, deferred by the draw) after; each task
-- ran the team check too. About 170,000 trigger calls, each a query.
--
-- - The team check no longer runs when a team row is inserted. Inserting
--   a member cannot make a complete team incomplete: the count of
--   credentialed members only grows, and a second lead is already refused
--   by the unique index task_inspector_one_lead. A task that needs the new
--   member is checked by its own trigger (when it is inserted dispatched or
--   its status changes; the draw defers that check until its teams are
--   written). Updates and deletes of team rows are still checked row by
--   row; the constraint keeps its name, so SET CONSTRAINTS
--   supervision.task_team_complete still names both triggers.
-- - The recusal check of inserted team rows is one query per statement over
--   the inserted rows (a transition table) instead of one per row; updates
--   keep the row trigger. Same message, same SQLSTATE, same constraint name.

DROP TRIGGER task_team_complete ON supervision.task_inspector;
CREATE CONSTRAINT TRIGGER task_team_complete
	AFTER UPDATE OR DELETE ON supervision.task_inspector
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION supervision.check_task_team();

CREATE FUNCTION supervision.check_recusal_inserted() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	bad bigint;
BEGIN
	SELECT n.staff_id INTO bad
	  FROM inserted_rows n
	  JOIN supervision.inspection_task t ON t.id = n.task_id
	  JOIN supervision.inspector_recusal r ON r.entity_id = t.entity_id AND r.staff_id = n.staff_id
	 ORDER BY n.task_id, n.staff_id LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION '检查人员（职员 %）与检查对象有利害关系，应当回避', bad
			USING ERRCODE = 'check_violation', CONSTRAINT = 'task_inspector_recusal';
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION supervision.check_recusal_inserted() IS
	'触发器（每条语句一次）：新安排的检查人员中须回避的不得安排到该主体的检查任务';

DROP TRIGGER task_inspector_recusal ON supervision.task_inspector;
CREATE TRIGGER task_inspector_recusal BEFORE UPDATE ON supervision.task_inspector
	FOR EACH ROW EXECUTE FUNCTION supervision.check_recusal();
CREATE TRIGGER task_inspector_recusal_inserted AFTER INSERT ON supervision.task_inspector
	REFERENCING NEW TABLE AS inserted_rows
	FOR EACH STATEMENT EXECUTE FUNCTION supervision.check_recusal_inserted();
REVOKE ALL ON FUNCTION supervision.check_recusal_inserted() FROM PUBLIC;
