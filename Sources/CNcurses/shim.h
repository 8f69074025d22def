// The only C in Vigil: ncursesw's wide-character API, made importable by Swift 6.
// Editing this file does not trigger a rebuild: touch a Swift file of TerminalNcurses afterwards.
#ifndef VIGIL_CNCURSES_SHIM_H
#define VIGIL_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide API (get_wch, cchar_t, setcchar) is switched on here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <stddef.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Swift's Glibc module hides wcwidth; the backend needs the C library's view of a character's width.
int wcwidth(wchar_t c);

// Swift 6 rejects the mutable C globals, so they are read through functions.
static inline WINDOW *vigil_stdscr(void) { return stdscr; }
static inline int vigil_lines(void) { return LINES; }
static inline int vigil_cols(void) { return COLS; }
static inline int vigil_colors(void) { return COLORS; }
static inline int vigil_color_pairs(void) { return COLOR_PAIRS; }

// Attribute and mouse macros are casts and shifts, which Swift does not import.
static const attr_t vigil_A_NORMAL = A_NORMAL;
static const attr_t vigil_A_BOLD = A_BOLD;
static const attr_t vigil_A_REVERSE = A_REVERSE;
static const attr_t vigil_A_UNDERLINE = A_UNDERLINE;
static const attr_t vigil_A_DIM = A_DIM;

static inline attr_t vigil_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }

static const mmask_t vigil_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t vigil_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t vigil_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t vigil_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t vigil_BUTTON5_PRESSED = BUTTON5_PRESSED;

static inline int vigil_KEY_F(int n) { return KEY_F(n); }

// The codeset of the current locale ("UTF-8" when wide output is safe).
static inline const char *vigil_codeset(void) { return nl_langinfo(CODESET); }

#endif
