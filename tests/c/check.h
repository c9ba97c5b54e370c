/* check.h: the tiny assertion kit of the C tests (C99). */
#ifndef ZEXA_TEST_CHECK_H
#define ZEXA_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zexa.h"

#if defined(__GNUC__)
#define CHECK_UNUSED __attribute__((unused))
#else
#define CHECK_UNUSED
#endif

static int check_count = 0;

/* Fails the program with file:line when `cond` is false. */
#define CHECK(cond)                                                                \
    do {                                                                           \
        check_count++;                                                             \
        if (!(cond)) {                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)

/* Fails unless `call` returns `expected`; prints the last error otherwise. */
#define CHECK_STATUS(call, expected)                                                       \
    do {                                                                                   \
        ZexaStatus check_s_ = (call);                                                     \
        check_count++;                                                                     \
        if (check_s_ != (expected)) {                                                      \
            const char *check_m_ = zexa_last_error_message();                              \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, \
                    #call, zexa_status_name(check_s_), zexa_status_name(expected),          \
                    check_m_ ? check_m_ : "no message");                                   \
            exit(1);                                                                       \
        }                                                                                  \
    } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, ZEXA_OK)

#define CHECK_STR(actual, expected) CHECK((actual) != NULL && strcmp((actual), (expected)) == 0)

/* The base URL from argv[i] or the environment. */
CHECK_UNUSED static const char *check_arg(int argc, char **argv, int i, const char *env) {
    const char *value = i < argc ? argv[i] : getenv(env);
    if (value == NULL) {
        fprintf(stderr, "usage: pass the sandbox URL as argument %d or in %s\n", i, env);
        exit(2);
    }
    return value;
}

#define CHECK_DONE(name)                                          \
    do {                                                          \
        printf("%s: %d checks passed\n", (name), check_count);    \
        return 0;                                                 \
    } while (0)

#endif
