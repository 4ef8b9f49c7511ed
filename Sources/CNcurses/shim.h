#ifndef SUBPIX_CNCURSES_SHIM_H
#define SUBPIX_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Swift 6 strict concurrency rejects direct use of mutable C globals; these
   accessors are the only way the Swift side reads them. */
static inline WINDOW *subpix_stdscr(void) { return stdscr; }
static inline int subpix_colors(void) { return COLORS; }
static inline int subpix_color_pairs(void) { return COLOR_PAIRS; }
static inline int subpix_lines(void) { return LINES; }
static inline int subpix_cols(void) { return COLS; }
#endif
