-- Masks that hide something whatever the length. Keeping the first three
-- and last four characters of a phone number showed a 7-digit local number
-- whole, and keeping the first six and last four of an ID number showed a
-- 10-character one whole (found by tests/fuzz/fuzz_import_cell.c: the
-- importer's C mask, src/import/import_value.c, follows the same rule).
-- Now a number shorter than a mobile number keeps only its last four, and
-- an ID number shorter than an identity card's 15 characters keeps nothing.
CREATE OR REPLACE FUNCTION core.mask_phone(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) < 5 THEN repeat('*', char_length(v))
            WHEN char_length(v) < 11 THEN repeat('*', char_length(v) - 4) || right(v, 4)
            ELSE left(v, 3) || repeat('*', char_length(v) - 7) || right(v, 4) END;
COMMENT ON FUNCTION core.mask_phone(text) IS '电话脱敏：保留前三位和后四位（139****6195）；不足 11 位的只保留后四位，不足 5 位的全部隐去';

CREATE OR REPLACE FUNCTION core.mask_id_no(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) < 15 THEN repeat('*', char_length(v))
            ELSE left(v, 6) || repeat('*', char_length(v) - 10) || right(v, 4) END;
COMMENT ON FUNCTION core.mask_id_no(text) IS '证件号脱敏：保留前六位和后四位（320202********5671）；不足 15 位的全部隐去';
