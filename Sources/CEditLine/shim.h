#ifndef ECSH_CEDITLINE_SHIM_H
#define ECSH_CEDITLINE_SHIM_H
#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* Swift cannot call the variadic el_set/el_get/history: one typed wrapper per operation used. */
static inline FILE *ecsh_stdin(void) { return stdin; }
static inline FILE *ecsh_stdout(void) { return stdout; }
static inline FILE *ecsh_stderr(void) { return stderr; }

typedef unsigned char (*ecsh_el_func_t)(EditLine *, int);

static inline int ecsh_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int ecsh_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}
static inline int ecsh_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int ecsh_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *ecsh_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int ecsh_el_set_getc(EditLine *el, el_rfunc_t read) { return el_set(el, EL_GETCFN, read); }
static inline int ecsh_el_add_function(EditLine *el, const char *name, const char *help, ecsh_el_func_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int ecsh_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

static inline int ecsh_history_set_size(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int ecsh_history_set_unique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int ecsh_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int ecsh_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int ecsh_history_save_fp(History *h, HistEvent *ev, FILE *fp) { return history(h, ev, H_SAVE_FP, fp); }
static inline int ecsh_history_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int ecsh_history_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }
static inline int ecsh_history_clear(History *h, HistEvent *ev) { return history(h, ev, H_CLEAR); }

/* Columns of the terminal on fd, or 0 when it is not a terminal. */
static inline int ecsh_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

/* SIGINT is turned into a byte on a pipe; the handler does nothing else, so it stays async-signal-safe. */
static int ecsh_sigint_pipe = -1;
static void ecsh_sigint_handler(int signo) {
    (void)signo;
    int saved = errno;
    if (ecsh_sigint_pipe >= 0) {
        char byte = 'i';
        ssize_t written = write(ecsh_sigint_pipe, &byte, 1);
        (void)written;
    }
    errno = saved;
}
static inline int ecsh_install_sigint_pipe(int write_fd) {
    ecsh_sigint_pipe = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ecsh_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, NULL);
}
#endif
