#include "cmd/prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>

#include "base/strbuf.h"
#include "i18n/i18n.h"

char *prompt_password(const char *user)
{
	char *ask = trs(MSG_PROMPT_PASSWORD, user ? user : "");
	char *pw = prompt_secret(ask);
	free(ask);
	return pw;
}

char *prompt_secret(const char *ask)
{
	FILE *tty = fopen("/dev/tty", "r+");
	struct termios old, quiet;
	struct strbuf pw = STRBUF_INIT;
	int c;
	if (!tty)
		return NULL;
	fputs(ask, tty);
	fflush(tty);
	int have_termios = tcgetattr(fileno(tty), &old) == 0;
	if (have_termios) {
		quiet = old;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	}
	while ((c = fgetc(tty)) != EOF && c != '\n')
		strbuf_addc(&pw, (char)c);
	if (have_termios)
		tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	if (c == EOF && pw.len == 0)
		return NULL;
	return strbuf_detach(&pw);
}

void prompt_wipe(char *pw)
{
	if (!pw)
		return;
	volatile char *p = pw;
	while (*p)
		*p++ = '\0';
	free(pw);
}
