/* The operator's message for a PostgreSQL error (db/errtext.h): the
 * server's English never reaches the screen; the bureau's Chinese does,
 * unchanged; an error nobody mapped still names its SQLSTATE. */
#include <stdlib.h>

#include "db/errtext.h"
#include "i18n/i18n.h"
#include "lib/tap.h"

/* The message for one error, as a string that stays until the next call. */
static const char *text(const char *state, const char *primary, const char *detail)
{
	static struct strbuf sb = STRBUF_INIT;
	strbuf_reset(&sb);
	db_errtext(&sb, state, primary, detail);
	return strbuf_str(&sb);
}

int main(void)
{
	plan(21);
	is_str(text("22008", "date/time field value out of range: \"2026-02-30\"", NULL),
	       "日期或时间超出范围：没有这一天或这一时刻", "22008: a date that does not exist");
	is_str(text("22007", "invalid input syntax for type date: \"明天\"", NULL),
	       "日期或时间的格式不对（日期写作 YYYY-MM-DD）",
	       "22007: a date badly written, though it quotes Chinese");
	is_str(text("22P02", "invalid input syntax for type integer: \"十\"", NULL),
	       "数字的格式不对",
	       "22P02 for a number: the fragment of the message picks the sentence");
	is_str(text("22P02", "invalid input syntax for type uuid: \"x\"", NULL), "输入值的格式不对",
	       "22P02 otherwise: the state's sentence");
	is_str(text("23505", "duplicate key value violates unique constraint \"staff_pkey\"",
	            "Key (login)=(x) already exists."),
	       "与已有的记录重复", "23505 unique_violation");
	is_str(text("23503", "insert or update on table \"staff\" violates foreign key constraint",
	            NULL),
	       "引用的记录不存在，或仍被其他记录引用", "23503 foreign_key_violation");
	is_str(text("23514", "new row violates check constraint \"x\"", NULL), "数据不符合规则",
	       "23514 check_violation");
	is_str(text("42501", "permission denied for table staff", NULL), "权限不足，不能进行此操作",
	       "42501 insufficient_privilege");
	is_str(text("57014", "canceling statement due to statement timeout", NULL),
	       "操作已取消：超过了语句的时间限制", "57014 by the statement timeout");
	is_str(text("57014", "canceling statement due to user request", NULL), "操作已取消",
	       "57014 by a cancel request");
	is_str(text("40001", "could not serialize access", NULL),
	       "与他人同时进行的修改冲突，请重试", "40001 serialization_failure");
	is_str(text("40P01", "deadlock detected", NULL),
	       "与他人的操作互相等待（死锁），已撤销，请重试", "40P01 deadlock_detected");
	is_str(text("08006", "connection failure", NULL), "与数据库的连接出错（SQLSTATE 08006）",
	       "class 08: any connection error, with its state");
	is_str(text("53100", "could not extend file", NULL),
	       "数据库资源不足：磁盘、内存或连接数（SQLSTATE 53100）", "class 53: resources");
	is_str(text("22033", "some new value error", NULL), "输入值无效（SQLSTATE 22033）",
	       "an unmapped state of class 22 falls back on its class");
	is_str(text("42883", "function api.nope() does not exist", NULL),
	       "数据库错误（SQLSTATE 42883）",
	       "an unmapped class: the general sentence, with the state");
	is_str(text("P0002", "没有代码为“XX”的机构", "field=org_code"), "没有代码为“XX”的机构",
	       "the bureau's own Chinese message passes unchanged (its machine detail left out)");
	is_str(text("55000", "投诉已受理", "已由 张三 受理"), "投诉已受理（已由 张三 受理）",
	       "  ... with a Chinese detail kept");
	is_int(db_errtext_own("value \"一二三\" is out of range"), 0,
	       "Chinese inside the server's quotes does not make a message the bureau's");
	i18n_set_language("en");
	is_str(text("22008", "date/time field value out of range", NULL),
	       "The date or time is out of range: there is no such day or moment",
	       "in English the sentence is English");
	is_str(text(NULL, "no connection to the server", NULL), "Database error (SQLSTATE -----)",
	       "  ... and an error without a state still says so");
	return done_testing();
}
