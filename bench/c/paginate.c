/* Pagination with the C library's contact iterator: every contact of a seeded sandbox,
 * one page in memory at a time.
 *
 *   paginate BASE_URL PER_PAGE [EXPECT]
 *
 * Prints one JSON line (section "paginate", client "c-sdk") with the count, the time and the
 * peak RSS (VmHWM of /proc/self/status).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zexa.h"

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double status_mb(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double mb = 0;
    size_t len = strlen(field);
    if (!f) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, field, len) == 0 && line[len] == ':') {
            mb = strtod(line + len + 1, NULL) / 1024.0;
            break;
        }
    }
    fclose(f);
    return mb;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s BASE_URL PER_PAGE [EXPECT]\n", argv[0]);
        return 2;
    }
    const char *base = argv[1];
    unsigned per_page = (unsigned)strtoul(argv[2], NULL, 10);
    long expect = argc > 3 ? strtol(argv[3], NULL, 10) : 0;
    ZexaClient *client = NULL;
    ZexaStatus st = zexa_client_new("zx_sandbox_key", base, &client);
    if (st != ZEXA_OK) {
        fprintf(stderr, "zexa_client_new: %s\n", zexa_status_name(st));
        return 1;
    }
    double rss_before = status_mb("VmRSS");
    double started = now_s();
    ZexaContactIter *it = NULL;
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    filters.per_page = per_page;
    st = zexa_contact_iter_new(client, &filters, &it);
    if (st != ZEXA_OK) {
        fprintf(stderr, "zexa_contact_iter_new: %s\n", zexa_status_name(st));
        return 1;
    }
    long count = 0;
    for (;;) {
        ZexaContact *contact = NULL;
        st = zexa_contact_iter_next(it, &contact);
        if (st != ZEXA_OK) {
            fprintf(stderr, "zexa_contact_iter_next: %s: %s\n", zexa_status_name(st), zexa_last_error_message());
            return 1;
        }
        if (!contact) break; /* the end */
        count++;
        zexa_contact_free(contact);
    }
    double secs = now_s() - started;
    zexa_contact_iter_free(it);
    zexa_client_free(client);
    if (expect && count != expect) {
        fprintf(stderr, "iterated %ld contacts, expected %ld\n", count, expect);
        return 1;
    }
    printf("{\"section\": \"paginate\", \"client\": \"c-sdk\", \"items\": %ld, \"secs\": %.6f, "
           "\"peak_rss_mb\": %.3f, \"rss_growth_mb\": %.3f}\n",
           count, secs, status_mb("VmHWM"), status_mb("VmRSS") - rss_before);
    return 0;
}
