/* Table column layout by display width. */
#include "lib/tap.h"
#include "ui/table.h"

static struct table *sample(void)
{
	struct table *t = table_new(4);
	table_col(t, 0, "统一社会信用代码", 18, 18, ALIGN_LEFT, 0);
	table_col(t, 1, "名称", 8, 0, ALIGN_LEFT, 3);
	table_col(t, 2, "法定代表人", 6, 12, ALIGN_LEFT, 0);
	table_col(t, 3, "地址", 8, 0, ALIGN_LEFT, 2);
	int r = table_add_row(t);
	table_set(t, r, 0, "91320214745555318W");
	table_set(t, r, 1, "无锡红豆实业有限公司");
	table_set(t, r, 2, "周海江");
	table_set(t, r, 3, "无锡市新吴区锡东大道 1 号");
	r = table_add_row(t);
	table_set(t, r, 0, "92320213MA1X2Y3Z4K");
	table_set(t, r, 1, "梁溪区老张面馆");
	table_set(t, r, 2, "张建国");
	table_set(t, r, 3, "无锡市梁溪区中山路 288 号");
	return t;
}

static int used(const struct table *t)
{
	int sum = 0, n = 0;
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].hidden) {
			sum += t->width[c];
			n++;
		}
	return sum + n - 1;
}

int main(void)
{
	plan(18);
	width_setup();
	struct table *t = sample();
	table_layout(t, 160);
	is_int(used(t), 160, "at 160 columns the table fills the width exactly");
	is_int(t->width[0], 18, "a fixed column keeps its width");
	is_int(t->width[2], 10, "a column without flex is as wide as its widest text (法定代表人)");
	ok(t->width[1] > 20 && t->width[3] > 26, "flex columns share the spare room");
	table_layout(t, 80);
	is_int(used(t), 80, "at 80 columns it fits exactly");
	ok(!t->cols[3].hidden && t->width[3] >= 8, "  ... every column still shown, none below its minimum");
	table_layout(t, 40);
	ok(used(t) <= 40, "at 40 columns it still fits");
	ok(t->cols[3].hidden, "  ... by hiding columns from the right");
	ok(!t->cols[0].hidden, "  ... never the first");
	table_col_priority(t, 3, 2);
	table_col_priority(t, 1, 1);
	table_layout(t, 40);
	ok(used(t) <= 40, "with priorities it fits as well");
	ok(!t->cols[3].hidden, "  ... keeping the column of the highest priority");
	ok(t->cols[2].hidden && !t->cols[1].hidden,
	   "  ... hiding the lowest first, and only as many as needed");
	table_layout(t, 30);
	ok(t->cols[1].hidden && !t->cols[3].hidden && !t->cols[0].hidden,
	   "  ... then the next lowest, never the first");
	table_layout(t, 10);
	is_int(used(t), 10, "narrower than the first column: it is cut to fit");
	/* an empty column goes before a name is cut */
	struct table *e = table_new(3);
	table_col(e, 0, "名称", 12, 0, ALIGN_MIDCUT, 3);
	table_col(e, 1, "统一社会信用代码", 18, 18, ALIGN_LEFT, 0);
	table_col(e, 2, "匹配", 4, 0, ALIGN_LEFT, 1);
	table_col_priority(e, 2, 5);
	int er = table_add_row(e);
	table_set(e, er, 0, "中国石化销售股份有限公司江苏无锡石油分公司惠山加油站");
	table_set(e, er, 1, "91320206MA1MXXXX0X");
	table_layout(e, 60);
	ok(e->cols[2].hidden && e->width[0] > 12,
	   "a column no row fills is hidden before the name is cut, whatever its priority");
	table_set(e, er, 2, "曾用名");
	table_layout(e, 60);
	ok(!e->cols[2].hidden, "  ... and shown again once a row fills it");
	table_free(e);
	table_clear(t);
	is_int(t->nrows, 0, "clear removes the rows");
	is_int(t->lb.selected, -1, "  ... and the selection");
	table_free(t);
	return done_testing();
}
