-- 0212 the queue's readers plan each call for its own arguments. After
-- 0210 the share used and the band are arithmetic on the stored days; in
-- the generic plan PL/pgSQL switches to after five calls the view's
-- filter (all, mine, due_soon, … as a parameter) is estimated to keep one
-- row of a district's 9,000, and the handler's name was joined by scanning
-- the staff table once per open item: api.desk_queue took 230-480 ms from
-- the sixth call on the bench warehouse instead of 6 ms. A custom plan
-- costs well under a millisecond to make.
ALTER FUNCTION api.desk_queue(text, text, text, date, text, integer, integer) SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION api.desk_counts(text) SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION api.desk_supervise(text) SET plan_cache_mode = force_custom_plan;
