#include "base/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/xalloc.h"

/* A hidden name in path's directory: DIR/.NAME.XXXXXX */
static char *tmp_template(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	strbuf_addn(&sb, path, (size_t)(name - path));
	strbuf_addf(&sb, ".%s.XXXXXX", name);
	return strbuf_detach(&sb);
}

/* Creates an empty file under tmp_template(path) with the mode fopen() would
 * have given it (not mkstemp's 0600). Returns its descriptor and sets *tmp,
 * or -1 with errno set and nothing created. */
static int tmp_create(const char *path, char **tmp)
{
	char *name = tmp_template(path);
	int fd = mkstemp(name);
	if (fd < 0) {
		int e = errno;
		free(name);
		errno = e;
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	*tmp = name;
	return fd;
}

char *outfile_temp(const char *path)
{
	char *tmp = NULL;
	int fd = tmp_create(path, &tmp);
	if (fd < 0)
		return NULL;
	close(fd);
	return tmp;
}

int outfile_open(struct outfile *o, const char *path)
{
	struct stat stt;
	memset(o, 0, sizeof *o);
	if (stat(path, &stt) == 0 && !S_ISREG(stt.st_mode)) {
		o->f = fopen(path, "w");
		if (!o->f)
			return errno;
		o->path = xstrdup(path);
		return 0;
	}
	char *tmp = NULL;
	int fd = tmp_create(path, &tmp);
	if (fd < 0)
		return errno;
	o->f = fdopen(fd, "w");
	if (!o->f) {
		int e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return e;
	}
	o->tmp = tmp;
	o->path = xstrdup(path);
	return 0;
}

static void outfile_release(struct outfile *o)
{
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}

int outfile_commit(struct outfile *o)
{
	int e = outfile_flush(o->f);
	if (!e && o->tmp && fsync(fileno(o->f)) != 0)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	if (!e && o->tmp && rename(o->tmp, o->path) != 0)
		e = errno;
	if (e && o->tmp)
		unlink(o->tmp);
	outfile_release(o);
	return e;
}

void outfile_abort(struct outfile *o)
{
	fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	outfile_release(o);
}

int outfile_write(const char *path, const char *data, size_t len)
{
	struct outfile o;
	int e = outfile_open(&o, path);
	if (e)
		return e;
	fwrite(data, 1, len, o.f);
	return outfile_commit(&o);
}

/* Why an earlier write failed, when stdio no longer says: errno still holds
 * a write's error when nothing has failed since; a pipe whose reader has
 * gone shows POLLERR. */
static int lost_errno(FILE *f, int e)
{
	if (e == ENOSPC || e == EPIPE || e == EFBIG || e == EDQUOT || e == EIO || e == EROFS)
		return e;
	struct stat stt;
	struct pollfd p = {.fd = fileno(f), .events = POLLOUT};
	if (fstat(p.fd, &stt) == 0 && S_ISFIFO(stt.st_mode) && poll(&p, 1, 0) == 1 &&
	    (p.revents & POLLERR))
		return EPIPE;
	return EIO;
}

int outfile_flush(FILE *f)
{
	int before = errno;
	errno = 0;
	int failed = fflush(f) != 0;
	int e = errno;
	if (!failed && !ferror(f))
		return 0;
	if (!failed || !e)
		e = lost_errno(f, before);
	clearerr(f);
	return e;
}

int outfile_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	int e = 0;
	for (char *c = p + 1;; c++) {
		if (*c != '/' && *c != '\0')
			continue;
		char was = *c;
		*c = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			e = errno;
			break;
		}
		*c = was;
		if (!was)
			break;
	}
	struct stat st;
	if (!e && stat(dir, &st) != 0)
		e = errno;
	else if (!e && !S_ISDIR(st.st_mode))
		e = ENOTDIR;
	free(p);
	return e;
}
