/* Every endpoint of the C API against a sandbox: argv[1] is its base URL. */
#include "check.h"

static ZexaClient *make_client(const char *base_url) {
    ZexaClientBuilder *builder = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    CHECK_OK(zexa_client_builder_set_base_url(builder, base_url));
    CHECK_OK(zexa_client_builder_set_timeout_ms(builder, 10000));
    CHECK_OK(zexa_client_builder_set_max_retries(builder, 1));
    CHECK_OK(zexa_client_builder_set_app_info(builder, "c-tests", "1.0"));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_builder_free(builder);
    return client;
}

static void test_helpers(void) {
    char *e164 = NULL;
    ZexaWebhookEvent *event = NULL;
    const char *payload =
        "{\"id\":\"evt_1\",\"type\":\"message.delivered\",\"created_at\":\"2026-06-24T10:00:00Z\","
        "\"data\":{\"message_id\":\"msg_1\",\"campaign_id\":null,\"status\":\"delivered\","
        "\"to\":\"+244912345678\",\"error\":null,\"attempt\":2},\"livemode\":false}";

    CHECK(strlen(zexa_version()) > 0);
    CHECK_STR(zexa_status_name(ZEXA_NOT_FOUND), "ZEXA_NOT_FOUND");
    CHECK_STR(zexa_status_name(999), "ZEXA_UNKNOWN_STATUS");
    CHECK_OK(zexa_to_e164("0912 345 678", "244", &e164));
    CHECK_STR(e164, "+244912345678");
    CHECK(zexa_is_e164(e164));
    CHECK(!zexa_is_e164("0912345678"));
    zexa_string_free(e164);
    CHECK_OK(zexa_to_e164("00351 912 345 678", NULL, &e164));
    CHECK_STR(e164, "+351912345678");
    zexa_string_free(e164);

    CHECK_OK(zexa_webhook_event_parse((const uint8_t *)payload, strlen(payload), &event));
    CHECK_STR(event->event_type, "message.delivered");
    CHECK_STR(event->message_id, "msg_1");
    CHECK(event->campaign_id == NULL);
    CHECK_STR(event->to, "+244912345678");
    CHECK(event->error_json == NULL);
    CHECK(strstr(event->data_extra_json, "\"attempt\":2") != NULL);
    CHECK(strstr(event->extra_json, "livemode") != NULL);
    zexa_webhook_event_free(event);
}

static void test_contacts(ZexaClient *client, char *ids_out[2]) {
    const char *keys[] = {"city", "plan"};
    const char *values[] = {"Luanda", "gold"};
    ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaUpdateContact changes = ZEXA_STRUCT_INIT(ZexaUpdateContact);
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    ZexaContact *maria = NULL, *joao = NULL, *got = NULL, *updated = NULL;
    ZexaContactPage *page = NULL;
    size_t i;

    req.name = "Maria Santos";
    req.phone = "+244912000001";
    req.email = "maria@example.com";
    req.custom_field_keys = keys;
    req.custom_field_values = values;
    req.custom_fields_len = 2;
    CHECK_OK(zexa_contacts_create(client, &req, &maria));
    CHECK(strncmp(maria->id, "cnt_", 4) == 0);
    CHECK_STR(maria->name, "Maria Santos");
    CHECK_STR(maria->email, "maria@example.com");
    CHECK(maria->custom_fields_len == 2);
    CHECK_STR(maria->custom_field_keys[0], "city");
    CHECK_STR(maria->custom_field_values[0], "Luanda");
    CHECK(maria->extra_json != NULL && maria->extra_json[0] == '{');

    req = (ZexaCreateContact)ZEXA_STRUCT_INIT(ZexaCreateContact);
    req.name = "João Silva";
    req.phone = "+244912000002";
    CHECK_OK(zexa_contacts_create(client, &req, &joao));
    CHECK(joao->email == NULL);

    CHECK_OK(zexa_contacts_get(client, maria->id, &got));
    CHECK_STR(got->phone, "+244912000001");
    zexa_contact_free(got);

    changes.name = "Maria S. Santos";
    CHECK_OK(zexa_contacts_update(client, maria->id, &changes, &updated));
    CHECK_STR(updated->name, "Maria S. Santos");
    CHECK_STR(updated->phone, "+244912000001");
    zexa_contact_free(updated);

    filters.name = "Maria";
    filters.per_page = 10;
    CHECK_OK(zexa_contacts_list(client, &filters, &page));
    CHECK(page->count == 1 && page->total == 1 && page->page == 1 && page->per_page == 10);
    CHECK_STR(page->items[0]->name, "Maria S. Santos");
    zexa_contact_page_free(page);

    CHECK_OK(zexa_contacts_list(client, NULL, &page));
    CHECK(page->count == 2 && page->total == 2);
    for (i = 0; i < page->count; i++) CHECK(page->items[i]->id != NULL);
    zexa_contact_page_free(page);

    /* Keep copies of the IDs: the contacts are freed here. */
    ids_out[0] = malloc(strlen(maria->id) + 1);
    ids_out[1] = malloc(strlen(joao->id) + 1);
    strcpy(ids_out[0], maria->id);
    strcpy(ids_out[1], joao->id);
    zexa_contact_free(maria);
    zexa_contact_free(joao);
}

static void test_lists(ZexaClient *client, char *ids[2], char **list_id_out) {
    ZexaCreateContactList req = {sizeof(ZexaCreateContactList), "VIP", "Best customers"};
    ZexaContactList *list = NULL, *item = NULL;
    ZexaContactListPage *lists = NULL;
    ZexaContactListIter *list_iter = NULL;
    ZexaContactPage *members = NULL;
    ZexaContactIter *member_iter = NULL;
    ZexaContact *member = NULL;
    ZexaListParams params = {sizeof(ZexaListParams), 1, 1};
    const char *list_ids[1];
    const char *contact_ids[2];
    int n = 0;

    CHECK_OK(zexa_contact_lists_create(client, &req, &list));
    CHECK(strncmp(list->id, "lst_", 4) == 0);
    CHECK_STR(list->description, "Best customers");
    list_ids[0] = list->id;
    contact_ids[0] = ids[0];
    contact_ids[1] = ids[1];
    CHECK_OK(zexa_contact_lists_add_contacts(client, list_ids, 1, contact_ids, 2));

    CHECK_OK(zexa_contact_lists_list(client, NULL, &lists));
    CHECK(lists->count == 1 && lists->total == 1);
    CHECK_STR(lists->items[0]->name, "VIP");
    zexa_contact_list_page_free(lists);

    CHECK_OK(zexa_contact_list_iter_new(client, NULL, &list_iter));
    for (;;) {
        CHECK_OK(zexa_contact_list_iter_next(list_iter, &item));
        if (item == NULL) break;
        n++;
        zexa_contact_list_free(item);
    }
    CHECK(n == 1);
    zexa_contact_list_iter_free(list_iter);

    CHECK_OK(zexa_contact_lists_members(client, list->id, &params, &members));
    CHECK(members->count == 1 && members->total == 2 && members->per_page == 1);
    zexa_contact_page_free(members);

    n = 0;
    CHECK_OK(zexa_contact_lists_members_iter_new(client, list->id, &params, &member_iter));
    for (;;) {
        CHECK_OK(zexa_contact_iter_next(member_iter, &member));
        if (member == NULL) break;
        n++;
        zexa_contact_free(member);
    }
    CHECK(n == 2);
    zexa_contact_iter_free(member_iter);

    CHECK_OK(zexa_contact_lists_remove_contacts(client, list_ids, 1, contact_ids + 1, 1));
    CHECK_OK(zexa_contact_lists_members(client, list->id, NULL, &members));
    CHECK(members->count == 1 && strcmp(members->items[0]->id, ids[0]) == 0);
    zexa_contact_page_free(members);

    *list_id_out = malloc(strlen(list->id) + 1);
    strcpy(*list_id_out, list->id);
    zexa_contact_list_free(list);
}

static void test_imports(ZexaClient *client, const char *list_id) {
    const char *csv = "Nome,Telefone,Email\nAna,+244923000001,ana@example.com\nRui,not-a-phone,\n";
    const char *vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carla Dias\r\nTEL:+244923000003\r\nEND:VCARD\r\n";
    const char *columns[] = {"Nome", "Telefone", "Email"};
    const char *fields[] = {"name", "phone", "email"};
    const char *lists[1];
    ZexaUploadPreview *preview = NULL;
    ZexaImportResult *result = NULL;
    ZexaImportMapped mapped = ZEXA_STRUCT_INIT(ZexaImportMapped);
    ZexaImportVcard vcard = ZEXA_STRUCT_INIT(ZexaImportVcard);
    ZexaExport *export_ = NULL, *again = NULL;
    ZexaCreateExport export_req = ZEXA_STRUCT_INIT(ZexaCreateExport);

    lists[0] = list_id;
    CHECK_OK(zexa_contacts_upload(client, (const uint8_t *)csv, strlen(csv), "people.csv", &preview));
    CHECK(strncmp(preview->upload_id, "upl_", 4) == 0);
    CHECK(preview->columns_len == 3);
    CHECK_STR(preview->columns[1], "Telefone");
    CHECK(preview->total_rows == 2);
    CHECK(preview->rows_len >= 1 && preview->rows[0]->len == 3);
    CHECK_STR(preview->rows[0]->items[0], "Ana");
    mapped.upload_id = preview->upload_id;
    mapped.columns = columns;
    mapped.fields = fields;
    mapped.mapping_len = 3;
    mapped.lists = lists;
    mapped.lists_len = 1;
    CHECK_OK(zexa_contacts_import_mapped(client, &mapped, &result));
    CHECK(result->imported == 1 && result->skipped == 1);
    CHECK(result->errors_len == 1 && result->errors[0]->row == 2);
    CHECK(result->errors[0]->error != NULL);
    zexa_import_result_free(result);
    zexa_upload_preview_free(preview);

    CHECK_OK(zexa_contacts_upload_vcard(client, (const uint8_t *)vcf, strlen(vcf), "people.vcf", &preview));
    vcard.upload_id = preview->upload_id;
    CHECK_OK(zexa_contacts_import_vcard(client, &vcard, &result));
    CHECK(result->imported == 1 && result->skipped == 0);
    zexa_import_result_free(result);
    zexa_upload_preview_free(preview);

    export_req.list_id = list_id;
    CHECK_OK(zexa_contacts_export(client, &export_req, &export_));
    CHECK(strncmp(export_->id, "exp_", 4) == 0);
    CHECK_OK(zexa_exports_get(client, export_->id, &again));
    CHECK_STR(again->id, export_->id);
    CHECK(again->status != NULL);
    zexa_export_free(again);
    zexa_export_free(export_);
    CHECK_OK(zexa_contacts_export(client, NULL, &export_));
    zexa_export_free(export_);
}

static void test_senders_webhooks_credits(ZexaClient *client) {
    ZexaSenderIdPage *senders = NULL;
    ZexaSenderIdIter *iter = NULL;
    ZexaSenderId *sender = NULL;
    const char *events[] = {"message.delivered", "campaign.completed"};
    ZexaCreateWebhook hook = {sizeof(ZexaCreateWebhook), "http://127.0.0.1:9/hook", events, 2};
    ZexaWebhook *webhook = NULL;
    ZexaCredits *credits = NULL;
    char *json = NULL;
    const char *qk[] = {"per_page"};
    const char *qv[] = {"1"};
    int n = 0;

    CHECK_OK(zexa_sender_ids_list(client, NULL, &senders));
    CHECK(senders->count >= 2);
    CHECK(senders->items[0]->name != NULL && senders->items[0]->status != NULL);
    zexa_sender_id_page_free(senders);
    CHECK_OK(zexa_sender_id_iter_new(client, NULL, &iter));
    for (;;) {
        CHECK_OK(zexa_sender_id_iter_next(iter, &sender));
        if (sender == NULL) break;
        n++;
        zexa_sender_id_free(sender);
    }
    CHECK(n >= 2);
    zexa_sender_id_iter_free(iter);

    CHECK_OK(zexa_webhooks_create(client, &hook, &webhook));
    CHECK(strncmp(webhook->id, "wh_", 3) == 0);
    CHECK(webhook->events_len == 2);
    CHECK_STR(webhook->events[1], "campaign.completed");
    zexa_webhook_free(webhook);

    CHECK_OK(zexa_credits_get(client, &credits));
    CHECK(credits->balance > 0);
    CHECK(credits->currency != NULL);
    zexa_credits_free(credits);

    CHECK_OK(zexa_request(client, "GET", "/credits", NULL, NULL, 0, NULL, &json));
    CHECK(strstr(json, "\"balance\"") != NULL);
    zexa_string_free(json);
    CHECK_OK(zexa_request(client, "get", "/sender-ids", qk, qv, 1, NULL, &json));
    CHECK(strstr(json, "\"per_page\":1") != NULL);
    zexa_string_free(json);
    CHECK_OK(zexa_request(client, "POST", "/contacts/list", NULL, NULL, 0, "{\"name\":\"raw\"}", &json));
    CHECK(strstr(json, "\"lst_") != NULL);
    zexa_string_free(json);
}

static int progress_calls = 0;

static int on_progress(const ZexaCampaign *campaign, void *userdata) {
    CHECK(userdata == (void *)&progress_calls);
    CHECK(campaign->id != NULL && campaign->status != NULL);
    progress_calls++;
    return 0;
}

static void test_messages_campaigns(ZexaClient *client, const char *list_id) {
    ZexaSendMessage msg = {sizeof(ZexaSendMessage), "sms", "+244912000001", "ZEXA", "Olá!", NULL, 0};
    ZexaMessage *sent = NULL, *got = NULL;
    ZexaCreateCampaign req = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    ZexaCampaign *campaign = NULL, *done = NULL, *item = NULL;
    ZexaCampaignPage *page = NULL;
    ZexaCampaignIter *iter = NULL;
    int n = 0;

    CHECK_OK(zexa_messages_send(client, &msg, &sent));
    CHECK(strncmp(sent->id, "msg_", 4) == 0);
    CHECK_STR(sent->channel, "sms");
    CHECK_STR(sent->to, "+244912000001");
    CHECK_OK(zexa_messages_get(client, sent->id, &got));
    CHECK_STR(got->id, sent->id);
    zexa_message_free(got);
    zexa_message_free(sent);

    req.name = "Launch";
    req.channel = "sms";
    req.contact_list_id = list_id;
    req.sender_id = "ZEXA";
    req.body = "Promo!";
    CHECK_OK(zexa_campaigns_create(client, &req, &campaign));
    CHECK(strncmp(campaign->id, "cmp_", 4) == 0);
    CHECK(campaign->total_recipients >= 1);
    CHECK_OK(zexa_campaigns_wait(client, campaign->id, 50, 20000, on_progress, &progress_calls, &done));
    CHECK(done->is_final);
    CHECK_STR(done->status, "completed");
    CHECK(done->delivered >= 0 && done->failed >= 0);
    CHECK((uint64_t)(done->delivered + done->failed) == done->total_recipients);
    CHECK(progress_calls >= 1);
    zexa_campaign_free(done);

    CHECK_OK(zexa_campaigns_get(client, campaign->id, &done));
    CHECK(done->completed_at != NULL);
    zexa_campaign_free(done);
    CHECK_OK(zexa_campaigns_wait(client, campaign->id, 0, 0, NULL, NULL, &done));
    zexa_campaign_free(done);

    CHECK_OK(zexa_campaigns_list(client, NULL, &page));
    CHECK(page->count == 1);
    CHECK_STR(page->items[0]->id, campaign->id);
    zexa_campaign_page_free(page);
    CHECK_OK(zexa_campaign_iter_new(client, NULL, &iter));
    for (;;) {
        CHECK_OK(zexa_campaign_iter_next(iter, &item));
        if (item == NULL) break;
        n++;
        zexa_campaign_free(item);
    }
    CHECK(n == 1);
    zexa_campaign_iter_free(iter);
    zexa_campaign_free(campaign);
}

static void test_deletes(ZexaClient *client, char *ids[2]) {
    const char *both[2];
    ZexaContact *gone = NULL;
    both[0] = ids[0];
    both[1] = ids[1];
    CHECK_OK(zexa_contacts_delete(client, ids[0]));
    CHECK_STATUS(zexa_contacts_get(client, ids[0], &gone), ZEXA_NOT_FOUND);
    CHECK(gone == NULL);
    CHECK_OK(zexa_contacts_delete_many(client, both + 1, 1));
    CHECK_STATUS(zexa_contacts_get(client, ids[1], &gone), ZEXA_NOT_FOUND);
}

int main(int argc, char **argv) {
    ZexaClient *client = make_client(check_arg(argc, argv, 1, "ZEXA_BASE_URL"));
    char *ids[2];
    char *list_id = NULL;

    test_helpers();
    test_contacts(client, ids);
    test_lists(client, ids, &list_id);
    test_imports(client, list_id);
    test_senders_webhooks_credits(client);
    test_messages_campaigns(client, list_id);
    test_deletes(client, ids);
    free(ids[0]);
    free(ids[1]);
    free(list_id);
    zexa_client_free(client);
    CHECK_DONE("test_endpoints");
}
