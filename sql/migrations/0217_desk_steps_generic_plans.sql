-- 0217 the 12315 desk's steps plan their statements once per session (issue
-- 11: intake p99 under 10 ms, also for 20 handlers). PL/pgSQL plans a
-- statement with parameters afresh for each of its first five executions
-- in a session (custom plans), and only then keeps a generic plan. A step
-- runs some fifty statements of its own and of its triggers (the audit,
-- the queue's open item, the report summaries, the duplicate check), so a
-- handler's first five intakes, assignments or pauses of a session each
-- paid their planning: on the bench warehouse an intake took 7.4-10 ms in
-- those calls and 5.2-5.9 ms after, and a console, connected all day,
-- makes few of each step. Every statement in a step looks rows up by key,
-- so the generic plan is the custom plan: from the second call on an
-- intake took 3.6-4.1 ms (median of calls 2-15, three sessions each way,
-- alternating), its slowest 4.4-6.2 ms instead of 7.2-9.2 ms.
--
-- The queue's readers keep their custom plans (0212): their filters make
-- the generic plan wrong. A reader called inside a step keeps its own SET.
ALTER FUNCTION api.desk_intake(text, text, text, text, text, text, boolean, text, text, text, text, text, text, numeric,
                               text, text, text, timestamptz, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_register(text, text, text, text, text, text, text, text)
	SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_complete(bigint, text, text, text, text, text, text, text)
	SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_accept(bigint) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_refuse(bigint, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_mediate(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_agree(bigint, text, numeric, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_terminate(bigint, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_notify(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.complaint_close(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.tipoff_verify(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.tipoff_decide(bigint, boolean, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.tipoff_inform(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.tipoff_close(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.consult_answer(bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_merge(text, bigint, bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_keep_apart(text, bigint, bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_assign(text, bigint[], text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_transfer(text, bigint, text, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_pause(text, bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_resume(text, bigint, text) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION api.desk_extend(text, bigint, integer, text) SET plan_cache_mode = force_generic_plan;
