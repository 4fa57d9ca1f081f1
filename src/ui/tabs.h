/* A row of tabs ("概况  许可(3)  检查(12) …"), the selected one marked and
 * always in view. */
#ifndef SMCON_TABS_H
#define SMCON_TABS_H

/* Draws n labels at (y, x) in w columns; scrolls so selected is visible and
 * marks hidden tabs on either side with ‹ and ›. */
void tabs_draw(int y, int x, int w, const char *const *labels, int n, int selected);
/* The index of the first label drawn for that selection (for tests). */
int tabs_first_visible(int w, const char *const *labels, int n, int selected);

#endif
