#ifndef SUBPIX_CNCURSES_SHIM_H
#define SUBPIX_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <stdio.h>
#include <wchar.h>

/* Swift 6 strict concurrency rejects direct use of mutable C globals; these
   accessors are the only way the Swift side reads them. */
static inline WINDOW *subpix_stdscr(void) { return stdscr; }
static inline int subpix_colors(void) { return COLORS; }
static inline int subpix_color_pairs(void) { return COLOR_PAIRS; }
static inline int subpix_lines(void) { return LINES; }
static inline int subpix_cols(void) { return COLS; }

/* Reads terminal type `name`'s colour count and whether it declares direct colour
   (the RGB extension, as a flag, number or string) without entering curses mode.
   Returns 0, or -1 when there is no such terminfo entry. */
static inline int subpix_probe_terminal(const char *name, int *out_colors, int *out_direct, int *out_addressable) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, 1, &error) != OK) return -1;
    TERMINAL *probed = cur_term;
    char *rgb_string = tigetstr("RGB");
    char *move_to = tigetstr("cup");
    *out_addressable = move_to != NULL && move_to != (char *)-1 && tigetflag("hc") <= 0;
    *out_colors = tigetnum("colors");
    *out_direct = tigetflag("RGB") > 0 || tigetnum("RGB") > 0
        || (rgb_string != NULL && rgb_string != (char *)-1);
    set_curterm(previous);
    del_curterm(probed);
    return 0;
}

/* newterm on the process's standard output and input. */
static inline SCREEN *subpix_newterm(const char *name) { return newterm(name, stdout, stdin); }

/* Left clicks arrive as KEY_MOUSE (the BUTTON1_* masks are macros Swift cannot import). */
static inline void subpix_enable_clicks(void) {
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
}

/* How many wide characters a cell holds: a spacing character and the combining
   characters drawn over it (x̂ is x and U+0302). */
static inline int subpix_cell_characters(void) { return CCHARW_MAX; }

/* One cell: a zero-terminated string of at most CCHARW_MAX wide characters (a
   spacing character, then combining ones) with an extended colour pair (pairs
   above 32767 go through setcchar's opts pointer, an ncurses extension). */
static inline int subpix_put_cell(int y, int x, const wchar_t *text, int pair, int bold) {
    cchar_t cell;
    int extended = pair;
    setcchar(&cell, text, bold ? A_BOLD : A_NORMAL, 0, &extended);
    return mvadd_wch(y, x, &cell);
}
#endif
