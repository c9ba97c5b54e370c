/* zexa_set_log_callback delivers the core's records (retries at warn, attempts at debug)
 * without the key; zexa_last_error_may_have_executed tells a safe failure from an ambiguous
 * one. argv[1]: sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define KEY "zx_sandbox_key"

typedef struct {
    pthread_mutex_t lock;
    int warns;
    int debugs;
    int with_key;
    int wrong_target;
    int mentions_credits;
} Seen;

static void on_record(ZexaLogLevel level, const char *target, const char *message, void *userdata) {
    Seen *seen = userdata;
    pthread_mutex_lock(&seen->lock);
    if (level == ZEXA_LOG_WARN) seen->warns++;
    if (level == ZEXA_LOG_DEBUG) seen->debugs++;
    if (strstr(message, KEY) != NULL) seen->with_key++;
    if (strcmp(target, "zexa") != 0) seen->wrong_target++;
    if (strstr(message, "/credits") != NULL) seen->mentions_credits++;
    pthread_mutex_unlock(&seen->lock);
}

/* A client of a port where nothing listens, retrying once with a short back-off. */
static ZexaClient *refused_client(void) {
    ZexaClientBuilder *builder = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new(KEY, &builder));
    CHECK_OK(zexa_client_builder_set_base_url(builder, "http://127.0.0.1:9/v1"));
    CHECK_OK(zexa_client_builder_set_max_retries(builder, 1));
    CHECK_OK(zexa_client_builder_set_total_timeout_ms(builder, 20000));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_builder_free(builder);
    return client;
}

int main(int argc, char **argv) {
    Seen seen;
    ZexaClient *refused = refused_client(), *client = NULL;
    ZexaCredits *credits = NULL;
    ZexaClientBuilder *builder = NULL;
    memset(&seen, 0, sizeof seen);
    pthread_mutex_init(&seen.lock, NULL);

    /* Nothing is delivered before a callback is set. */
    CHECK_STATUS(zexa_credits_get(refused, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(seen.warns == 0);
    /* A connection never made surely had no effect. */
    CHECK(!zexa_last_error_may_have_executed());

    CHECK_STATUS(zexa_set_log_callback(0, on_record, &seen), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_set_log_callback(6, on_record, &seen), ZEXA_INVALID_ARGUMENT);
    CHECK_OK(zexa_set_log_callback(ZEXA_LOG_WARN, on_record, &seen));
    CHECK_STATUS(zexa_credits_get(refused, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(seen.warns == 2); /* one retry, one give-up */
    CHECK(seen.debugs == 0);
    CHECK(seen.mentions_credits == 2);

    CHECK_OK(zexa_set_log_callback(ZEXA_LOG_DEBUG, on_record, &seen));
    CHECK_OK(zexa_client_new(KEY, check_arg(argc, argv, 1, "ZEXA_BASE_URL"), &client));
    CHECK_OK(zexa_credits_get(client, &credits));
    zexa_credits_free(credits);
    CHECK(seen.debugs == 1);

    /* After it is cleared, nothing more arrives. */
    CHECK_OK(zexa_set_log_callback(ZEXA_LOG_DEBUG, NULL, NULL));
    CHECK_STATUS(zexa_credits_get(refused, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(seen.warns == 2 && seen.debugs == 1);
    CHECK(seen.with_key == 0 && seen.wrong_target == 0);

    zexa_client_free(refused);
    refused = NULL;
    /* Local refusals: a zero total timeout, and an ID too long to send. */
    CHECK_OK(zexa_client_builder_new(KEY, &builder));
    CHECK_OK(zexa_client_builder_set_total_timeout_ms(builder, 0));
    CHECK_STATUS(zexa_client_builder_build(builder, &refused), ZEXA_INVALID_INPUT);
    zexa_client_builder_free(builder);
    {
        static char long_id[300];
        ZexaContact *contact = NULL;
        memset(long_id, 'a', sizeof long_id - 1);
        CHECK_STATUS(zexa_contacts_get(client, long_id, &contact), ZEXA_INVALID_INPUT);
        CHECK(zexa_last_error_attempts() == 0);
        CHECK(!zexa_last_error_may_have_executed());
    }
    zexa_client_free(client);
    CHECK_DONE("test_log");
}
