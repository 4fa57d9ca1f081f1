-- 0120 the 96333 desk, part 1: finding the elevator a caller is in.
--
-- The caller reads the rescue code from the sign in the car (as long as the
-- setting rescue_code_length says); the dispatcher types it and sees the
-- elevator card at once: address, using unit, category, the contracted
-- maintenance unit with its 24-hour phone and rescue team, the last
-- maintenance and periodic inspection (overdue flagged), the entrapments of
-- the last 12 months, the arrival limit of its area and any incident still
-- open on it. Without a code: a fragment of the address or of the using
-- unit's name finds it.
--
-- The arrival limit is a local choice per division (core.rescue_arrival_limit,
-- 30 minutes in city districts and 60 elsewhere by default); a division
-- without a row falls back to the settings.

-- 1. Settings and the limit per division -----------------------------------

INSERT INTO core.setting (key, value, value_type, description) VALUES
	('rescue_escalate_no_ack_minutes', '5', 'integer',
	 '96333 派单后多少分钟无人响应即提议启动二级响应'),
	('rescue_maintenance_overdue_days', '15', 'integer',
	 '接警时电梯距最近维保超过多少天提示维保逾期');

CREATE TABLE core.rescue_arrival_limit (
	division_code char(6) PRIMARY KEY REFERENCES core.division (code),
	urban_minutes smallint NOT NULL CHECK (urban_minutes BETWEEN 5 AND 240),
	other_minutes smallint NOT NULL CHECK (other_minutes BETWEEN 5 AND 240),
	note text
);
COMMENT ON TABLE core.rescue_arrival_limit IS '96333 救援到场时限（按行政区划由各地自定；没有的按系统参数）';
COMMENT ON COLUMN core.rescue_arrival_limit.division_code IS '行政区划';
COMMENT ON COLUMN core.rescue_arrival_limit.urban_minutes IS '市区电梯的到场时限（分钟）';
COMMENT ON COLUMN core.rescue_arrival_limit.other_minutes IS '其他地区电梯的到场时限（分钟）';
COMMENT ON COLUMN core.rescue_arrival_limit.note IS '依据（地方规定）';
INSERT INTO core.rescue_arrival_limit (division_code, urban_minutes, other_minutes, note)
SELECT d.code, 30, 60, '《江苏省电梯安全管理办法》：市区 30 分钟，其他地区 1 小时'
  FROM core.division d WHERE d.current AND d.level <> 'city' AND d.code LIKE '3202%';
GRANT SELECT ON core.rescue_arrival_limit TO smcon_staff;
SELECT audit.attach('core.rescue_arrival_limit');

-- The arrival limit of an elevator's area, in minutes.
CREATE FUNCTION core.rescue_limit_minutes(p_elevator_id bigint) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT coalesce(CASE WHEN e.urban THEN l.urban_minutes ELSE l.other_minutes END,
	                core.setting_int(CASE WHEN e.urban THEN 'rescue_arrival_limit_urban_minutes'
	                                      ELSE 'rescue_arrival_limit_other_minutes' END))
	  FROM equipment.elevator e LEFT JOIN core.rescue_arrival_limit l ON l.division_code = e.division_code
	 WHERE e.id = p_elevator_id
$$;
COMMENT ON FUNCTION core.rescue_limit_minutes(bigint) IS '电梯所在区域的救援到场时限（分钟）：按区划表，没有时按系统参数';

-- The limit is fixed at level-1 dispatch from the table (it was the settings).
CREATE OR REPLACE FUNCTION rights.fill_incident() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.elevator_id IS NOT NULL
	   AND (NEW.district_org_id IS NULL
	        OR (TG_OP = 'UPDATE' AND NEW.elevator_id IS DISTINCT FROM OLD.elevator_id
	            AND NEW.district_org_id IS NOT DISTINCT FROM OLD.district_org_id)) THEN
		SELECT e.district_org_id INTO NEW.district_org_id FROM equipment.elevator e WHERE e.id = NEW.elevator_id;
	END IF;
	IF NEW.level1_dispatched_at IS NOT NULL AND NEW.arrival_limit_minutes IS NULL AND NEW.elevator_id IS NOT NULL THEN
		NEW.arrival_limit_minutes := core.rescue_limit_minutes(NEW.elevator_id);
	END IF;
	RETURN NEW;
END $$;

-- 2. The elevator by code ---------------------------------------------------

-- The elevator a typed code names: a rescue code of the configured length or
-- a 20-digit registration code (spaces ignored); NULL when none.
CREATE FUNCTION core.elevator_by_code(p_code text) RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT e.id FROM equipment.elevator e
	 WHERE e.rescue_code = regexp_replace(p_code, '\s', '', 'g')
	UNION ALL
	SELECT e.id FROM equipment.elevator e
	 WHERE e.registration_code = regexp_replace(p_code, '\s', '', 'g')
	LIMIT 1
$$;
COMMENT ON FUNCTION core.elevator_by_code(text) IS '按救援识别码或 20 位注册代码（忽略空格）找电梯；没有时为空';

-- The card the dispatcher sees when the caller reads the code.
CREATE FUNCTION api.elevator_card(p_code text)
RETURNS TABLE (elevator_id bigint, registration_code text, rescue_code text, category text, address text,
               place_type text, division_name text, district_bureau text, urban boolean, status text,
               user_uscc text, user_name text, user_phone text, maintainer_uscc text, maintainer_name text,
               duty_phone text, backup_phone text, team_name text, team_phone text,
               maintenance_contract_ends_on date, last_maintained_on date, maintenance_overdue boolean,
               last_inspected_on date, next_inspection_due date, inspection_overdue boolean,
               entrapments_12m integer, arrival_limit_minutes integer, open_incident_no text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
	eid bigint;
	today date := core.today();
BEGIN
	eid := core.elevator_by_code(p_code);
	IF eid IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT e.id, e.registration_code, e.rescue_code, c.name, e.address,
	       CASE e.place_type WHEN 'residential' THEN '住宅' WHEN 'office' THEN '办公' WHEN 'shopping' THEN '商场'
	            WHEN 'hospital' THEN '医院' WHEN 'school' THEN '学校' WHEN 'transport' THEN '交通场站'
	            WHEN 'hotel' THEN '宾馆' WHEN 'factory' THEN '厂区' WHEN 'public' THEN '公共场所' ELSE '其他' END,
	       d.name, o.name, e.urban, core.status_label(e.status),
	       u.uscc::text, u.name, u.phone::text, m.uscc::text, m.name, mu.duty_phone::text, mu.backup_phone::text,
	       t.name, t.duty_phone::text, e.maintenance_contract_ends_on, e.last_maintained_on,
	       coalesce(e.last_maintained_on < today - core.setting_int('rescue_maintenance_overdue_days'), true),
	       e.last_inspected_on, e.next_inspection_due, coalesce(e.next_inspection_due < today, false),
	       (SELECT count(*)::integer FROM rights.rescue_incident i
	         WHERE i.elevator_id = e.id AND i.kind = 'trapped' AND i.received_at >= core.now() - interval '12 months'),
	       core.rescue_limit_minutes(e.id),
	       (SELECT i.incident_no FROM rights.rescue_incident i
	         WHERE i.elevator_id = e.id AND i.status = 'open' ORDER BY i.received_at DESC LIMIT 1)
	  FROM equipment.elevator e
	  JOIN core.elevator_category c ON c.code = e.category_code
	  JOIN core.entity u ON u.id = e.entity_id
	  LEFT JOIN core.entity m ON m.id = e.maintenance_entity_id
	  LEFT JOIN equipment.maintenance_unit mu ON mu.entity_id = e.maintenance_entity_id
	  LEFT JOIN core.division d ON d.code = e.division_code
	  LEFT JOIN core.org_unit o ON o.id = e.district_org_id
	  LEFT JOIN LATERAL (SELECT s.name, s.duty_phone FROM equipment.rescue_station s
	                      WHERE s.entity_id = e.maintenance_entity_id AND s.active
	                      ORDER BY s.division_code = e.division_code DESC, s.id LIMIT 1) t ON true
	 WHERE e.id = eid;
END $$;
COMMENT ON FUNCTION api.elevator_card(text) IS
	'接警卡片：按救援识别码或注册代码带出电梯、使用单位、签约维保单位及值班电话、救援队伍、维保检验情况、近 12 个月困人次数、到场时限和未结事件';

-- 3. Without a code: the address or the using unit --------------------------

CREATE INDEX elevator_address_bigram_idx ON equipment.elevator USING gin (core.search_bigrams(address));

CREATE FUNCTION api.elevator_search(p_text text, p_limit integer DEFAULT 50)
RETURNS TABLE (elevator_id bigint, registration_code text, rescue_code text, category text, address text,
               user_name text, maintainer_name text, status text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	q text := core.search_norm(coalesce(p_text, ''));
	grams text[] := core.search_bigrams(coalesce(p_text, ''));
BEGIN
	IF length(q) < 2 THEN
		RAISE EXCEPTION '请至少输入两个字的地址或使用单位名称' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH hits AS (
		SELECT e.id, 1 AS how FROM equipment.elevator e
		 WHERE core.search_bigrams(e.address) @> grams AND strpos(core.search_norm(e.address), q) > 0
		UNION
		SELECT e.id, 2 FROM core.entity u JOIN equipment.elevator e ON e.entity_id = u.id
		 WHERE core.search_bigrams(u.name) @> grams AND strpos(core.search_norm(u.name), q) > 0
	), firsts AS (SELECT h.id, min(h.how) AS how FROM hits h GROUP BY h.id)
	SELECT e.id, e.registration_code, e.rescue_code, c.name, e.address, u.name, m.name, core.status_label(e.status)
	  FROM firsts f
	  JOIN equipment.elevator e ON e.id = f.id
	  JOIN core.elevator_category c ON c.code = e.category_code
	  JOIN core.entity u ON u.id = e.entity_id
	  LEFT JOIN core.entity m ON m.id = e.maintenance_entity_id
	 ORDER BY f.how, e.status <> 'in_use', e.address, e.registration_code
	 LIMIT greatest(1, least(coalesce(p_limit, 50), 500));
END $$;
COMMENT ON FUNCTION api.elevator_search(text, integer) IS
	'没有救援识别码时按地址片段或使用单位名称找电梯（至少两个字），地址命中在前';

REVOKE ALL ON FUNCTION core.rescue_limit_minutes(bigint), core.elevator_by_code(text), api.elevator_card(text),
	api.elevator_search(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.rescue_limit_minutes(bigint), core.elevator_by_code(text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.elevator_card(text), api.elevator_search(text, integer) TO smcon_staff;
