/* Single-call latency of the C library: GET /contacts/{id} decoded into a contact, one
 * thread, keep-alive, N calls after a warm-up.
 *
 *   latency BASE_URL N [ID]
 *
 * Prints one JSON line (section "latency", client "c-sdk") like the other benchmarks.
 * Built by bench/run.sh with gcc -O2 against include/zexa.h and target/release/libzexa.so.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "zexa.h"

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int get_once(ZexaClient *client, const char *id) {
    ZexaContact *contact = NULL;
    ZexaStatus st = zexa_contacts_get(client, id, &contact);
    if (st != ZEXA_OK) {
        fprintf(stderr, "zexa_contacts_get: %s: %s\n", zexa_status_name(st), zexa_last_error_message());
        return -1;
    }
    zexa_contact_free(contact);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s BASE_URL N [ID]\n", argv[0]);
        return 2;
    }
    const char *base = argv[1];
    long n = strtol(argv[2], NULL, 10);
    const char *id = argc > 3 ? argv[3] : "cnt_def456";
    if (n <= 0 || n > 100000000L) {
        fprintf(stderr, "N must be 1..1e8\n");
        return 2;
    }
    ZexaClient *client = NULL;
    ZexaStatus st = zexa_client_new("zx_sandbox_key", base, &client);
    if (st != ZEXA_OK) {
        fprintf(stderr, "zexa_client_new: %s\n", zexa_status_name(st));
        return 1;
    }
    for (int i = 0; i < 200; i++) {
        if (get_once(client, id)) return 1;
    }
    double started = now_s();
    for (long i = 0; i < n; i++) {
        if (get_once(client, id)) return 1;
    }
    double secs = now_s() - started;
    zexa_client_free(client);
    printf("{\"section\": \"latency\", \"client\": \"c-sdk\", \"n\": %ld, \"secs\": %.6f, "
           "\"calls_per_s\": %.3f, \"us_per_call\": %.3f}\n",
           n, secs, (double)n / secs, secs * 1e6 / (double)n);
    return 0;
}
