/* Exit codes of command mode, also the status every fallible operation
 * returns to say what kind of failure it was (documented in smcon(1)). */
#ifndef SMCON_STATUS_H
#define SMCON_STATUS_H

enum status {
	ST_OK = 0,
	ST_ERROR = 1,     /* anything else that went wrong */
	ST_USAGE = 2,     /* bad command line, options or configuration */
	ST_DENIED = 3,    /* permission denied */
	ST_NOTFOUND = 4,  /* the thing asked for does not exist */
	ST_CONFLICT = 5,  /* it exists already, or changed under us */
};

#endif
