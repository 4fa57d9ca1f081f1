#include "ui/keymap.h"

static struct key_set parsed[ACT_COUNT];
static int parsed_ok;

int keymap_init(struct strbuf *errors)
{
	int bad = 0;
	for (int i = ACT_NONE + 1; i < ACT_COUNT; i++) {
		const struct action *a = action_get((enum action_id)i);
		struct strbuf err = STRBUF_INIT;
		if (key_set_parse(a->keys, &parsed[i], &err) != 0) {
			bad++;
			if (errors)
				strbuf_addf(errors, "%s: %s\n", a->name, strbuf_str(&err));
		}
		strbuf_free(&err);
	}
	parsed_ok = 1;
	return bad;
}

const struct key_set *keymap_keys(enum action_id id)
{
	static const struct key_set none;
	if (!parsed_ok)
		keymap_init(NULL);
	return id > ACT_NONE && id < ACT_COUNT ? &parsed[id] : &none;
}

int keymap_matches(const struct key *k, enum action_id id)
{
	return key_set_has(keymap_keys(id), k);
}

int keymap_shared(enum action_id a, enum action_id b, struct key *common)
{
	const struct key_set *ka = keymap_keys(a);
	for (int i = 0; i < ka->n; i++)
		if (key_set_has(keymap_keys(b), &ka->key[i])) {
			if (common)
				*common = ka->key[i];
			return 1;
		}
	return 0;
}
