/* The 96333 board's clocks read the server's timestamps as PostgreSQL
 * prints them, in any zone, to the millisecond. */
#include <string.h>

#include "lib/tap.h"
#include "screens/rescue.h"

int main(void)
{
	plan(7);
	is_int(rescue_epoch_ms("1970-01-01 08:00:00+08"), 0, "the epoch in Beijing time");
	is_int(rescue_epoch_ms("2026-12-07 06:58:35.970429+08"), 1796597915970LL,
	       "a timestamp with microseconds and +08");
	is_int(rescue_epoch_ms("2026-12-06 22:58:35.97+00"), 1796597915970LL,
	       "  ... the same moment in UTC");
	is_int(rescue_epoch_ms("2026-12-06 17:28:35.97-05:30"), 1796597915970LL,
	       "  ... and at -05:30");
	is_int(rescue_epoch_ms("not a time"), 0, "text that is no timestamp is 0");
	is_int(rescue_epoch_ms(NULL), 0, "  ... so is NULL");
	ok(rescue_state_msg("dispatched") == MSG_RESCUE_ST_DISPATCHED,
	   "a state code has its label");
	return done_testing();
}
