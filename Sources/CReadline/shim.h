#ifndef SUBPIX_CREADLINE_SHIM_H
#define SUBPIX_CREADLINE_SHIM_H
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 strict concurrency rejects direct use of readline's mutable globals;
   these accessors are the only way the Swift side reads or sets them. */
static inline void subpix_rl_configure(rl_compentry_func_t *completion) {
    rl_readline_name = "subpix";
    rl_completion_entry_function = completion;
    rl_basic_word_break_characters = " \t\n\"'(),=[]+-*:;.";
    rl_completer_quote_characters = "\"'";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
}

/* The line being edited and the cursor offset in it (for context-aware completion). */
static inline const char *subpix_rl_line(void) { return rl_line_buffer; }
static inline int subpix_rl_point(void) { return rl_point; }
/* The quote the word being completed is inside of, or 0. */
static inline int subpix_rl_quote(void) { return rl_completion_quote_character; }
/* 1: do not append a space after the completed word (keyword= completions). */
static inline void subpix_rl_suppress_append(int suppress) { rl_completion_suppress_append = suppress; }

/* Ctrl-C: the handler only counts (async-signal-safe); the REPL polls the count.
   Three presses while a statement runs (nothing reads the count then) exit.
   Only REPL/Interrupt.swift calls these, so there is one copy of the counters. */
static volatile sig_atomic_t subpix_interrupts = 0;
static volatile sig_atomic_t subpix_evaluating = 0;

__attribute__((unused)) static void subpix_on_sigint(int signal_number) {
    (void)signal_number;
    subpix_interrupts += 1;
    if (subpix_evaluating && subpix_interrupts >= 3) {
        static const char message[] = "\nsubpix: interrupted three times, exiting\n";
        (void)!write(STDERR_FILENO, message, sizeof message - 1);
        _exit(130);
    }
}

static inline void subpix_install_sigint(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = subpix_on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

static inline int subpix_take_interrupts(void) {
    int count = subpix_interrupts;
    subpix_interrupts = 0;
    return count;
}

static inline void subpix_set_evaluating(int evaluating) {
    subpix_interrupts = 0;
    subpix_evaluating = evaluating;
}
#endif
