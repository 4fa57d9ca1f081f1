-- 0188 the audit chain against its owner (issue 10, item 9, rest).
--   audit.append() writes any kind of row (an update, a read, an admin
--       action) with whatever values it is given: the warehouse's
--       functions call it for what they do. Called by hand — top-level SQL
--       or a DO block, as the owner could — it forged rows. It now takes
--       calls from a named function only, and every row keeps the actor
--       session_user, so what an owner can still add through a function of
--       its own bears its own login. audit.note() (action 'note') stays the
--       owner's way to say something in the log.
--   A head kept outside the database: `smcon audit verify --head FILE`
--       compares every head written to FILE before with the chain
--       (api.audit_hashes) and appends today's. A rewrite of the whole
--       chain, which recomputes every hash and the head row, no longer
--       passes unseen.

GRANT smcon_audit TO smcon_owner;  -- for this migration only, revoked below
SET LOCAL ROLE smcon_audit;

CREATE OR REPLACE FUNCTION audit.append(p_action text, p_table text, p_key jsonb, p_old jsonb, p_new jsonb,
                                        p_detail jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	e record;
	v_id bigint;
	v_at timestamptz := clock_timestamp();
	v_txid bigint := txid_current();
	v_stack text;
	v_caller text;
BEGIN
	-- the first line is this function; the next function frame is its
	-- caller (a PERFORM puts the statement's text between): none at the
	-- top level, inline_code_block for a DO block
	GET DIAGNOSTICS v_stack = PG_CONTEXT;
	v_caller := substring(substr(v_stack, strpos(v_stack, E'\n') + 1)
	                      FROM '(?n)^(?:PL/pgSQL|SQL) function (\S+)');
	IF strpos(v_stack, E'\n') = 0 OR v_caller IS NULL OR v_caller = 'inline_code_block' THEN
		RAISE EXCEPTION '审计记录只能由仓库的函数写入，不能直接调用 audit.append（要记说明请用 audit.note）'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT * INTO e FROM audit.chain_end();
	v_id := e.last_id + 1;
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	VALUES (v_id, v_at, session_user, p_action, p_table, p_key, p_old, p_new, p_detail, v_txid, e.last_hash,
	        sha256(e.last_hash || audit.canonical(v_id, v_at, session_user, p_action, p_table, p_key, p_old, p_new,
	                                              p_detail, v_txid)));
	PERFORM audit.mark_open();
	RETURN v_id;
END $$;
COMMENT ON FUNCTION audit.append(text, text, jsonb, jsonb, jsonb, jsonb) IS
	'追加一条审计记录（操作人取会话登录账号），返回序号；只能由函数调用，不能在顶层 SQL 或 DO 块中直接调用';

-- The hashes of the rows with these ids (hex), for a comparison with heads
-- kept outside the database; an id without a row is missing from the answer.
CREATE FUNCTION audit.hashes(p_ids bigint[]) RETURNS TABLE (id bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT l.id, encode(l.hash, 'hex') FROM audit.log l WHERE l.id = ANY (p_ids) ORDER BY l.id
$$;
COMMENT ON FUNCTION audit.hashes(bigint[]) IS '给定序号的审计记录的哈希（十六进制），供与库外保存的链头比对';
REVOKE ALL ON FUNCTION audit.hashes(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.hashes(bigint[]) TO smcon_owner;

RESET ROLE;
REVOKE smcon_audit FROM smcon_owner;

CREATE FUNCTION api.audit_hashes(p_ids bigint[]) RETURNS TABLE (id bigint, hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM core.require_admin();
	IF cardinality(p_ids) > 100000 THEN
		RAISE EXCEPTION '一次最多比对 100000 个链头' USING ERRCODE = 'program_limit_exceeded';
	END IF;
	RETURN QUERY SELECT h.id, h.hash FROM audit.hashes(p_ids) h;
END $$;
COMMENT ON FUNCTION api.audit_hashes(bigint[]) IS '给定序号的审计记录的哈希，供 audit verify --head 与库外保存的链头比对（系统管理员）';
REVOKE ALL ON FUNCTION api.audit_hashes(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.audit_hashes(bigint[]) TO smcon_admin;
