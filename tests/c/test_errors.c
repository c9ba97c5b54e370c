/* One failure of each kind, read back with its details.
 * argv[1]: sandbox base URL (.../v1); argv[2]: a sandbox started with --credits 0. */
#include "check.h"

static ZexaClient *client_with(const char *key, const char *url, uint64_t timeout_ms) {
    ZexaClientBuilder *builder = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new(key, &builder));
    CHECK_OK(zexa_client_builder_set_base_url(builder, url));
    CHECK_OK(zexa_client_builder_set_max_retries(builder, 0));
    if (timeout_ms != 0) CHECK_OK(zexa_client_builder_set_timeout_ms(builder, timeout_ms));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_builder_free(builder);
    return client;
}

/* Queues a sandbox fault through the escape hatch: the admin routes live outside /v1. */
static void queue_fault(const char *v1_url, const char *fault_json) {
    char root[256];
    size_t n = strlen(v1_url);
    ZexaClient *admin;
    char *answer = NULL;
    CHECK(n > 3 && n < sizeof root && strcmp(v1_url + n - 3, "/v1") == 0);
    memcpy(root, v1_url, n - 3);
    root[n - 3] = '\0';
    admin = client_with("zx_sandbox_key", root, 0);
    CHECK_OK(zexa_request(admin, "POST", "/_sandbox/faults", NULL, NULL, 0, fault_json, &answer));
    CHECK(strstr(answer, "queued") != NULL);
    zexa_string_free(answer);
    zexa_client_free(admin);
}

static void check_api_error(ZexaStatus expected, uint16_t http, const char *code) {
    CHECK(zexa_last_error_status() == expected);
    CHECK(zexa_last_error_http_status() == http);
    CHECK_STR(zexa_last_error_code(), code);
    CHECK(zexa_last_error_message() != NULL && strlen(zexa_last_error_message()) > 0);
    CHECK(zexa_last_error_attempts() >= 1);
    CHECK(zexa_last_error_field() == NULL);
}

int main(int argc, char **argv) {
    const char *url = check_arg(argc, argv, 1, "ZEXA_BASE_URL");
    const char *broke_url = check_arg(argc, argv, 2, "ZEXA_BROKE_URL");
    ZexaClient *client = client_with("zx_sandbox_key", url, 0);
    ZexaClient *other;
    ZexaContact *contact = NULL;
    ZexaCredits *credits = NULL;
    ZexaMessage *message = NULL;
    ZexaContactPage *page = NULL;
    ZexaWebhookEvent *event = NULL;
    ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    ZexaSendMessage bad_sender = {sizeof(ZexaSendMessage), "sms", "+244912000009", "NOT_REGISTERED", "hi", NULL, 0};
    ZexaSendMessage ok_sender = {sizeof(ZexaSendMessage), "sms", "+244912000009", "ZEXA", "hi", NULL, 0};

    /* 401: a key the server refuses. */
    other = client_with("zx_wrong_key", url, 0);
    CHECK_STATUS(zexa_credits_get(other, &credits), ZEXA_UNAUTHORIZED);
    CHECK(credits == NULL);
    check_api_error(ZEXA_UNAUTHORIZED, 401, "unauthorized");
    zexa_client_free(other);

    /* 404. */
    CHECK_STATUS(zexa_contacts_get(client, "cnt_does_not_exist", &contact), ZEXA_NOT_FOUND);
    check_api_error(ZEXA_NOT_FOUND, 404, "not_found");
    CHECK(zexa_last_error_request_id() != NULL);

    /* A success clears the record. */
    CHECK_OK(zexa_credits_get(client, &credits));
    zexa_credits_free(credits);
    CHECK(zexa_last_error_status() == ZEXA_OK);
    CHECK(zexa_last_error_message() == NULL && zexa_last_error_http_status() == 0);

    /* 409: the same phone twice. */
    req.name = "Dup";
    req.phone = "+244912000008";
    CHECK_OK(zexa_contacts_create(client, &req, &contact));
    zexa_contact_free(contact);
    CHECK_STATUS(zexa_contacts_create(client, &req, &contact), ZEXA_CONFLICT);
    check_api_error(ZEXA_CONFLICT, 409, "conflict");

    /* 422 validation_error: a sender that is not registered. */
    CHECK_STATUS(zexa_messages_send(client, &bad_sender, &message), ZEXA_VALIDATION_ERROR);
    check_api_error(ZEXA_VALIDATION_ERROR, 422, "validation_error");
    CHECK(zexa_last_error_details_json() != NULL && zexa_last_error_details_json()[0] == '{');

    /* 422 insufficient_credits, on a sandbox without credits. */
    other = client_with("zx_sandbox_key", broke_url, 0);
    CHECK_STATUS(zexa_messages_send(other, &ok_sender, &message), ZEXA_INSUFFICIENT_CREDITS);
    check_api_error(ZEXA_INSUFFICIENT_CREDITS, 422, "insufficient_credits");
    zexa_client_free(other);

    /* Refused locally by the core: nothing sent. */
    req.phone = "0912345678";
    CHECK_STATUS(zexa_contacts_create(client, &req, &contact), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "phone");
    CHECK(zexa_last_error_http_status() == 0 && zexa_last_error_attempts() == 0);
    CHECK(zexa_last_error_code() == NULL);
    filters.per_page = 500;
    CHECK_STATUS(zexa_contacts_list(client, &filters, &page), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "per_page");
    CHECK_STATUS(zexa_contacts_delete_many(client, NULL, 0), ZEXA_INVALID_INPUT);

    /* Transport: nothing listens on port 1. */
    other = client_with("zx_sandbox_key", "http://127.0.0.1:1/v1", 0);
    CHECK_STATUS(zexa_credits_get(other, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(zexa_last_error_http_status() == 0 && zexa_last_error_attempts() == 1);
    CHECK(zexa_last_error_message() != NULL);
    zexa_client_free(other);

    /* Timeout: the sandbox never answers the next /credits call. */
    queue_fault(url, "{\"kind\":\"hang\",\"path\":\"/credits\"}");
    other = client_with("zx_sandbox_key", url, 500);
    CHECK_STATUS(zexa_credits_get(other, &credits), ZEXA_TIMEOUT);
    CHECK(zexa_last_error_attempts() == 1);
    zexa_client_free(other);

    /* 429 with a Retry-After longer than the client waits. */
    queue_fault(url, "{\"kind\":\"rate_limit\",\"retry_after\":120,\"path\":\"/credits\"}");
    CHECK_STATUS(zexa_credits_get(client, &credits), ZEXA_RATE_LIMITED);
    CHECK(zexa_last_error_http_status() == 429);
    CHECK(zexa_last_error_retry_after_ms() == 120000);

    /* 503 from a proxy: an HTML body, no JSON code. */
    queue_fault(url, "{\"kind\":\"status\",\"status\":503,\"json\":false,\"path\":\"/credits\"}");
    CHECK_STATUS(zexa_credits_get(client, &credits), ZEXA_SERVER_ERROR);
    check_api_error(ZEXA_SERVER_ERROR, 503, "http_503");
    CHECK(zexa_last_error_retry_after_ms() == -1);

    /* Decode: a webhook payload that is not an event. */
    CHECK_STATUS(zexa_webhook_event_parse((const uint8_t *)"nope", 4, &event), ZEXA_DECODE_ERROR);
    CHECK(event == NULL);

    /* Campaign wait gives up with ZEXA_TIMEOUT. */
    {
        ZexaCreateContactList list_req = {sizeof(ZexaCreateContactList), "Slow", NULL};
        ZexaContactList *list = NULL;
        ZexaCampaign *campaign = NULL, *done = NULL;
        ZexaCreateCampaign c = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
        const char *lists[1];
        req.name = "Slow";
        req.phone = "+244912000007";
        CHECK_OK(zexa_contact_lists_create(client, &list_req, &list));
        lists[0] = list->id;
        req.lists = lists;
        req.lists_len = 1;
        CHECK_OK(zexa_contacts_create(client, &req, &contact));
        c.name = "slow";
        c.channel = "sms";
        c.contact_list_id = list->id;
        c.sender_id = "ZEXA";
        c.body = "hi";
        c.scheduled_at = "2099-01-01T00:00:00Z";
        CHECK_OK(zexa_campaigns_create(client, &c, &campaign));
        CHECK_STATUS(zexa_campaigns_wait(client, campaign->id, 20, 100, NULL, NULL, &done), ZEXA_TIMEOUT);
        CHECK(done == NULL && zexa_last_error_attempts() >= 1);
        zexa_campaign_free(campaign);
        zexa_contact_free(contact);
        zexa_contact_list_free(list);
    }

    zexa_client_free(client);
    CHECK_DONE("test_errors");
}
