-- 0219 the inspection lists' state names inlined (issue 13: an inspector's
-- task list p99 under 5 ms). core.task_status_name and
-- core.plan_status_name (0141, 0143) are one CASE each, with SQL-standard
-- bodies, parsed when they were created, so their pinned search_path
-- protected nothing; but a SET on a function keeps PostgreSQL from
-- inlining it, so each row of a list called it as a function of its own,
-- with the setting saved and restored: about a third of the task list's
-- 114 rows' time on the bench warehouse. Without the SET the CASE is
-- inlined into the list's query.
ALTER FUNCTION core.task_status_name(text) RESET search_path;
ALTER FUNCTION core.plan_status_name(text) RESET search_path;
