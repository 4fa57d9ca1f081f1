-- 0081 fast checks: the CHECK helpers every row of a bulk load passes
-- through, as inlinable SQL expressions.
--
-- A function with SET search_path, or written in PL/pgSQL, is called rather
-- than inlined every time a domain or CHECK uses it: the USCC domain alone
-- cost 21 µs a row when importing entities. These are SQL-standard bodies
-- (RETURN …): parsed when created, so the names in them are bound then and
-- the caller's search_path cannot change them, and simple enough for
-- PostgreSQL to inline into the constraint. core.uscc_problem() stays the
-- full answer with the reason; tests/sql/fast_checks.sql holds both to the
-- same verdicts.

-- Position 17: the GB 11714 check over positions 9-16 (full-alphabet values),
-- 11 - (sum mod 11) as '123456789X0'. Position 18: the GB 32100 check.
CREATE OR REPLACE FUNCTION core.uscc_valid(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'
	AND substr(code, 17, 1) = substr('123456789X0', 11 - (
	        (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 9, 1)) - 1) * 3
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 10, 1)) - 1) * 7
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 11, 1)) - 1) * 9
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 12, 1)) - 1) * 10
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 13, 1)) - 1) * 5
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 14, 1)) - 1) * 8
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 15, 1)) - 1) * 4
	      + (strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 16, 1)) - 1) * 2) % 11, 1)
	AND substr(code, 18, 1) = substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (31 - (
	        (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 1, 1)) - 1) * 1
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 2, 1)) - 1) * 3
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 3, 1)) - 1) * 9
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 4, 1)) - 1) * 27
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 5, 1)) - 1) * 19
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 6, 1)) - 1) * 26
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 7, 1)) - 1) * 16
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 8, 1)) - 1) * 17
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 9, 1)) - 1) * 20
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 10, 1)) - 1) * 29
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 11, 1)) - 1) * 25
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 12, 1)) - 1) * 13
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 13, 1)) - 1) * 8
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 14, 1)) - 1) * 24
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 15, 1)) - 1) * 10
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 16, 1)) - 1) * 30
	      + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 17, 1)) - 1) * 28) % 31) % 31 + 1, 1);
COMMENT ON FUNCTION core.uscc_valid(text) IS '统一社会信用代码是否有效（GB 32100；与 core.uscc_problem 判断一致，可内联）';

CREATE OR REPLACE FUNCTION core.present(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN value IS NOT NULL AND btrim(value) <> '';

CREATE OR REPLACE FUNCTION core.resident_id_valid(id_no text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN id_no ~ '^[0-9]{17}[0-9X]$'
	AND substr(id_no, 18, 1) = substr('10X98765432', (
	        (ascii(substr(id_no, 1, 1)) - 48) * 7
	      + (ascii(substr(id_no, 2, 1)) - 48) * 9
	      + (ascii(substr(id_no, 3, 1)) - 48) * 10
	      + (ascii(substr(id_no, 4, 1)) - 48) * 5
	      + (ascii(substr(id_no, 5, 1)) - 48) * 8
	      + (ascii(substr(id_no, 6, 1)) - 48) * 4
	      + (ascii(substr(id_no, 7, 1)) - 48) * 2
	      + (ascii(substr(id_no, 8, 1)) - 48) * 1
	      + (ascii(substr(id_no, 9, 1)) - 48) * 6
	      + (ascii(substr(id_no, 10, 1)) - 48) * 3
	      + (ascii(substr(id_no, 11, 1)) - 48) * 7
	      + (ascii(substr(id_no, 12, 1)) - 48) * 9
	      + (ascii(substr(id_no, 13, 1)) - 48) * 10
	      + (ascii(substr(id_no, 14, 1)) - 48) * 5
	      + (ascii(substr(id_no, 15, 1)) - 48) * 8
	      + (ascii(substr(id_no, 16, 1)) - 48) * 4
	      + (ascii(substr(id_no, 17, 1)) - 48) * 2) % 11 + 1, 1);
COMMENT ON FUNCTION core.resident_id_valid(text) IS '公民身份号码（GB 11643，18 位含校验码）是否有效（可内联）';
