#include "db/pgarray.h"

void pgarray_add(struct strbuf *sb, const char *elem)
{
	strbuf_addc(sb, sb->len ? ',' : '{');
	strbuf_addc(sb, '"');
	for (const char *p = elem; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, *p);
	}
	strbuf_addc(sb, '"');
}

void pgarray_end(struct strbuf *sb)
{
	strbuf_add(sb, sb->len ? "}" : "{}");
}
