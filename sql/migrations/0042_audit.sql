-- 0042 audit: one append-only, hash-chained log of every change and every
-- sensitive read (DESIGN §3).
--
-- The schema belongs to smcon_audit, a role nobody logs in as and nobody is
-- a member of, so the warehouse owner's ordinary privileges reach only the
-- functions granted to it here (append, note, attach, read masked). Rows are
-- never updated or deleted: the privileges are revoked from everyone,
-- smcon_audit included, and BEFORE triggers refuse as well. Each row carries
-- the hash of the row before it (sha256 over that hash and the row's
-- canonical text); audit.verify() recomputes the chain and names the first
-- broken link. A superuser can still rewrite history, but not unseen: keep
-- the head hash (`smcon audit verify` prints it) somewhere else now and then.
--
-- Appends are serialised by a transaction-level advisory lock: the next
-- statement (READ COMMITTED) sees the last row committed by the previous
-- holder and links to it. A REPEATABLE READ transaction may not see it; it
-- then takes an id that exists and fails on the primary key (23505) instead
-- of forking the chain. audit.head follows the last row once per transaction,
-- so that verify notices rows cut off the end: the first append of a
-- transaction marks it in audit.open_tx, whose deferred trigger moves the
-- head at commit (updating it on every append made a long transaction
-- quadratic: every update of the same row walks the row's version chain).
--
-- The triggers on the warehouse's tables fire once per statement and read
-- its transition tables, and each statement's rows reach the log in one
-- insert, the hash chain running over them as a window aggregate
-- (audit.chain). Row triggers appending one row at a time (lock, look-up,
-- hash, insert) cost about 70 µs a row: most of two minutes for an import of
-- a million new entities. PostgreSQL allows transition tables only on a
-- trigger with one event, so a table gets audit_insert, audit_update and
-- audit_delete, and audit_truncate. An update's old and new rows are paired
-- by the primary key (attach() refuses a table without one); an update that
-- changes the key is recorded as the old row and the new row, each an
-- 'update' entry with one side empty. The rows of one statement share its
-- time.

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smcon_audit') THEN
		CREATE ROLE smcon_audit NOLOGIN;
	END IF;
END $$;
COMMENT ON ROLE smcon_audit IS '审计日志所有者（不能登录，无成员）';
GRANT smcon_audit TO smcon_owner;  -- for this migration only, revoked at the end

CREATE SCHEMA audit AUTHORIZATION smcon_audit;
COMMENT ON SCHEMA audit IS '审计日志：只追加、以哈希链相连的变更和敏感读取记录';
-- what the audit functions read: the catalog of personal columns and the masks
GRANT USAGE ON SCHEMA core, meta TO smcon_audit;
GRANT SELECT ON meta.personal_column TO smcon_audit;
GRANT EXECUTE ON FUNCTION core.mask_name(text), core.mask_phone(text), core.mask_id_no(text),
	core.mask_address(text), core.mask_email(text) TO smcon_audit;

SET LOCAL ROLE smcon_audit;

CREATE TABLE audit.log (
	id bigint PRIMARY KEY,
	at timestamptz NOT NULL,
	actor text NOT NULL,
	action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'truncate', 'read', 'admin',
	                                       'lockout', 'note')),
	table_name text,
	row_key jsonb,
	old_values jsonb,
	new_values jsonb,
	detail jsonb,
	txid bigint NOT NULL,
	prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
	hash bytea NOT NULL CHECK (length(hash) = 32)
);
COMMENT ON TABLE audit.log IS '审计日志：每一行变更、每一次敏感读取和管理操作；只追加，哈希链相连';
COMMENT ON COLUMN audit.log.id IS '序号（从 1 起连续，链的顺序）';
COMMENT ON COLUMN audit.log.at IS '记录时间';
COMMENT ON COLUMN audit.log.actor IS '操作人（会话登录账号 session_user）';
COMMENT ON COLUMN audit.log.action IS '动作：insert 新增，update 修改，delete 删除，truncate 清空，read 查看未脱敏个人信息，admin 账号管理，lockout 登录失败锁定，note 说明';
COMMENT ON COLUMN audit.log.table_name IS '涉及的表（模式.表名）';
COMMENT ON COLUMN audit.log.row_key IS '行的主键';
COMMENT ON COLUMN audit.log.old_values IS '修改前的值（修改时只含变化的列；含个人信息原值，仅经脱敏的接口读取）';
COMMENT ON COLUMN audit.log.new_values IS '修改后的值（同上）';
COMMENT ON COLUMN audit.log.detail IS '其他说明（读取的列、管理操作的内容；从不含密码）';
COMMENT ON COLUMN audit.log.txid IS '事务号（同一事务的记录可据此归组）';
COMMENT ON COLUMN audit.log.prev_hash IS '上一条记录的哈希';
COMMENT ON COLUMN audit.log.hash IS '本条记录的哈希：sha256(上一条哈希 ‖ 本条规范文本)';
CREATE INDEX log_at_idx ON audit.log (at);
CREATE INDEX log_actor_idx ON audit.log (actor, id);
CREATE INDEX log_table_name_idx ON audit.log (table_name, id);

CREATE TABLE audit.head (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	genesis_hash bytea NOT NULL CHECK (length(genesis_hash) = 32),
	last_id bigint NOT NULL CHECK (last_id >= 0),
	last_hash bytea NOT NULL CHECK (length(last_hash) = 32)
);
COMMENT ON TABLE audit.head IS '哈希链的链头：最后一条记录的序号和哈希（每个事务提交时更新一次）';
COMMENT ON COLUMN audit.head.singleton IS '只有一行';
COMMENT ON COLUMN audit.head.genesis_hash IS '链的起点（建库时随机生成，第 1 条记录的上一条哈希）';
COMMENT ON COLUMN audit.head.last_id IS '最后一条记录的序号';
COMMENT ON COLUMN audit.head.last_hash IS '最后一条记录的哈希';
INSERT INTO audit.head (genesis_hash, last_id, last_hash)
SELECT g, 0, g FROM (SELECT sha256(convert_to(gen_random_uuid()::text, 'UTF8')) AS g) AS s;

CREATE TABLE audit.unaudited (
	table_name text PRIMARY KEY,
	reason text NOT NULL CHECK (btrim(reason) <> '')
);
COMMENT ON TABLE audit.unaudited IS '不加审计触发器的表及理由（暂存表、日志表）';
COMMENT ON COLUMN audit.unaudited.table_name IS '表（模式.表名）';
COMMENT ON COLUMN audit.unaudited.reason IS '不审计的理由';
INSERT INTO audit.unaudited VALUES
	('meta.schema_migration', '迁移记录：由迁移工具写入，每条带 SHA-256 校验和，本身就是结构变更的记录'),
	('core.staff_scope', '派生数据：由职员档案和机构树自动算出，其来源已审计');

CREATE TABLE audit.open_tx (
	txid bigint PRIMARY KEY
);
COMMENT ON TABLE audit.open_tx IS '本事务已追加审计记录的标记（提交时移动链头后删除）';
COMMENT ON COLUMN audit.open_tx.txid IS '事务号';


-- The text a row's hash is computed over: every field, in a fixed order, as
-- JSON (jsonb prints keys in a fixed order; the time as epoch seconds).
CREATE FUNCTION audit.canonical(id bigint, at timestamptz, actor text, action text, table_name text,
                                row_key jsonb, old_values jsonb, new_values jsonb, detail jsonb,
                                txid bigint) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN convert_to(jsonb_build_array(id, extract(epoch FROM at), actor, action, table_name, row_key,
                                    old_values, new_values, detail, txid)::text, 'UTF8');
COMMENT ON FUNCTION audit.canonical(bigint, timestamptz, text, text, text, jsonb, jsonb, jsonb, jsonb, bigint)
	IS '审计记录的规范文本（计算哈希用）';

-- One link of the chain: the hash of the row before (the running state, or
-- prev for the first row) followed by this row's canonical text.
CREATE FUNCTION audit.chain_step(state bytea, prev bytea, item bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN sha256(coalesce(state, prev) || item);
COMMENT ON FUNCTION audit.chain_step(bytea, bytea, bytea) IS '哈希链的一环：sha256(上一条哈希 ‖ 本条规范文本)';
CREATE AGGREGATE audit.chain(prev bytea, item bytea) (SFUNC = audit.chain_step, STYPE = bytea);
COMMENT ON AGGREGATE audit.chain(bytea, bytea) IS
	'哈希链（按序的窗口聚合）：第一个参数为链上最后一条的哈希，第二个为各条的规范文本';

-- The last row of the chain (id 0 and the genesis hash while it is empty),
-- taken under the chain's lock.
CREATE FUNCTION audit.chain_end(OUT last_id bigint, OUT last_hash bytea)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('smcon.audit.chain'));
	-- by the index, always: a plan cached while the log was small would scan it all
	SELECT l.id, l.hash INTO last_id, last_hash FROM audit.log l ORDER BY l.id DESC LIMIT 1;
	IF last_id IS NULL THEN
		SELECT 0, h.genesis_hash INTO last_id, last_hash FROM audit.head h;
	END IF;
END $$;
COMMENT ON FUNCTION audit.chain_end() IS '取得哈希链的锁和链上最后一条（序号与哈希）';

-- The transaction's mark: the head moves at commit.
CREATE FUNCTION audit.mark_open() RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	INSERT INTO audit.open_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
END;
COMMENT ON FUNCTION audit.mark_open() IS '标记本事务已追加审计记录（提交时移动链头）';

-- Appends one row to the chain. The actor is always session_user.
CREATE FUNCTION audit.append(p_action text, p_table text, p_key jsonb, p_old jsonb, p_new jsonb,
                             p_detail jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	e record;
	v_id bigint;
	v_at timestamptz := clock_timestamp();
	v_txid bigint := txid_current();
BEGIN
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
COMMENT ON FUNCTION audit.append(text, text, jsonb, jsonb, jsonb, jsonb) IS '追加一条审计记录（操作人取会话登录账号），返回序号';

-- At commit, the head moves to the transaction's last row.
CREATE FUNCTION audit.move_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
BEGIN
	UPDATE audit.head h SET last_id = l.id, last_hash = l.hash
	  FROM (SELECT g.id, g.hash FROM audit.log g ORDER BY g.id DESC LIMIT 1) l
	 WHERE h.last_id < l.id;
	DELETE FROM audit.open_tx WHERE txid = NEW.txid;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.move_head() IS '触发器：事务提交时把链头移到最后一条审计记录';
CREATE CONSTRAINT TRIGGER open_tx_head AFTER INSERT ON audit.open_tx
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION audit.move_head();

-- A free-form note in the chain (the data generator says what it loaded with
-- the audit triggers switched off).
CREATE FUNCTION audit.note(kind text, detail jsonb) RETURNS bigint
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
RETURN audit.append('note', NULL, NULL, NULL, NULL, jsonb_build_object('kind', kind) || coalesce(detail, '{}'));
COMMENT ON FUNCTION audit.note(text, jsonb) IS '在审计日志中记一条说明（如批量装载时关闭了审计触发器）';

-- The key of a row (its primary-key columns, at most three) from the row as
-- JSON. An expression without a sub-select, so that it is inlined: called
-- once per row of a statement, a function that runs a query costs ~40 µs.
CREATE FUNCTION audit.row_key(j jsonb, keys text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE cardinality(keys)
	WHEN 0 THEN '{}'::jsonb
	WHEN 1 THEN jsonb_build_object(keys[1], j -> keys[1])
	WHEN 2 THEN jsonb_build_object(keys[1], j -> keys[1], keys[2], j -> keys[2])
	ELSE jsonb_build_object(keys[1], j -> keys[1], keys[2], j -> keys[2], keys[3], j -> keys[3]) END;
COMMENT ON FUNCTION audit.row_key(jsonb, text[]) IS '从行的 JSON 取出主键列（至多三列）';

-- The trigger arguments: 'key:COLUMN' for each primary-key column, 'skip:COLUMN'
-- for generated columns.
CREATE FUNCTION audit.trigger_columns(args text[], OUT keys text[], OUT skip text[])
LANGUAGE sql IMMUTABLE
RETURN (SELECT ROW(coalesce(array_agg(substr(a, 5) ORDER BY o) FILTER (WHERE a LIKE 'key:%'), '{}'),
                   coalesce(array_agg(substr(a, 6) ORDER BY o) FILTER (WHERE a LIKE 'skip:%'), '{}'))
          FROM unnest(args) WITH ORDINALITY AS t (a, o));
COMMENT ON FUNCTION audit.trigger_columns(text[]) IS '审计触发器参数：主键列和不记录的生成列';

-- The statement triggers. Each appends the statement's rows in one insert:
-- ids in the order the transition table holds the rows, and the chain as a
-- running window aggregate over them in that same order (no ORDER BY, so no
-- sort of a million rows: the window frames follow the rows as they come;
-- audit.verify() would name the first row if they did not). Each row becomes
-- JSON once: OFFSET 0 keeps a sub-select a step of its own, where flattened
-- into the expressions above it to_jsonb() of the whole row ran again for
-- every use (in an update, for each of an entity's thirty columns compared:
-- 0.5 ms a row).
CREATE FUNCTION audit.record_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	tbl constant text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
	act constant text := lower(TG_OP);
	v_txid constant bigint := txid_current();
	e record;
	v_at timestamptz;
BEGIN
	-- changed_rows: the inserted rows (NEW TABLE) or the deleted ones (OLD TABLE)
	IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
		RETURN NULL;
	END IF;
	SELECT * INTO c FROM audit.trigger_columns(TG_ARGV);
	SELECT * INTO e FROM audit.chain_end();
	v_at := clock_timestamp();
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	SELECT s.id, v_at, session_user, act, tbl, s.k, s.o, s.n, NULL, v_txid,
	       coalesce(lag(s.h) OVER (ROWS UNBOUNDED PRECEDING), e.last_hash), s.h
	  FROM (SELECT r.id, r.k, r.o, r.n,
	               audit.chain(e.last_hash, audit.canonical(r.id, v_at, session_user, act, tbl, r.k, r.o, r.n,
	                                                        NULL, v_txid)) OVER (ROWS UNBOUNDED PRECEDING) AS h
	          FROM (SELECT e.last_id + row_number() OVER () AS id, audit.row_key(x.j, c.keys) AS k,
	                       CASE WHEN act = 'delete' THEN x.j - c.skip END AS o,
	                       CASE WHEN act = 'insert' THEN x.j - c.skip END AS n
	                  FROM (SELECT to_jsonb(t) AS j FROM changed_rows t OFFSET 0) AS x) AS r) AS s;
	PERFORM audit.mark_open();
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_rows() IS '审计触发器（按语句）：记录新增或删除的每一行';

-- An update records only the columns that changed, and nothing (not even
-- the chain's lock) when no row changed. Old and new rows are paired by key;
-- a row whose key changed shows as its old row and its new row.
CREATE FUNCTION audit.record_updates() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	tbl constant text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
	v_txid constant bigint := txid_current();
	v_at timestamptz := clock_timestamp();
BEGIN
	SELECT * INTO c FROM audit.trigger_columns(TG_ARGV);
	WITH ch AS MATERIALIZED (
		SELECT coalesce(a.k, b.k) AS k,
		       CASE WHEN a.j IS NULL THEN b.j WHEN b.j IS NOT NULL THEN d.o END AS o,
		       CASE WHEN b.j IS NULL THEN a.j WHEN a.j IS NOT NULL THEN d.n END AS n
		  FROM (SELECT audit.row_key(x.j, c.keys) AS k, x.j - c.skip AS j
		          FROM (SELECT to_jsonb(t) AS j FROM old_rows t OFFSET 0) AS x OFFSET 0) AS b
		  FULL JOIN (SELECT audit.row_key(x.j, c.keys) AS k, x.j - c.skip AS j
		               FROM (SELECT to_jsonb(t) AS j FROM new_rows t OFFSET 0) AS x OFFSET 0) AS a ON a.k = b.k
		 CROSS JOIN LATERAL (
			SELECT jsonb_object_agg(f.key, b.j -> f.key) AS o, jsonb_object_agg(f.key, a.j -> f.key) AS n
			  FROM jsonb_object_keys(coalesce(a.j, b.j)) AS f (key)
			 WHERE a.j -> f.key IS DISTINCT FROM b.j -> f.key) AS d
		 WHERE d.n IS NOT NULL),
	e AS MATERIALIZED (
		SELECT * FROM audit.chain_end() WHERE EXISTS (SELECT 1 FROM ch))
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	SELECT s.id, v_at, session_user, 'update', tbl, s.k, s.o, s.n, NULL, v_txid,
	       coalesce(lag(s.h) OVER (ROWS UNBOUNDED PRECEDING), s.last_hash), s.h
	  FROM (SELECT r.*,
	               audit.chain(r.last_hash, audit.canonical(r.id, v_at, session_user, 'update', tbl, r.k, r.o, r.n,
	                                                        NULL, v_txid)) OVER (ROWS UNBOUNDED PRECEDING) AS h
	          FROM (SELECT e.last_id + row_number() OVER () AS id, e.last_hash, ch.k, ch.o, ch.n
	                  FROM e CROSS JOIN ch) AS r) AS s;
	IF FOUND THEN
		PERFORM audit.mark_open();
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_updates() IS '审计触发器（按语句）：记录修改的每一行（只记变化的列，无变化不记）';

CREATE FUNCTION audit.record_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM audit.append('truncate', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, NULL, NULL, NULL, NULL);
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_truncate() IS '审计触发器：记录清空表';

-- Puts the audit triggers on a table (its owner calls it: a migration that
-- adds a table, or lists the table in audit.unaudited with a reason).
CREATE FUNCTION audit.attach(tbl regclass) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	args text;
	trg name;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = tbl AND i.indisprimary AND i.indnkeyatts <= 3) THEN
		RAISE EXCEPTION '% has no primary key of at most three columns: the audit names every row by it', tbl;
	END IF;
	SELECT string_agg(quote_literal(x), ', ' ORDER BY ord) INTO args
	  FROM (SELECT 'key:' || a.attname AS x, array_position(i.indkey::int2[], a.attnum) AS ord
	          FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
	         WHERE i.indrelid = tbl AND i.indisprimary
	        UNION ALL
	        SELECT 'skip:' || a.attname, 1000 + a.attnum
	          FROM pg_attribute a
	         WHERE a.attrelid = tbl AND a.attgenerated = 's' AND NOT a.attisdropped) AS s;
	FOR trg IN SELECT g.tgname FROM pg_trigger g
	            WHERE g.tgrelid = tbl AND g.tgname IN ('audit_insert', 'audit_update', 'audit_delete', 'audit_truncate') LOOP
		EXECUTE format('DROP TRIGGER %I ON %s', trg, tbl);
	END LOOP;
	EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_rows(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s '
	               'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_updates(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_rows '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_rows(%s)', tbl, args);
	EXECUTE format('CREATE TRIGGER audit_truncate AFTER TRUNCATE ON %s '
	               'FOR EACH STATEMENT EXECUTE FUNCTION audit.record_truncate()', tbl);
END $$;
COMMENT ON FUNCTION audit.attach(regclass) IS
	'给表加上审计触发器 audit_insert、audit_update、audit_delete（按语句）和 audit_truncate（由表的所有者调用）';

-- Nothing in the log changes once written.
CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '审计记录只能追加，不能修改、删除或清空（%.%）', TG_TABLE_SCHEMA, TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege';
END $$;
COMMENT ON FUNCTION audit.refuse_change() IS '触发器：拒绝修改、删除、清空审计记录';
CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON audit.log
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON audit.log
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER head_kept BEFORE DELETE ON audit.head
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER head_no_truncate BEFORE TRUNCATE ON audit.head
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER unaudited_kept BEFORE UPDATE OR DELETE ON audit.unaudited
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit.log FROM smcon_audit;
REVOKE DELETE, TRUNCATE ON audit.head FROM smcon_audit;
REVOKE UPDATE, DELETE, TRUNCATE ON audit.unaudited FROM smcon_audit;

-- Values in old/new with the table's personal columns masked.
CREATE FUNCTION audit.masked(tbl text, v jsonb) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN v IS NULL THEN NULL ELSE
	       (SELECT coalesce(jsonb_object_agg(e.key,
	                   CASE WHEN p.kind IS NULL OR jsonb_typeof(e.value) <> 'string' THEN e.value
	                        ELSE to_jsonb(CASE p.kind
	                                      WHEN 'name' THEN core.mask_name(e.value #>> '{}')
	                                      WHEN 'phone' THEN core.mask_phone(e.value #>> '{}')
	                                      WHEN 'id_no' THEN core.mask_id_no(e.value #>> '{}')
	                                      WHEN 'address' THEN core.mask_address(e.value #>> '{}')
	                                      ELSE core.mask_email(e.value #>> '{}') END) END), '{}')
	          FROM jsonb_each(v) e
	          LEFT JOIN meta.personal_column p
	            ON p.table_schema || '.' || p.table_name = tbl AND p.column_name = e.key) END
$$;
COMMENT ON FUNCTION audit.masked(text, jsonb) IS '把审计记录中该表的个人信息列换成脱敏值';

-- One line saying what an entry did: the changed columns of an update
-- (old → new), the values of an inserted or deleted row, or the details.
CREATE FUNCTION audit.summary(action text, old_values jsonb, new_values jsonb, detail jsonb) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN CASE action
	WHEN 'update' THEN
		(SELECT string_agg(k || ': ' || coalesce(old_values ->> k, '∅') || ' → ' || coalesce(new_values ->> k, '∅'),
		                   '; ' ORDER BY k)
		   FROM jsonb_object_keys(new_values) AS k)
	WHEN 'insert' THEN
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ') FROM jsonb_each(new_values) e)
	WHEN 'delete' THEN
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ') FROM jsonb_each(old_values) e)
	ELSE
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ' ORDER BY e.key)
		   FROM jsonb_each(detail) e)
	END;
COMMENT ON FUNCTION audit.summary(text, jsonb, jsonb, jsonb) IS '审计记录的一行摘要（修改了哪些列、从什么改成什么）';

-- The log, newest first, personal values masked. Filters are optional; the
-- statement is fixed text and the values are parameters.
CREATE FUNCTION audit.entries(p_actor text, p_table text, p_since timestamptz, p_before_id bigint,
                              p_limit integer)
RETURNS TABLE (id bigint, at timestamptz, actor text, action text, table_name text, row_key jsonb,
               old_values jsonb, new_values jsonb, detail jsonb, summary text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE
		'SELECT m.id, m.at, m.actor, m.action, m.table_name, m.row_key, m.o, m.n, m.detail,
		        audit.summary(m.action, m.o, m.n, m.detail)
		   FROM (SELECT l.id, l.at, l.actor, l.action, l.table_name, l.row_key, l.detail,
		                audit.masked(l.table_name, l.old_values) AS o,
		                audit.masked(l.table_name, l.new_values) AS n
		           FROM audit.log l
		          WHERE ($1 IS NULL OR l.actor = $1)
		            AND ($2 IS NULL OR l.table_name = $2 OR l.table_name LIKE ''%.'' || $2)
		            AND ($3 IS NULL OR l.at >= $3)
		            AND ($4 IS NULL OR l.id < $4)
		          ORDER BY l.id DESC
		          LIMIT $5) m
		  ORDER BY m.id DESC'
		USING p_actor, p_table, p_since, p_before_id, greatest(1, least(coalesce(p_limit, 100), 10000));
END $$;
COMMENT ON FUNCTION audit.entries(text, text, timestamptz, bigint, integer) IS '审计记录（新的在前，个人信息脱敏），可按操作人、表、起始时间筛选';

-- Checks the chain over ids [p_from, p_from + p_chunk): every row's hash is
-- recomputed and its link to the row before compared. Returns how many rows
-- were checked, the first broken one (NULL when none) and why, and where the
-- next chunk starts (NULL at the end, where the head is compared as well).
CREATE FUNCTION audit.verify(p_from bigint, p_chunk integer,
                             OUT checked bigint, OUT broken_id bigint, OUT problem text,
                             OUT next_from bigint, OUT last_id bigint, OUT last_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	h audit.head;
BEGIN
	SELECT * INTO h FROM audit.head;
	WITH r AS (
		SELECT l.id, l.prev_hash, l.hash,
		       lag(l.id) OVER w AS before_id, lag(l.hash) OVER w AS before_hash,
		       sha256(l.prev_hash || audit.canonical(l.id, l.at, l.actor, l.action, l.table_name, l.row_key,
		                                             l.old_values, l.new_values, l.detail, l.txid)) AS recomputed
		  FROM audit.log l
		 WHERE l.id >= p_from - 1 AND l.id < p_from + p_chunk
		WINDOW w AS (ORDER BY l.id)),
	bad AS (
		SELECT r.id,
		       CASE WHEN r.hash <> r.recomputed THEN 'changed'
		            WHEN r.id = 1 AND r.prev_hash <> h.genesis_hash THEN 'start'
		            WHEN r.id > 1 AND r.before_id IS DISTINCT FROM r.id - 1 THEN 'missing'
		            WHEN r.id > 1 AND r.prev_hash <> r.before_hash THEN 'link' END AS why
		  FROM r WHERE r.id >= p_from)
	SELECT count(*), (array_agg(bad.id ORDER BY bad.id) FILTER (WHERE bad.why IS NOT NULL))[1],
	       (array_agg(bad.why ORDER BY bad.id) FILTER (WHERE bad.why IS NOT NULL))[1]
	  INTO checked, broken_id, problem
	  FROM bad;
	IF broken_id IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT min(l.id) INTO next_from FROM audit.log l WHERE l.id >= p_from + p_chunk;
	IF next_from IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT l.id, encode(l.hash, 'hex') INTO last_id, last_hash FROM audit.log l ORDER BY l.id DESC LIMIT 1;
	IF coalesce(last_id, 0) <> h.last_id OR (last_id IS NOT NULL AND last_hash <> encode(h.last_hash, 'hex')) THEN
		broken_id := h.last_id;
		problem := 'head';
	END IF;
END $$;
COMMENT ON FUNCTION audit.verify(bigint, integer) IS '校验一段哈希链：返回校验条数、第一处断链的序号和原因（changed 内容被改，start 链头被改，missing 缺少前面的记录，link 与上一条不相连，head 链尾与链头不符）';

RESET ROLE;

-- What the warehouse owner may do here: append, note, attach, read masked,
-- verify. Nothing else, and no direct access to the tables.
GRANT USAGE ON SCHEMA audit TO smcon_owner;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA audit FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.append(text, text, jsonb, jsonb, jsonb, jsonb), audit.note(text, jsonb),
	audit.record_rows(), audit.record_updates(), audit.record_truncate(), audit.attach(regclass),
	audit.entries(text, text, timestamptz, bigint, integer), audit.verify(bigint, integer) TO smcon_owner;
GRANT SELECT, INSERT ON audit.unaudited TO smcon_owner;

-- The triggers on every table of the warehouse's schemas, except those
-- listed in audit.unaudited and unlogged or temporary tables.
DO $$
DECLARE
	t regclass;
BEGIN
	FOR t IN SELECT c.oid::regclass
	           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	          WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p'
	            AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug', 'credit',
	                              'price', 'ip', 'nqi', 'cogov', 'policy', 'meta')
	            AND n.nspname || '.' || c.relname NOT IN (SELECT table_name FROM audit.unaudited)
	         UNION ALL
	         SELECT 'audit.unaudited'::regclass
	LOOP
		PERFORM audit.attach(t);
	END LOOP;
END $$;

REVOKE smcon_audit FROM smcon_owner;
