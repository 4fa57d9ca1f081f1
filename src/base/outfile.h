/* Output that either arrives whole or fails loudly: a file is written under
 * a temporary name in its own directory, synced and renamed into place at
 * the end, so that a full disk never leaves half a file under the name the
 * operator asked for; a stream's write errors are found at flush time. */
#ifndef SMCON_OUTFILE_H
#define SMCON_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

struct outfile {
	FILE *f;    /* write here between outfile_open() and outfile_commit() */
	char *path; /* the final name */
	char *tmp;  /* the temporary name, or NULL when writing to path itself */
};

/* Opens a temporary file beside path for writing (path itself when it
 * exists and is not a regular file: a device, a FIFO). Returns 0, or an
 * errno value with nothing created. */
int outfile_open(struct outfile *o, const char *path);
/* Creates an empty file under a hidden temporary name beside path (for a
 * writer that opens files by name itself, e.g. libxlsxwriter) and returns
 * that name (caller frees, renames or unlinks), or NULL with errno set. */
char *outfile_temp(const char *path);
/* Flushes, syncs and closes the file and renames it to its final name.
 * Returns 0, or the errno value of the first failed write, with the
 * temporary file removed. Frees o either way. */
int outfile_commit(struct outfile *o);
/* Closes and removes the temporary file; frees o. */
void outfile_abort(struct outfile *o);
/* Writes len bytes of data to path through outfile_open/commit. Returns 0 or an errno value. */
int outfile_write(const char *path, const char *data, size_t len);
/* Flushes f. Returns 0, or the errno value of a write that failed on f
 * since its error flag was last cleared (EIO when it is no longer known);
 * clears the flag. */
int outfile_flush(FILE *f);
/* Creates dir and the directories above it that are missing (mode 0700:
 * exports hold personal data). Returns 0, or an errno value. */
int outfile_mkdirs(const char *dir);

#endif
