-- 0182 control characters (issue 10, item 13, first part). A value written
-- through the api may not carry terminal control sequences (ESC, OSC 52
-- clipboard, OSC 0 title: C0 and C1 controls, DEL) nor the invisible
-- format characters that reorder or hide text (bidirectional overrides and
-- isolates, zero-width characters, the byte-order mark). Checked by the
-- table (NOT VALID: rows already there are not rescanned), so every writer
-- is held, psql included.

-- Whether a text is free of control and invisible format characters; with
-- multiline, line feeds (and tabs) are allowed.
CREATE FUNCTION core.text_clean(v text, multiline boolean DEFAULT false) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN v IS NULL
	OR (CASE WHEN multiline THEN translate(v, E'\n\t', '') ELSE v END)
	   !~ '[\x01-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]';
COMMENT ON FUNCTION core.text_clean(text, boolean) IS '文本不含控制字符（终端控制序列）和不可见的格式字符（双向覆盖、零宽字符）；multiline 时允许换行和制表符';
GRANT EXECUTE ON FUNCTION core.text_clean(text, boolean) TO smcon_staff;

-- an address may run over two lines (an import keeps the line feed)
ALTER TABLE core.entity ADD CONSTRAINT entity_address_clean CHECK (core.text_clean(address, true)) NOT VALID;
ALTER TABLE core.entity ADD CONSTRAINT entity_name_clean CHECK (core.text_clean(name)) NOT VALID;
