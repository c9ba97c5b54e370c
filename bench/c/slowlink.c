/* The slow-link benchmark's C client: pages of 100 contacts one after another, then contacts
 * created one by one, on one keep-alive connection; prints the median time of each.
 *
 *   slowlink BASE_URL PAGES CREATES
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

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_ms(double *v, long n) {
    if (n == 0) return 0;
    qsort(v, (size_t)n, sizeof *v, by_value);
    return v[n / 2] * 1e3;
}

static int get_page(ZexaClient *client, unsigned i) {
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    filters.page = i;
    filters.per_page = 100;
    ZexaContactPage *page = NULL;
    ZexaStatus st = zexa_contacts_list(client, &filters, &page);
    if (st != ZEXA_OK) {
        fprintf(stderr, "zexa_contacts_list: %s: %s\n", zexa_status_name(st), zexa_last_error_message());
        exit(1);
    }
    zexa_contact_page_free(page);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s BASE_URL PAGES CREATES\n", argv[0]);
        return 2;
    }
    long pages = strtol(argv[2], NULL, 10), creates = strtol(argv[3], NULL, 10);
    if (pages < 1 || pages > 10000 || creates < 0 || creates > 100000) return 2;
    ZexaClient *client = NULL;
    if (zexa_client_new("zx_sandbox_key", argv[1], &client) != ZEXA_OK) return 1;
    get_page(client, 1); /* opens the connection: not counted */
    double *times = calloc((size_t)pages, sizeof *times);
    double *create_times = calloc((size_t)(creates ? creates : 1), sizeof *create_times);
    for (long i = 0; i < pages; i++) {
        double t = now_s();
        get_page(client, (unsigned)(i + 1));
        times[i] = now_s() - t;
    }
    double creates_secs = 0;
    for (long i = 0; i < creates; i++) {
        char name[32], phone[32];
        snprintf(name, sizeof name, "Bench %ld", i);
        snprintf(phone, sizeof phone, "+244923%06ld", i);
        ZexaCreateContact create = ZEXA_STRUCT_INIT(ZexaCreateContact);
        create.name = name;
        create.phone = phone;
        ZexaContact *contact = NULL;
        double t = now_s();
        ZexaStatus st = zexa_contacts_create(client, &create, &contact);
        create_times[i] = now_s() - t;
        creates_secs += create_times[i];
        if (st != ZEXA_OK) {
            fprintf(stderr, "zexa_contacts_create: %s: %s\n", zexa_status_name(st), zexa_last_error_message());
            return 1;
        }
        zexa_contact_free(contact);
    }
    printf("{\"section\": \"slowlink\", \"client\": \"c-sdk\", \"pages\": %ld, \"page_ms\": %.3f, "
           "\"creates\": %ld, \"create_ms\": %.3f, \"creates_secs\": %.3f}\n",
           pages, median_ms(times, pages), creates, median_ms(create_times, creates), creates_secs);
    free(times);
    free(create_times);
    zexa_client_free(client);
    return 0;
}
