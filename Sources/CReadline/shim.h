#ifndef SUBPIX_CREADLINE_SHIM_H
#define SUBPIX_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 strict concurrency rejects direct use of readline's mutable globals;
   these accessors are the only way the Swift side sets them. */
static inline void subpix_rl_configure(rl_compentry_func_t *completion) {
    rl_readline_name = "subpix";
    rl_completion_entry_function = completion;
    rl_basic_word_break_characters = " \t\n\"'(),=[]+-*/:;";
    rl_catch_signals = 0;
}
#endif
