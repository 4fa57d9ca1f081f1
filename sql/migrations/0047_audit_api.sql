-- 0047 the audit log for admins: read (personal values masked) and verify.
-- Only admins; nobody reads audit.log directly. Reading unmasked personal
-- data is what api.personal() is for, and that is itself audited.

CREATE FUNCTION api.audit_log(p_actor text DEFAULT NULL, p_table text DEFAULT NULL,
                              p_since timestamptz DEFAULT NULL, p_before_id bigint DEFAULT NULL,
                              p_limit integer DEFAULT 100)
RETURNS TABLE (id bigint, at timestamptz, actor text, action text, table_name text, row_key jsonb,
               old_values jsonb, new_values jsonb, detail jsonb, summary text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM core.require_admin();
	RETURN QUERY SELECT * FROM audit.entries(nullif(btrim(p_actor), ''), nullif(btrim(p_table), ''), p_since,
	                                         p_before_id, p_limit);
END $$;
COMMENT ON FUNCTION api.audit_log(text, text, timestamptz, bigint, integer) IS '审计记录，新的在前，个人信息脱敏；可按操作人、表、起始时间筛选，按序号向前翻页（系统管理员）';

CREATE FUNCTION api.audit_verify(p_from bigint DEFAULT 1, p_chunk integer DEFAULT 100000,
                                 OUT checked bigint, OUT broken_id bigint, OUT problem text,
                                 OUT next_from bigint, OUT last_id bigint, OUT last_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM core.require_admin();
	SELECT * INTO checked, broken_id, problem, next_from, last_id, last_hash
	  FROM audit.verify(greatest(coalesce(p_from, 1), 1), greatest(1, least(coalesce(p_chunk, 100000), 1000000)));
END $$;
COMMENT ON FUNCTION api.audit_verify(bigint, integer) IS '校验审计哈希链的一段（从 p_from 起 p_chunk 条）：返回校验条数、第一处断链及原因、下一段起点；到链尾时比对链头（系统管理员）';

REVOKE ALL ON FUNCTION api.audit_log(text, text, timestamptz, bigint, integer),
	api.audit_verify(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_log(text, text, timestamptz, bigint, integer),
	api.audit_verify(bigint, integer) TO smcon_admin;
