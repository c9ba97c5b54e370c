/* NULL and invalid UTF-8 arguments for every kind of entry point, and _free(NULL).
 * Needs no server: nothing may be sent. */
#include "check.h"

#define BAD_ARG(call) CHECK_STATUS(call, ZEXA_INVALID_ARGUMENT)

static const char bad_utf8[] = {'\xff', '\xfe', 'a', '\0'};

int main(void) {
    ZexaClient *client = NULL;
    ZexaClientBuilder *builder = NULL;
    ZexaContact *contact = (ZexaContact *)&client; /* not NULL: must be reset to NULL */
    ZexaContactPage *page = NULL;
    ZexaContactIter *iter = NULL;
    ZexaContactList *list = NULL;
    ZexaCampaign *campaign = NULL;
    ZexaMessage *message = NULL;
    ZexaUploadPreview *preview = NULL;
    ZexaImportResult *result = NULL;
    ZexaWebhook *webhook = NULL;
    ZexaWebhookEvent *event = NULL;
    ZexaCredits *credits = NULL;
    ZexaExport *export_ = NULL;
    char *text = NULL;
    const char *with_null[] = {"cnt_1", NULL};
    const char *with_bad[] = {bad_utf8};
    ZexaCreateContact create = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    ZexaCreateContactList list_req = ZEXA_STRUCT_INIT(ZexaCreateContactList);
    ZexaSendMessage msg = {sizeof(ZexaSendMessage), "sms", "+244912345678", "ZEXA", "hi", "{not json", 0};
    ZexaCreateCampaign camp = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    ZexaImportMapped mapped = ZEXA_STRUCT_INIT(ZexaImportMapped);
    ZexaCreateWebhook hook = ZEXA_STRUCT_INIT(ZexaCreateWebhook);

    /* Client creation. */
    BAD_ARG(zexa_client_new(NULL, NULL, &client));
    BAD_ARG(zexa_client_new("key", NULL, NULL));
    BAD_ARG(zexa_client_new(bad_utf8, NULL, &client));
    BAD_ARG(zexa_client_new("key", bad_utf8, &client));
    CHECK(client == NULL);
    CHECK(zexa_last_error_status() == ZEXA_INVALID_ARGUMENT);
    CHECK(strstr(zexa_last_error_message(), "UTF-8") != NULL);
    CHECK_STATUS(zexa_client_new("", NULL, &client), ZEXA_INVALID_INPUT);
    CHECK_STATUS(zexa_client_new("key", "http://example.com/v1", &client), ZEXA_INVALID_INPUT);
    BAD_ARG(zexa_client_builder_new(NULL, &builder));
    BAD_ARG(zexa_client_builder_set_base_url(NULL, "http://127.0.0.1:1/v1"));
    BAD_ARG(zexa_client_builder_set_timeout_ms(NULL, 1));
    BAD_ARG(zexa_client_builder_set_max_retries(NULL, 1));
    BAD_ARG(zexa_client_builder_set_app_info(NULL, "a", "b"));
    BAD_ARG(zexa_client_builder_add_root_certificate_pem(NULL, (const uint8_t *)"x", 1));
    BAD_ARG(zexa_client_builder_build(NULL, &client));
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    BAD_ARG(zexa_client_builder_set_base_url(builder, NULL));
    BAD_ARG(zexa_client_builder_set_app_info(builder, bad_utf8, NULL));
    BAD_ARG(zexa_client_builder_add_root_certificate_pem(builder, NULL, 10));
    BAD_ARG(zexa_client_builder_build(builder, NULL));
    CHECK_OK(zexa_client_builder_add_root_certificate_pem(builder, (const uint8_t *)"not pem", 7));
    CHECK_STATUS(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    zexa_client_builder_free(builder);
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    CHECK_OK(zexa_client_builder_set_timeout_ms(builder, 0));
    CHECK_STATUS(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    zexa_client_builder_free(builder);
    /* Idle-connection settings: range-checked by the core when the client is built. */
    BAD_ARG(zexa_client_builder_set_max_idle_connections(NULL, 1));
    BAD_ARG(zexa_client_builder_set_idle_timeout_ms(NULL, 1000));
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    CHECK_OK(zexa_client_builder_set_idle_timeout_ms(builder, 0));
    CHECK_STATUS(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    CHECK(strstr(zexa_last_error_message(), "idle_timeout") != NULL);
    CHECK_OK(zexa_client_builder_set_idle_timeout_ms(builder, 3600001));
    CHECK_STATUS(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    CHECK_OK(zexa_client_builder_set_idle_timeout_ms(builder, 3600000));
    CHECK_OK(zexa_client_builder_set_max_idle_connections(builder, 4097));
    CHECK_STATUS(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    CHECK(strstr(zexa_last_error_message(), "max_idle_connections") != NULL);
    CHECK_OK(zexa_client_builder_set_max_idle_connections(builder, 0));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_free(client);
    client = NULL;
    zexa_client_builder_free(builder);
    CHECK_OK(zexa_client_new("zx_sandbox_key", "http://127.0.0.1:1/v1", &client));

    /* Handle and out-pointer arguments. */
    BAD_ARG(zexa_contacts_get(NULL, "cnt_1", &contact));
    CHECK(contact == NULL);
    BAD_ARG(zexa_contacts_get(client, NULL, &contact));
    BAD_ARG(zexa_contacts_get(client, bad_utf8, &contact));
    BAD_ARG(zexa_contacts_get(client, "cnt_1", NULL));
    BAD_ARG(zexa_contacts_delete(client, NULL));
    BAD_ARG(zexa_credits_get(NULL, &credits));
    BAD_ARG(zexa_credits_get(client, NULL));

    /* Request structs: NULL struct, NULL required field, invalid UTF-8, bad arrays. */
    BAD_ARG(zexa_contacts_create(client, NULL, &contact));
    BAD_ARG(zexa_contacts_create(client, &create, &contact));
    create.name = "A";
    create.phone = bad_utf8;
    BAD_ARG(zexa_contacts_create(client, &create, &contact));
    create.phone = "+244912345678";
    create.lists_len = 2;
    BAD_ARG(zexa_contacts_create(client, &create, &contact));
    create.lists = with_null;
    BAD_ARG(zexa_contacts_create(client, &create, &contact));
    BAD_ARG(zexa_contacts_update(client, "cnt_1", NULL, &contact));
    BAD_ARG(zexa_contacts_delete_many(client, with_null, 2));
    BAD_ARG(zexa_contacts_delete_many(client, NULL, 3));
    BAD_ARG(zexa_contacts_delete_many(client, with_bad, 1));
    filters.valid = 7;
    BAD_ARG(zexa_contacts_list(client, &filters, &page));
    filters.valid = ZEXA_TRISTATE_UNSET;
    filters.name = bad_utf8;
    BAD_ARG(zexa_contacts_list(client, &filters, &page));
    BAD_ARG(zexa_contacts_list(client, NULL, NULL));
    BAD_ARG(zexa_contact_lists_create(client, &list_req, &list));
    BAD_ARG(zexa_contact_lists_add_contacts(client, NULL, 1, with_null, 1));
    BAD_ARG(zexa_contact_lists_remove_contacts(client, with_bad, 1, with_null, 1));
    BAD_ARG(zexa_contact_lists_members(client, NULL, NULL, &page));
    BAD_ARG(zexa_messages_send(client, &msg, &message));
    CHECK(strstr(zexa_last_error_message(), "template_json") != NULL);
    BAD_ARG(zexa_messages_get(client, NULL, &message));
    BAD_ARG(zexa_campaigns_create(client, &camp, &campaign));
    BAD_ARG(zexa_campaigns_get(client, NULL, &campaign));
    BAD_ARG(zexa_campaigns_wait(client, NULL, 10, 10, NULL, NULL, &campaign));
    BAD_ARG(zexa_contacts_upload(client, NULL, 5, "a.csv", &preview));
    BAD_ARG(zexa_contacts_upload(client, (const uint8_t *)"a", 1, NULL, &preview));
    BAD_ARG(zexa_contacts_upload_vcard(client, (const uint8_t *)"a", 1, bad_utf8, &preview));
    BAD_ARG(zexa_contacts_import_mapped(client, NULL, &result));
    mapped.upload_id = "upl_1";
    mapped.mapping_len = 1;
    BAD_ARG(zexa_contacts_import_mapped(client, &mapped, &result));
    BAD_ARG(zexa_contacts_import_vcard(client, NULL, &result));
    BAD_ARG(zexa_webhooks_create(client, &hook, &webhook));
    BAD_ARG(zexa_exports_get(client, NULL, &export_));
    BAD_ARG(zexa_request(client, NULL, "/credits", NULL, NULL, 0, NULL, &text));
    BAD_ARG(zexa_request(client, "GET", "/credits", NULL, NULL, 0, "{", &text));
    BAD_ARG(zexa_request(client, "GET", "/credits", with_null, with_null, 2, NULL, &text));
    CHECK_STATUS(zexa_request(client, "BREW", "/credits", NULL, NULL, 0, NULL, &text), ZEXA_INVALID_INPUT);
    CHECK_STATUS(zexa_request(client, "GET", "credits?x=1", NULL, NULL, 0, NULL, &text), ZEXA_INVALID_INPUT);
    CHECK(text == NULL);

    /* Iterators. */
    BAD_ARG(zexa_contact_iter_new(NULL, NULL, &iter));
    BAD_ARG(zexa_contact_iter_new(client, NULL, NULL));
    BAD_ARG(zexa_contact_iter_next(NULL, &contact));
    CHECK_OK(zexa_contact_iter_new(client, NULL, &iter));
    BAD_ARG(zexa_contact_iter_next(iter, NULL));
    /* The first fetch fails (nothing listens), once; then the iteration is over. */
    CHECK_STATUS(zexa_contact_iter_next(iter, &contact), ZEXA_TRANSPORT_ERROR);
    CHECK_OK(zexa_contact_iter_next(iter, &contact));
    CHECK(contact == NULL);
    zexa_contact_iter_free(iter);
    BAD_ARG(zexa_contact_list_iter_next(NULL, &list));
    BAD_ARG(zexa_campaign_iter_next(NULL, &campaign));
    BAD_ARG(zexa_sender_id_iter_new(NULL, NULL, NULL));

    /* Free functions. */
    BAD_ARG(zexa_to_e164(NULL, "244", &text));
    BAD_ARG(zexa_to_e164("0912345678", bad_utf8, &text));
    BAD_ARG(zexa_to_e164("0912345678", "244", NULL));
    CHECK_STATUS(zexa_to_e164("0912345678", NULL, &text), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "phone");
    CHECK(!zexa_is_e164(NULL));
    CHECK(!zexa_is_e164(bad_utf8));
    BAD_ARG(zexa_webhook_event_parse(NULL, 3, &event));
    BAD_ARG(zexa_webhook_event_parse((const uint8_t *)"{}", 2, NULL));
    CHECK_STATUS(zexa_webhook_event_parse(NULL, 0, &event), ZEXA_DECODE_ERROR);

    /* _free(NULL) is a no-op for every type. */
    zexa_client_free(NULL);
    zexa_client_builder_free(NULL);
    zexa_contact_free(NULL);
    zexa_contact_page_free(NULL);
    zexa_contact_iter_free(NULL);
    zexa_contact_list_free(NULL);
    zexa_contact_list_page_free(NULL);
    zexa_contact_list_iter_free(NULL);
    zexa_campaign_free(NULL);
    zexa_campaign_page_free(NULL);
    zexa_campaign_iter_free(NULL);
    zexa_message_free(NULL);
    zexa_sender_id_free(NULL);
    zexa_sender_id_page_free(NULL);
    zexa_sender_id_iter_free(NULL);
    zexa_webhook_free(NULL);
    zexa_webhook_event_free(NULL);
    zexa_credits_free(NULL);
    zexa_export_free(NULL);
    zexa_upload_preview_free(NULL);
    zexa_import_result_free(NULL);
    zexa_string_free(NULL);

    /* Pointers that are not live handles of their type are refused, not used: a block that
     * was never a handle, and a handle of another type. */
    {
        uint64_t never_created[8] = {0};
        ZexaClientBuilder *other = NULL;
        BAD_ARG(zexa_credits_get((const ZexaClient *)never_created, &credits));
        CHECK(strstr(zexa_last_error_message(), "live handle") != NULL);
        CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &other));
        BAD_ARG(zexa_credits_get((const ZexaClient *)other, &credits));
        zexa_client_free((ZexaClient *)other); /* not a client: ignored, not freed */
        CHECK_OK(zexa_client_builder_set_max_retries(other, 0)); /* still alive */
        zexa_client_builder_free(other);
        zexa_contact_iter_free((ZexaContactIter *)never_created); /* ignored */
    }

    zexa_client_free(client);
    CHECK_DONE("test_args");
}
