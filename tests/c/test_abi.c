/* The promises of zexa.h about the ABI, handles and callbacks (issue 16), each checked
 * against what was seen before:
 * - a never-created pointer such as (ZexaClient *)0x10 is refused, not dereferenced (seen: a
 *   crash); a result struct or string freed twice is ignored (seen: a crash);
 * - every builder setting is range-checked (seen: set_max_retries(4000000000) accepted);
 * - a request struct without its struct_size (or from a newer header) is refused;
 * - the version macros match the library;
 * - a progress callback returning non-zero stops a wait with ZEXA_CANCELLED (seen: a wait on
 *   a campaign scheduled in 2099 could not be stopped);
 * - a library call made inside the callback does not change what the wait reports (seen:
 *   ZEXA_NOT_FOUND left in the last error of a wait that returned ZEXA_OK).
 * argv[1] (or ZEXA_BASE_URL) is a sandbox URL. */
#include "check.h"

#define BAD_ARG(call) CHECK_STATUS(call, ZEXA_INVALID_ARGUMENT)

static void test_handles_and_frees(void) {
    ZexaCredits *credits = NULL;
    ZexaClient *client = NULL;
    ZexaSmsSegments *segments = NULL;
    char *e164 = NULL;

    BAD_ARG(zexa_credits_get((const ZexaClient *)0x10, &credits));
    CHECK(strstr(zexa_last_error_message(), "live handle") != NULL);
    zexa_client_free((ZexaClient *)0x10);               /* never created: ignored */
    zexa_contact_free((ZexaContact *)0x10);
    zexa_string_free((char *)0x10);

    CHECK_OK(zexa_client_new("zx_sandbox_key", "http://127.0.0.1:1/v1", &client));
    zexa_client_free(client);
    BAD_ARG(zexa_credits_get(client, &credits));        /* freed: refused */
    zexa_client_free(client);                           /* and a second free is ignored */

    CHECK_OK(zexa_sms_segments("Olá", &segments));
    CHECK(segments->segments == 1);
    zexa_sms_segments_free(segments);
    zexa_sms_segments_free(segments);                   /* a result freed twice: ignored */
    zexa_contact_free((ZexaContact *)segments);         /* ...and the _free of another type */

    CHECK_OK(zexa_to_e164("0923 456 789", "244", &e164));
    CHECK_STR(e164, "+244923456789");
    zexa_string_free(e164);
    zexa_string_free(e164);                             /* a string freed twice: ignored */
}

static void test_struct_size(void) {
    ZexaClient *client = NULL;
    ZexaContact *contact = NULL;
    ZexaCreateContact unset;
    ZexaCreateContact newer = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaCreateContact ok = ZEXA_STRUCT_INIT(ZexaCreateContact);

    CHECK(ok.struct_size == sizeof(ZexaCreateContact) && ok.name == NULL && ok.lists_len == 0);
    CHECK_OK(zexa_client_new("zx_sandbox_key", "http://127.0.0.1:1/v1", &client));
    memset(&unset, 0, sizeof unset);                    /* the old "= {0}": no struct_size */
    unset.name = "Maria";
    unset.phone = "+244912345678";
    BAD_ARG(zexa_contacts_create(client, &unset, &contact));
    CHECK(strstr(zexa_last_error_message(), "ZEXA_STRUCT_INIT(ZexaCreateContact)") != NULL);
    newer.struct_size = sizeof(ZexaCreateContact) + 8; /* a header newer than the library */
    newer.name = "Maria";
    newer.phone = "+244912345678";
    BAD_ARG(zexa_contacts_create(client, &newer, &contact));
    CHECK(contact == NULL && zexa_last_error_attempts() == 0);
    zexa_client_free(client);
}

/* Every setting of the core, with its range checked when the client is built (seen:
 * set_max_retries(4000000000) accepted). */
static void test_builder_ranges(void) {
    ZexaClientBuilder *b = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &b));
    CHECK_OK(zexa_client_builder_set_base_url(b, "http://127.0.0.1:1/v1"));
    CHECK_OK(zexa_client_builder_set_connect_timeout_ms(b, 2000));
    CHECK_OK(zexa_client_builder_set_retry_backoff_ms(b, 10, 100));
    CHECK_OK(zexa_client_builder_set_max_retry_after_ms(b, 1000));
    CHECK_OK(zexa_client_builder_set_max_response_bytes(b, 1 << 20));
    CHECK_OK(zexa_client_builder_set_total_timeout_ms(b, 30000));
    CHECK_OK(zexa_client_builder_build(b, &client));
    zexa_client_free(client);

    CHECK_OK(zexa_client_builder_set_max_retries(b, 4000000000u));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "max_retries");
    CHECK_OK(zexa_client_builder_set_max_retries(b, 3));
    CHECK_OK(zexa_client_builder_set_timeout_ms(b, UINT64_MAX));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "timeout");
    CHECK_OK(zexa_client_builder_set_timeout_ms(b, 5000));
    CHECK_OK(zexa_client_builder_set_connect_timeout_ms(b, 0));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK_OK(zexa_client_builder_set_connect_timeout_ms(b, 1000));
    CHECK_OK(zexa_client_builder_set_retry_backoff_ms(b, 500, 100));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK_OK(zexa_client_builder_set_retry_backoff_ms(b, 10, 100));
    CHECK_OK(zexa_client_builder_set_max_retry_after_ms(b, UINT64_MAX));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK_OK(zexa_client_builder_set_max_retry_after_ms(b, 1000));
    CHECK_OK(zexa_client_builder_set_max_response_bytes(b, 0));
    CHECK_STATUS(zexa_client_builder_build(b, &client), ZEXA_INVALID_INPUT);
    CHECK(client == NULL);
    zexa_client_builder_free(b);
}

static void test_versions(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", ZEXA_VERSION_MAJOR, ZEXA_VERSION_MINOR,
             ZEXA_VERSION_PATCH);
    CHECK_STR(zexa_version(), expected);
    CHECK_STR(ZEXA_VERSION_STRING, expected);
    CHECK(zexa_version_number() == ZEXA_VERSION_NUMBER);
    CHECK(ZEXA_VERSION_NUMBER ==
          ZEXA_VERSION_MAJOR * 1000000 + ZEXA_VERSION_MINOR * 1000 + ZEXA_VERSION_PATCH);
    CHECK_STR(zexa_status_name(ZEXA_CANCELLED), "ZEXA_CANCELLED");
    CHECK_STR(zexa_status_name(ZEXA_INTERNAL_ERROR), "ZEXA_INTERNAL_ERROR");
    CHECK_STR(zexa_status_name(4000000000u), "ZEXA_UNKNOWN_STATUS");
}

/* What the progress callbacks below do, and what they saw. */
typedef struct {
    ZexaClient *client;
    int polls;
    int stop_after;       /* return non-zero at this poll (0: never) */
    int nested_status;    /* what the nested zexa_contacts_get returned */
} Progress;

static int on_progress(const ZexaCampaign *campaign, void *userdata) {
    Progress *p = (Progress *)userdata;
    ZexaContact *missing = NULL;
    CHECK(campaign->id != NULL);
    p->polls++;
    /* A call of the library from inside the callback, which fails. */
    p->nested_status = (int)zexa_contacts_get(p->client, "cnt_missing", &missing);
    CHECK(missing == NULL && zexa_last_error_status() == ZEXA_NOT_FOUND);
    return p->stop_after != 0 && p->polls >= p->stop_after;
}

static void test_callbacks(const char *url) {
    ZexaClient *client = NULL;
    ZexaContact *contact = NULL;
    ZexaContactList *list = NULL;
    ZexaCampaign *campaign = NULL, *later = NULL, *done = NULL;
    ZexaCreateContact contact_req = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaCreateContactList list_req = ZEXA_STRUCT_INIT(ZexaCreateContactList);
    ZexaCreateCampaign campaign_req = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    Progress progress = {0};
    const char *list_ids[1], *contact_ids[1];

    CHECK_OK(zexa_client_new("zx_sandbox_key", url, &client));
    contact_req.name = "Callback";
    contact_req.phone = "+244935000001";
    CHECK_OK(zexa_contacts_create(client, &contact_req, &contact));
    list_req.name = "Callbacks";
    CHECK_OK(zexa_contact_lists_create(client, &list_req, &list));
    list_ids[0] = list->id;
    contact_ids[0] = contact->id;
    CHECK_OK(zexa_contact_lists_add_contacts(client, list_ids, 1, contact_ids, 1));

    /* A campaign scheduled in 2099, waited for without a timeout: only the callback ends it. */
    campaign_req.name = "Far future";
    campaign_req.channel = "sms";
    campaign_req.contact_list_id = list->id;
    campaign_req.sender_id = "ZEXA";
    campaign_req.body = "Later";
    campaign_req.scheduled_at = "2099-01-01T00:00:00Z";
    CHECK_OK(zexa_campaigns_create(client, &campaign_req, &later));
    progress.client = client;
    progress.stop_after = 3;
    CHECK_STATUS(zexa_campaigns_wait(client, later->id, 10, 0, on_progress, &progress, &done),
                 ZEXA_CANCELLED);
    CHECK(done == NULL && progress.polls == 3);
    CHECK(zexa_last_error_status() == ZEXA_CANCELLED);  /* the wait's, not the nested call's */
    CHECK(strstr(zexa_last_error_message(), "callback") != NULL);
    CHECK(!zexa_last_error_may_have_executed());

    /* A wait that succeeds although its callback's own call failed: the last error is clear. */
    campaign_req.name = "Now";
    campaign_req.scheduled_at = NULL;
    CHECK_OK(zexa_campaigns_create(client, &campaign_req, &campaign));
    progress.polls = 0;
    progress.stop_after = 0;
    CHECK_OK(zexa_campaigns_wait(client, campaign->id, 20, 30000, on_progress, &progress, &done));
    CHECK(progress.polls >= 1 && progress.nested_status == ZEXA_NOT_FOUND);
    CHECK(zexa_last_error_status() == ZEXA_OK);
    CHECK(zexa_last_error_message() == NULL && zexa_last_error_http_status() == 0);
    CHECK(done->is_final);

    zexa_campaign_free(done);
    zexa_campaign_free(campaign);
    zexa_campaign_free(later);
    zexa_contact_list_free(list);
    zexa_contact_free(contact);
    zexa_client_free(client);
}

int main(int argc, char **argv) {
    const char *url = check_arg(argc, argv, 1, "ZEXA_BASE_URL");
    test_handles_and_frees();
    test_struct_size();
    test_versions();
    test_builder_ranges();
    test_callbacks(url);
    CHECK_DONE("test_abi");
}
