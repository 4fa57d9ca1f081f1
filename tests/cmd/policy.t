#!/bin/bash
# The policy knowledge base from command mode: search, show, laws.
. "$(dirname "$0")/../lib/env.sh"

run demo_handler_lx policy search 调解 45
is "$rc" 0 "policy search exits 0"
like "$out" '^ 市场监督管理投诉举报处理暂行办法 \| 第二十一条 \|' \
	"调解 45 finds the 45-working-day mediation limit of the complaint rules"
like "$out" '终止【调解】' "  ... with the first hit marked in the snippet"
unlike "$out" '^ 消费者权益保护法 ' "  ... and no article without both words"
widest=0
while IFS= read -r line; do
	snippet=${line##*| }
	w=$("$TOOLS/colof" "$snippet|" "|")
	[ "$w" -gt "$widest" ] && widest=$w
done < <(printf '%s\n' "$out" | grep '|' | tail -n +2)
ok_cond=$([ "$widest" -le 60 ] && [ "$widest" -gt 30 ] && echo 0 || echo 1)
_tap_result "$ok_cond" "  ... snippets at most 60 columns wide (widest: $widest)"

run demo_clerk_jy policy search 45 --law 投诉举报
like "$out" '【四十五】个工作日' "a number finds its Chinese numeral (45 → 四十五)"
like "$out" '（1 行）' "  ... in the one rule --law names"

run demo_clerk_jy policy search 45 --law 消费者权益保护法 --limit 50
like "$out" '^ 消费者权益保护法 \| 第四十五条 ' "a number finds the article of that number (第四十五条)"
unlike "$out" '第一百四十五条' "  ... but not 第一百四十五条"

run demo_inspector_lx policy search 退货
is "$rc" 0 "a two-character word"
like "$out" '^ 消费者权益保护法 +\| 第二十五条 +\| .*【退货】' "  ... finds 七日无理由退货 (消费者权益保护法 第二十五条)"
n=$(psql_as demo_inspector_lx -c "SELECT count(*) FROM policy.article WHERE body LIKE '%退货%'")
like "$out" "（$n 行）" "  ... and every article that contains it ($n)"

run demo_dispatcher policy search 电梯 困人 不存在的词组合
is "$rc" 0 "no hits is not an error"
contains "$out" "没有同时包含这些词的条文" "  ... it says so"
like "$out" '（0 行）' "  ... and prints no rows"

run demo_clerk_lx policy search 退货 --law 不存在的法规
is "$rc" 4 "a --law that names no law: not found"
contains "$err" "没有标题含“不存在的法规”的法规" "  ... and says which"

run demo_clerk_lx policy search 调解 45 --format json
is "$rc" 0 "--format json"
contains "$out" '"article_no": 21' "  ... carries the article number"
contains "$out" '"law_title": "市场监督管理投诉举报处理暂行办法"' "  ... the full title"
contains "$out" '（七）法律、法规、规章规定的应当终止调解的其他情形。' "  ... and the full text"
unlike "$out" '【' "  ... without marks"

run demo_clerk_lx policy search 调解 --limit 0
is "$rc" 2 "--limit must be positive"

run demo_handler_lx policy show 投诉举报 21
is "$rc" 0 "policy show prints one article"
like "$out" '^市场监督管理投诉举报处理暂行办法 第二十一条$' "  ... titled"
like "$out" '^（部门规章，国家市场监督管理总局，2022-03-24）$' "  ... with its kind, issuer and date"
like "$out" '^第二十一条 有下列情形之一的，终止调解：$' "  ... its first paragraph"
like "$out" '^（五）自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的；$' \
	"  ... and every other, one a line"

run demo_clerk_lx policy show 消费者权益保护法 第二十五条
like "$out" '^第二章 消费者的权利$|^第三章 经营者的义务$' "an article of a law with chapters shows its chapter"
contains "$out" "七日内退货" "  ... article written 第二十五条"
run demo_clerk_lx policy show 行政处罚法 第51条 --format json
contains "$out" '"section": "第二节 简易程序"' "a section is shown (JSON)"

run demo_clerk_lx policy show 特种设备 3
is "$rc" 1 "a title that names several laws is refused"
contains "$err" "特种设备安全法、特种设备安全监察条例、特种设备安全监督检查办法" "  ... listing them"
run demo_clerk_lx policy show 食品安全法 200
is "$rc" 4 "an article that does not exist: not found"
contains "$err" "共 154 条" "  ... with the number there is"
run demo_clerk_lx policy show 食品安全法 第X条
is "$rc" 1 "an article number that is not one"

run demo_analyst policy laws
is "$rc" 0 "policy laws"
like "$out" '（23 行）' "  ... lists the 23 texts"
like "$out" '^ 消费者权益保护法 +\| 法律 +\| 全国人民代表大会常务委员会 \| 2013-10-25 \| +8 \| +63$' \
	"  ... with kind, issuer, date, chapters and articles"
run demo_analyst policy laws 食品 --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 3 "policy laws 食品: three texts"

run demo_clerk_lx --lang en policy search 调解 45
like "$out" '^ +law +\| +article +\| +excerpt' "English column titles"
like "$out" '\[调解\]' "  ... and marks"

sh "$ROOT/mk/gen-policy.sh" "$ROOT/data/reference/laws" >"$SCRATCH/0006.sql"
if cmp -s "$SCRATCH/0006.sql" "$ROOT/sql/migrations/0006_policy_texts.sql"; then
	pass "the policy migration is what mk/gen-policy.sh makes of data/reference/laws"
else
	fail "the policy migration is what mk/gen-policy.sh makes of data/reference/laws"
fi
done_testing
