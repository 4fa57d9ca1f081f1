-- Drafts of forms that take minutes to fill (complaint intake, rescue
-- intake, inspection results): what an operator typed, saved by the console
-- as it is typed, so that a killed terminal or a dropped SSH session loses
-- nothing; offered again at the next login. Only the login that typed a
-- draft sees it, through the api and through psql alike (row-level security
-- on the login role, session_user).

CREATE TABLE meta.draft (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	owner_login text NOT NULL DEFAULT session_user,
	kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
	subject text NOT NULL DEFAULT '',
	title text NOT NULL DEFAULT '',
	vals jsonb NOT NULL CHECK (jsonb_typeof(vals) = 'object' AND pg_column_size(vals) <= 65536),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT draft_one_per_subject UNIQUE (owner_login, kind, subject)
);
COMMENT ON TABLE meta.draft IS '表单草稿：操作员录入中尚未提交的内容（每个登录账号、表单种类、对象一份），下次登录时提供继续填写';
COMMENT ON COLUMN meta.draft.id IS '草稿编号';
COMMENT ON COLUMN meta.draft.owner_login IS '录入者的登录账号（只有本人可见）';
COMMENT ON COLUMN meta.draft.kind IS '表单种类：complaint 投诉登记、rescue 救援登记、inspection_result 检查结果等';
COMMENT ON COLUMN meta.draft.subject IS '草稿所涉对象的键（如市场主体的统一社会信用代码）；无对象时为空串';
COMMENT ON COLUMN meta.draft.title IS '草稿列表中显示的名称（如被投诉主体名称）';
COMMENT ON COLUMN meta.draft.vals IS '各字段已录入的值：字段名 → 文本（密码字段从不保存）';
COMMENT ON COLUMN meta.draft.created_at IS '首次保存时间';
COMMENT ON COLUMN meta.draft.updated_at IS '最近保存时间';

ALTER TABLE meta.draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE meta.draft FORCE ROW LEVEL SECURITY;
CREATE POLICY draft_owner ON meta.draft TO smcon_staff
	USING (owner_login = session_user) WITH CHECK (owner_login = session_user);
REVOKE ALL ON meta.draft FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON meta.draft TO smcon_staff;

-- Saves (or replaces) the caller's draft of kind about subject; returns its id.
CREATE FUNCTION api.draft_save(kind text, subject text, vals jsonb, title text DEFAULT '')
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	id bigint;
BEGIN
	INSERT INTO meta.draft AS d (kind, subject, title, vals)
	VALUES (draft_save.kind, coalesce(draft_save.subject, ''), coalesce(draft_save.title, ''),
	        draft_save.vals)
	ON CONFLICT ON CONSTRAINT draft_one_per_subject DO UPDATE
	   SET vals = excluded.vals, title = excluded.title, updated_at = now()
	RETURNING d.id INTO id;
	RETURN id;
END $$;
COMMENT ON FUNCTION api.draft_save(text, text, jsonb, text) IS
	'保存当前账号某种表单（关于某对象）的草稿，已有则覆盖；返回草稿编号';

CREATE FUNCTION api.draft_list()
RETURNS TABLE (id bigint, kind text, subject text, title text, updated_at timestamptz)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT d.id, d.kind, d.subject, d.title, d.updated_at
	  FROM meta.draft d WHERE d.owner_login = session_user
	 ORDER BY d.updated_at DESC, d.id DESC
$$;
COMMENT ON FUNCTION api.draft_list() IS '当前账号未完成的草稿，最近保存的在前';

CREATE FUNCTION api.draft_get(draft_id bigint)
RETURNS TABLE (field text, value text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT e.key, e.value
	  FROM meta.draft d, jsonb_each_text(d.vals) e
	 WHERE d.id = draft_id AND d.owner_login = session_user
	 ORDER BY e.key
$$;
COMMENT ON FUNCTION api.draft_get(bigint) IS '当前账号某份草稿的各字段值（字段名、值）；别人的草稿没有行';

CREATE FUNCTION api.draft_discard(draft_id bigint) RETURNS boolean
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	WITH gone AS (DELETE FROM meta.draft d WHERE d.id = draft_id AND d.owner_login = session_user
	              RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM gone)
$$;
COMMENT ON FUNCTION api.draft_discard(bigint) IS '删除当前账号的一份草稿；返回是否删除了';

CREATE FUNCTION api.draft_discard_for(kind text, subject text) RETURNS boolean
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	WITH gone AS (DELETE FROM meta.draft d
	               WHERE d.owner_login = session_user AND d.kind = draft_discard_for.kind
	                 AND d.subject = coalesce(draft_discard_for.subject, '')
	              RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM gone)
$$;
COMMENT ON FUNCTION api.draft_discard_for(text, text) IS
	'删除当前账号某种表单关于某对象的草稿（表单提交成功时，与提交同一事务）；返回是否删除了';

REVOKE ALL ON FUNCTION api.draft_save(text, text, jsonb, text), api.draft_list(), api.draft_get(bigint),
	api.draft_discard(bigint), api.draft_discard_for(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.draft_save(text, text, jsonb, text), api.draft_list(), api.draft_get(bigint),
	api.draft_discard(bigint), api.draft_discard_for(text, text) TO smcon_staff;

-- Drafts change at every pause in typing and may hold a complainant's phone
-- number: an append-only audit log is the wrong place for them. What is
-- submitted is audited in its own table.
INSERT INTO audit.unaudited VALUES
	('meta.draft', '草稿：操作员录入中尚未提交的内容，边录入边保存、提交后删除；只有本人可见，提交的记录在其所在表审计');
