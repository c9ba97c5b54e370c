/* Two threads sharing one client; the last error is per thread. argv[1]: sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define PER_THREAD 5

typedef struct {
    ZexaClient *client;
    int index;
    int ok;
} Job;

static void *work(void *arg) {
    Job *job = arg;
    int i;
    for (i = 0; i < PER_THREAD; i++) {
        char phone[32];
        ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
        ZexaContact *created = NULL, *got = NULL, *missing = NULL;
        ZexaCredits *credits = NULL;
        snprintf(phone, sizeof phone, "+24491%d%06d", job->index + 1, i);
        req.name = "Thread";
        req.phone = phone;
        CHECK_OK(zexa_contacts_create(job->client, &req, &created));
        CHECK_OK(zexa_contacts_get(job->client, created->id, &got));
        CHECK_STR(got->phone, phone);
        /* Thread 0 sees 404s, thread 1 local refusals: each reads back its own. */
        if (job->index == 0) {
            CHECK_STATUS(zexa_contacts_get(job->client, "cnt_nope", &missing), ZEXA_NOT_FOUND);
            CHECK_OK(zexa_credits_get(job->client, &credits));
            zexa_credits_free(credits);
            CHECK(zexa_last_error_status() == ZEXA_OK);
            CHECK_STATUS(zexa_contacts_get(job->client, "cnt_nope", &missing), ZEXA_NOT_FOUND);
            CHECK(zexa_last_error_http_status() == 404);
        } else {
            req.phone = "12";
            CHECK_STATUS(zexa_contacts_create(job->client, &req, &missing), ZEXA_INVALID_INPUT);
            CHECK_OK(zexa_credits_get(job->client, &credits));
            zexa_credits_free(credits);
            req.phone = "12";
            CHECK_STATUS(zexa_contacts_create(job->client, &req, &missing), ZEXA_INVALID_INPUT);
            CHECK_STR(zexa_last_error_field(), "phone");
            CHECK(zexa_last_error_http_status() == 0);
        }
        zexa_contact_free(got);
        zexa_contact_free(created);
    }
    job->ok = 1;
    return NULL;
}

int main(int argc, char **argv) {
    ZexaClient *client = NULL;
    ZexaContactPage *page = NULL;
    pthread_t threads[2];
    Job jobs[2];
    int i;

    CHECK_OK(zexa_client_new("zx_sandbox_key", check_arg(argc, argv, 1, "ZEXA_BASE_URL"), &client));
    for (i = 0; i < 2; i++) {
        jobs[i].client = client;
        jobs[i].index = i;
        jobs[i].ok = 0;
        CHECK(pthread_create(&threads[i], NULL, work, &jobs[i]) == 0);
    }
    for (i = 0; i < 2; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(jobs[i].ok);
    }
    CHECK_OK(zexa_contacts_list(client, NULL, &page));
    CHECK(page->total >= 2 * PER_THREAD);
    zexa_contact_page_free(page);
    zexa_client_free(client);
    CHECK_DONE("test_threads");
}
