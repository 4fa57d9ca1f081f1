/* The keys of the action table: every key name parses, and no screen gives
 * one key to two actions unless screens_key_shares says it does on purpose. */
#include <stdio.h>
#include <stdlib.h>

#include "lib/tap.h"
#include "screens/screens.h"
#include "ui/keymap.h"

static int listed(const enum action_id *list, enum action_id a)
{
	for (; list && *list != ACT_NONE; list++)
		if (*list == a)
			return 1;
	return 0;
}

static int allowed(const struct screen *s, enum action_id a, enum action_id b)
{
	for (const struct screen_key_share *x = screens_key_shares; x->screen; x++)
		if (x->screen == s && ((x->a == a && x->b == b) || (x->a == b && x->b == a)))
			return 1;
	return 0;
}

static void add_pair(struct strbuf *out, const struct screen *s, enum action_id a, enum action_id b)
{
	const struct action *x = action_get(a), *y = action_get(b);
	strbuf_addf(out, "%s: %s (%s) and %s (%s)\n", s->name, x->name, x->keys, y->name, y->keys);
}

/* The pairs of actions that share a key on screen s: two of its own, or one
 * of its own and a global action it does not list (its own wins that key).
 * Pairs screens_key_shares allows go to allowed_out, the others to out. */
static void shared_keys(const struct screen *s, struct strbuf *out, struct strbuf *allowed_out)
{
	const enum action_id *own = s->actions;
	for (int i = 0; own && own[i] != ACT_NONE; i++) {
		for (int j = i + 1; own[j] != ACT_NONE; j++)
			if (own[i] == own[j] || keymap_shared(own[i], own[j], NULL))
				add_pair(allowed(s, own[i], own[j]) ? allowed_out : out, s, own[i],
				         own[j]);
		for (const enum action_id *g = app_global_actions; *g != ACT_NONE; g++)
			if (!listed(own, *g) && keymap_shared(own[i], *g, NULL))
				add_pair(allowed(s, own[i], *g) ? allowed_out : out, s, own[i], *g);
	}
}

static void key_names(void)
{
	struct strbuf err = STRBUF_INIT;
	struct key_set set;
	int bad = keymap_init(&err);
	is_str(strbuf_str(&err), "", "every key of every action parses");
	is_int(bad, 0, "  ... none fails");
	ok(key_set_parse("Esc Ecs", &set, NULL) != 0 && set.n == 1, "\"Ecs\" is no key (Esc is)");
	ok(key_set_parse("F1O", &set, NULL) != 0, "\"F1O\" is no key");
	ok(key_set_parse("F13", &set, NULL) != 0 && key_set_parse("F12", &set, NULL) == 0,
	   "F12 is a key, F13 is none");
	ok(key_set_parse("^1", &set, NULL) != 0 && key_set_parse("^L", &set, NULL) == 0,
	   "^L is a key, ^1 is none");
	strbuf_reset(&err);
	key_set_parse("Esc Ecs", &set, &err);
	is_str(strbuf_str(&err), "no key is named \"Ecs\" in \"Esc Ecs\"", "  ... and says which");
	ok(key_set_parse("a b c d e", &set, NULL) != 0, "more keys than a set holds do not parse");
	ok(key_set_parse(NULL, &set, NULL) == 0 && set.n == 0, "no spec is no key");
	struct key esc = {27, 0}, q = {'q', 0};
	ok(keymap_matches(&esc, ACT_BACK) && keymap_matches(&q, ACT_BACK) &&
	       !keymap_matches(&q, ACT_HELP),
	   "Esc and q go back, q is not help");
	strbuf_free(&err);
}

/* The specs written in the code (key_matches(k, "F10 ^C")) parse too: read
 * from the sources (tests/run runs the tests from the repository's root). */
static void code_specs(void)
{
	FILE *f = popen("grep -rhoE 'key_matches\\([a-z_>-]+, \"[^\"]*\"' src screens", "r");
	struct strbuf bad = STRBUF_INIT;
	char line[256];
	int n = 0;
	while (f && fgets(line, sizeof line, f)) {
		char *spec = strchr(line, '"');
		struct key_set set;
		spec[strlen(spec) - 2] = '\0'; /* the closing quote and the newline */
		n++;
		key_set_parse(spec + 1, &set, &bad);
	}
	if (f)
		pclose(f);
	ok(n >= 10, "the key specs written in the code are found");
	is_str(strbuf_str(&bad), "", "  ... and every one parses");
	strbuf_free(&bad);
}

static void registry(void)
{
	int n = 0, dup = 0;
	for (int i = 0; screens_all[i]; i++, n++)
		for (int j = i + 1; screens_all[j]; j++)
			dup += screens_all[i] == screens_all[j];
	ok(n > 40, "the registry holds every screen (tests/screens.t checks the files)");
	is_int(dup, 0, "  ... each once");
}

static void screen_keys(void)
{
	struct strbuf bad = STRBUF_INIT, kept = STRBUF_INIT, stale = STRBUF_INIT;
	for (int i = 0; screens_all[i]; i++)
		shared_keys(screens_all[i], &bad, &kept);
	is_str(strbuf_str(&bad), "", "no screen gives one key to two actions by accident");
	for (const struct screen_key_share *x = screens_key_shares; x->screen; x++) {
		struct strbuf pair = STRBUF_INIT, back = STRBUF_INIT;
		add_pair(&pair, x->screen, x->a, x->b);
		add_pair(&back, x->screen, x->b, x->a);
		if (!strstr(strbuf_str(&kept), strbuf_str(&pair)) &&
		    !strstr(strbuf_str(&kept), strbuf_str(&back)))
			strbuf_add(&stale, strbuf_str(&pair));
		strbuf_free(&pair);
		strbuf_free(&back);
	}
	is_str(strbuf_str(&stale), "", "every key shared on purpose is still shared");
	/* the check finds a shared key: the ones it must find */
	static const enum action_id clash[] = {ACT_OPEN, ACT_REPORT_OPEN, ACT_REDRAW, ACT_NONE};
	static const enum action_id over[] = {ACT_RESCUE_FIND, ACT_REPORT_CANCEL, ACT_NONE};
	const struct screen fake = {.name = "fake", .actions = clash};
	const struct screen fake_over = {.name = "fake", .actions = over};
	strbuf_reset(&bad);
	shared_keys(&fake, &bad, &kept);
	is_str(strbuf_str(&bad), "fake: open (Enter) and report.open (Enter)\n",
	       "two actions of a screen on Enter are found; a global listed is not");
	strbuf_reset(&bad);
	shared_keys(&fake_over, &bad, &kept);
	is_str(strbuf_str(&bad), "fake: report.cancel (Esc ^C) and quit (F10 ^C)\n",
	       "an action taking a global key the screen does not list is found");
	strbuf_free(&bad);
	strbuf_free(&kept);
	strbuf_free(&stale);
}

/* An action that needs a selected row is only on screens that can say. */
static void selections(void)
{
	struct strbuf bad = STRBUF_INIT;
	for (int i = 0; screens_all[i]; i++) {
		const struct screen *s = screens_all[i];
		for (const enum action_id *p = s->actions; p && *p != ACT_NONE; p++)
			if ((action_get(*p)->pre & PRE_SELECTION) && !s->has_selection)
				strbuf_addf(&bad, "%s: %s\n", s->name, action_get(*p)->name);
	}
	is_str(strbuf_str(&bad), "", "every screen with a row action has has_selection");
	strbuf_free(&bad);
}

int main(void)
{
	plan(19);
	key_names();
	code_specs();
	registry();
	screen_keys();
	selections();
	return done_testing();
}
