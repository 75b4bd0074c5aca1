#ifndef ECSH_CEDITLINE_SHIM_H
#define ECSH_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#include <locale.h>

/* Swift cannot call the variadic el_set/history: one typed wrapper per operation used. */
static inline FILE *ecsh_stdin(void) { return stdin; }
static inline FILE *ecsh_stdout(void) { return stdout; }
static inline FILE *ecsh_stderr(void) { return stderr; }
#endif
