#!/bin/bash
# uscc check: what it says about each code, formats, standard input, exit codes.
. "$(dirname "$0")/../lib/env.sh"

VECTORS="$ROOT/tests/data/uscc-vectors.txt"
NODB="host=/nonexistent dbname=none" # uscc check never connects

# check [INPUT] -- ARGS...: runs smcon against no database, INPUT on standard
# input; sets out (CR LF made LF), err, rc.
check() {
	local input=$1
	shift
	printf '%s' "$input" | "$SMCON" -C "$CONF" -d "$NODB" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=$(tr -d '\r' <"$SCRATCH/stdout")
	err=$(cat "$SCRATCH/stderr")
}

check '' uscc check 91350100M000100Y43
is "$rc" 0 "a valid code exits 0, with no database to connect to"
like "$out" '^ 91350100M000100Y43 +\| 91350100M000100Y43 +\| 有效$' "  ... and the row says 有效"
like "$out" '^（1 行）$' "  ... one row"
is "$err" "" "  ... nothing on stderr"

check '' uscc check 91440300708461136K
is "$rc" 1 "a wrong check character exits 1"
contains "$out" "第 18 位（校验码）应为 T，不是 K" "  ... and names the character expected"
contains "$err" "共检查 1 个代码，1 个无效" "  ... stderr sums up"

check '' uscc check 91350100M000100Y4Z
contains "$out" "第 18 位“Z”不是代码字符" "Z is not in the set"

check '' uscc check 9132021474555531XW
contains "$out" "第 17 位（组织机构代码校验码）应为 8，不是 X" "the organization-code check character"

check '' uscc check 9132021474555
contains "$out" "长度不对：13 位，应为 18 位" "a short code: how many characters were given"

check '' uscc check '9132 0214 7455 5531 8w' 914403001922038216
is "$rc" 0 "lower case and blanks are fine (every code valid: exit 0)"
like "$out" '^ 9132 0214 7455 5531 8w \| 91320214745555318W +\| 有效$' \
	"  ... shown as given and normalised"

check '' uscc check 914403001922038216 91440300708461136K 91110108551385082Q
is "$rc" 1 "one invalid code among valid ones exits 1"
is "$(grep -c '有效$' <<<"$out")" 2 "  ... and the valid ones still say so"
contains "$err" "共检查 3 个代码，1 个无效" "  ... 1 of 3"

check '' --lang en uscc check 91440300708461136K 9132 N2320213MA1W2Q3K2X
contains "$out" "position 18 (check character) should be T, not K" "--lang en: English"
contains "$out" "wrong length: 4 characters, 18 expected" "  ... for every problem"
like "$out" '^ N2320213MA1W2Q3K2X +\| N2320213MA1W2Q3K2X +\| valid$' \
	"  ... a non-market body's code (N…) is checked like any other"
like "$out" '^ +input +\| +normalized code +\| +result' "  ... English headings"
contains "$err" "3 codes checked, 2 invalid" "  ... and summary"

check '' uscc check --format csv 91440300708461136K 91350100M000100Y4Z 9132 ' 9111 0108 5513 8508 2q'
is "$(head -1 <<<"$out")" "input,code,length,valid,problem,position,found,expected,message" \
	"CSV: machine columns"
like "$out" '^91440300708461136K,91440300708461136K,18,false,check,18,K,T,' \
	"  ... a wrong check character: problem, position, found, expected"
like "$out" '^91350100M000100Y4Z,91350100M000100Y4Z,18,false,char,18,Z,,' "  ... a bad character"
like "$out" '^9132,9132,4,false,length,,,,' "  ... a wrong length"
like "$out" '^ 9111 0108 5513 8508 2q,91110108551385082Q,18,true,,,,,有效$' "  ... a valid code"

check '' uscc check --format json 91440300708461136K 91110108551385082Q
is "$rc" 1 "JSON: the exit code still says a code is invalid"
perl -MJSON::PP -e 'decode_json(join "", <STDIN>)' <<<"$out" 2>"$SCRATCH/json"
is "$?" 0 "  ... the output is valid JSON"
contains "$out" '"problem": "check", "position": 18, "found": "K", "expected": "T"' \
	"  ... with the problem as data"
contains "$out" '"valid": true, "problem": null' "  ... and null for a valid code"

check $'914403001922038216\n\n   \n91110108551385082q\r\n' uscc check --format csv
is "$rc" 0 "no CODE: the codes come from standard input"
is "$(tail -n +2 <<<"$out" | wc -l)" 2 "  ... one row a code, blank lines skipped"
like "$out" '^91110108551385082q,91110108551385082Q,18,true,' "  ... a CR LF line end is not part of the code"

check "$(grep -v '^#' "$ROOT/data/reference/uscc-real-samples.txt")" uscc check --format csv
is "$rc" 0 "all 383 real samples are valid (exit 0)"
is "$(tail -n +2 <<<"$out" | grep -c ',true,')" 383 "  ... 383 rows, each valid"

check "$(grep -v '^#' "$VECTORS" | grep . | cut -f1)" uscc check --format csv
is "$rc" 1 "the test vectors, some invalid: exit 1"
is "$(tail -n +2 <<<"$out" | wc -l)" "$(grep -v '^#' "$VECTORS" | grep -c .)" "  ... a row for every vector"

check '' uscc check --format csv
is "$rc" 0 "empty standard input: nothing to check, exit 0"
is "$out" "input,code,length,valid,problem,position,found,expected,message" "  ... just the header"

check $'9\xff320214745555318W\n' uscc check --format json
perl -MJSON::PP -e 'decode_json(join "", <STDIN>)' <<<"$out" 2>/dev/null
is "$?" 0 "bytes that are not UTF-8 (a GBK file, say) still give valid JSON"
contains "$out" '"problem": "text", "position": 2, "found": "0xFF"' "  ... and name the byte that is not"

check $'uscc check\n' -f -
is "$rc" 2 "in a script on standard input (-f -), uscc check without CODE exits 2"
contains "$err" "标准输入已用作脚本" "  ... because standard input is the script"

check $'uscc check 91350100M000100Y43 --format csv\nuscc check 91350100M000100Y44\n' -f -
is "$rc" 1 "a script with codes as arguments works; an invalid code fails the script"
like "$out" '^91350100M000100Y43,91350100M000100Y43,18,true,' "  ... first command's rows"
contains "$err" "第 2 行" "  ... the failing line is named"

check '' -c 'uscc check "9132 0214 7455 5531 8w"'
is "$rc" 0 "-c with a quoted code containing blanks"

check '' help uscc check
like "$out" '^用法： smcon uscc check \[CODE...\]' "help uscc check shows the usage"
contains "$out" "全部有效时退出码为 0，否则为 1" "  ... and the exit codes"

check '' uscc check 91350100M000100Y43 9132 '913202147号5555318W'
line1=$(grep '^ 91350100M000100Y43 ' <<<"$out")
line3=$(grep '^ 913202147号' <<<"$out")
is "$("$TOOLS/colof" "$line3" '| 9132')" "$("$TOOLS/colof" "$line1" '| 9135')" \
	"the table aligns columns by display width (a Chinese character is two columns)"
# Input that is not text is refused before it is normalised.
out=$("$SMCON" uscc check --format csv $'91320214745555318\xef \xbc\xb7' 2>/dev/null)
is "$?" 1 "stray bytes around a blank: invalid"
contains "$out" "text,18,0xEF" "  ... as text that is not UTF-8, at its first bad byte"
unlike "$out" "Ｗ" "  ... never a character the input does not hold"
out=$(printf '91320214745555318W\0garbage\n' | "$SMCON" uscc check --format csv 2>/dev/null)
is "$?" 1 "a code with a NUL and more after it on standard input: invalid"
contains "$out" "text,19,0x00" "  ... the NUL is named"
done_testing
