/* SMS segments, smart encoding, max_segments and the campaign preview.
 * argv[1]: sandbox base URL (.../v1). */
#include "check.h"

static ZexaClient *client_at(const char *url) {
    ZexaClientBuilder *builder = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    CHECK_OK(zexa_client_builder_set_base_url(builder, url));
    CHECK_OK(zexa_client_builder_set_max_retries(builder, 0));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_builder_free(builder);
    return client;
}

/* How many API requests the sandbox has served (GET /_sandbox/stats, outside /v1). */
static unsigned long long served(const char *v1_url) {
    char root[256];
    size_t n = strlen(v1_url);
    ZexaClient *admin;
    char *answer = NULL;
    const char *at;
    unsigned long long requests = 0;
    CHECK(n > 3 && n < sizeof root && strcmp(v1_url + n - 3, "/v1") == 0);
    memcpy(root, v1_url, n - 3);
    root[n - 3] = '\0';
    admin = client_at(root);
    CHECK_OK(zexa_request(admin, "GET", "/_sandbox/stats", NULL, NULL, 0, NULL, &answer));
    at = strstr(answer, "\"requests\":");
    CHECK(at != NULL && sscanf(at + strlen("\"requests\":"), "%llu", &requests) == 1);
    zexa_string_free(answer);
    zexa_client_free(admin);
    return requests;
}

/* `count` copies of `unit` followed by `tail`, in `buf`. */
static const char *repeat(char *buf, size_t size, const char *unit, int count, const char *tail) {
    size_t len = strlen(unit), at = 0;
    int i;
    for (i = 0; i < count; i++) {
        CHECK(at + len < size);
        memcpy(buf + at, unit, len);
        at += len;
    }
    CHECK(at + strlen(tail) < size);
    strcpy(buf + at, tail);
    return buf;
}

static void check_segments(const char *text, ZexaSmsEncoding encoding, uint32_t segments, size_t units,
                           uint32_t per_segment) {
    ZexaSmsSegments *s = NULL;
    CHECK_OK(zexa_sms_segments(text, &s));
    CHECK(s->encoding == encoding);
    CHECK_STR(s->encoding_name, encoding == ZEXA_SMS_GSM7 ? "GSM-7" : "UCS-2");
    CHECK(s->segments == segments);
    CHECK(s->units == units);
    CHECK(s->per_segment == per_segment);
    CHECK((s->unicode_characters_len == 0) == (encoding == ZEXA_SMS_GSM7));
    zexa_sms_segments_free(s);
}

static void test_calculator(void) {
    char buf[2048];
    ZexaSmsSegments *s = NULL;

    check_segments("", ZEXA_SMS_GSM7, 0, 0, 160);
    check_segments(repeat(buf, sizeof buf, "a", 160, ""), ZEXA_SMS_GSM7, 1, 160, 160);
    check_segments(repeat(buf, sizeof buf, "a", 161, ""), ZEXA_SMS_GSM7, 2, 161, 153);
    check_segments(repeat(buf, sizeof buf, "a", 307, ""), ZEXA_SMS_GSM7, 3, 307, 153);
    /* 160 characters, 161 septets: the euro sign is escaped. */
    check_segments(repeat(buf, sizeof buf, "a", 159, "\xe2\x82\xac"), ZEXA_SMS_GSM7, 2, 161, 153);
    check_segments(repeat(buf, sizeof buf, "a", 69, "\xc3\xa3"), ZEXA_SMS_UCS2, 1, 70, 70);
    check_segments(repeat(buf, sizeof buf, "a", 70, "\xc3\xa3"), ZEXA_SMS_UCS2, 2, 71, 67);
    /* An emoji (a surrogate pair) is never split: 66 units, then it starts part 2. */
    repeat(buf, sizeof buf, "a", 65, "\xc3\xa3\xf0\x9f\x98\x80");
    strcat(buf, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); /* 66 */
    check_segments(buf, ZEXA_SMS_UCS2, 3, 134, 67);

    CHECK_OK(zexa_sms_segments("Informa\xc3\xa7\xc3\xa3o: a sua encomenda chegou", &s));
    CHECK(s->encoding == ZEXA_SMS_UCS2 && s->segments == 1 && s->units == 34);
    CHECK(s->unicode_characters_len == 2);
    CHECK_STR(s->unicode_characters[0]->character, "\xc3\xa7");
    CHECK(s->unicode_characters[0]->char_index == 7 && s->unicode_characters[0]->byte_offset == 7);
    CHECK_STR(s->unicode_characters[1]->character, "\xc3\xa3");
    CHECK(s->unicode_characters[1]->char_index == 8 && s->unicode_characters[1]->byte_offset == 9);
    zexa_sms_segments_free(s);

    s = (ZexaSmsSegments *)&s; /* must be reset to NULL on failure */
    CHECK_STATUS(zexa_sms_segments(NULL, &s), ZEXA_INVALID_ARGUMENT);
    CHECK(s == NULL);
    CHECK_STATUS(zexa_sms_segments("\xff", &s), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_sms_segments("hi", NULL), ZEXA_INVALID_ARGUMENT);
    zexa_sms_segments_free(NULL);
}

static void test_smart_encode(void) {
    ZexaSmsSmartEncoded *e = NULL;
    /* Curly quotes, an en dash and an ellipsis: look-alikes; the accented letters stay. */
    const char *text = "\xe2\x80\x9cInforma\xc3\xa7\xc3\xa3o\xe2\x80\x9d \xe2\x80\x93 ok\xe2\x80\xa6";

    CHECK_OK(zexa_sms_smart_encode(text, false, &e));
    CHECK_STR(e->text, "\"Informa\xc3\xa7\xc3\xa3o\" - ok...");
    CHECK(e->replacements_len == 4);
    CHECK_STR(e->replacements[0]->original, "\xe2\x80\x9c");
    CHECK_STR(e->replacements[0]->replacement, "\"");
    CHECK(e->replacements[0]->byte_offset == 0 && e->replacements[0]->char_index == 0);
    CHECK_STR(e->replacements[3]->replacement, "...");
    zexa_sms_smart_encoded_free(e);

    CHECK_OK(zexa_sms_smart_encode(text, true, &e));
    CHECK_STR(e->text, "\"Informacao\" - ok...");
    CHECK(e->replacements_len == 6);
    zexa_sms_smart_encoded_free(e);

    CHECK_OK(zexa_sms_smart_encode("plain", true, &e));
    CHECK_STR(e->text, "plain");
    CHECK(e->replacements_len == 0 && e->replacements == NULL);
    zexa_sms_smart_encoded_free(e);

    CHECK_STATUS(zexa_sms_smart_encode(NULL, false, &e), ZEXA_INVALID_ARGUMENT);
    CHECK(e == NULL);
    zexa_sms_smart_encoded_free(NULL);
}

static void test_max_segments(ZexaClient *client, const char *url, const char *list_id) {
    char body[512];
    ZexaSendMessage msg = ZEXA_STRUCT_INIT(ZexaSendMessage);
    ZexaCreateCampaign camp = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    ZexaMessage *sent = NULL;
    ZexaCampaign *campaign = NULL;
    unsigned long long before;

    repeat(body, sizeof body, "a", 160, "\xc3\xa7"); /* 161 UTF-16 units: 3 segments */
    msg.channel = "sms";
    msg.to = "+244912000101";
    msg.from = "ZEXA";
    msg.body = body;
    msg.max_segments = 2;
    before = served(url);
    CHECK_STATUS(zexa_messages_send(client, &msg, &sent), ZEXA_INVALID_INPUT);
    CHECK(sent == NULL);
    CHECK_STR(zexa_last_error_field(), "body");
    CHECK(strstr(zexa_last_error_message(), "3 SMS segments in UCS-2") != NULL);
    CHECK(strstr(zexa_last_error_message(), "\"\xc3\xa7\" at character 160") != NULL);
    CHECK(zexa_last_error_attempts() == 0);

    camp.name = "Too long";
    camp.channel = "sms";
    camp.contact_list_id = list_id;
    camp.sender_id = "ZEXA";
    camp.body = body;
    camp.max_segments = 1;
    CHECK_STATUS(zexa_campaigns_create(client, &camp, &campaign), ZEXA_INVALID_INPUT);
    CHECK(campaign == NULL);
    CHECK(strstr(zexa_last_error_message(), "more than max_segments 1") != NULL);
    CHECK(served(url) == before); /* nothing was sent (admin requests are not counted) */

    /* Within the limit (0 is no limit): sent. */
    msg.max_segments = 3;
    CHECK_OK(zexa_messages_send(client, &msg, &sent));
    zexa_message_free(sent);
    msg.max_segments = 0;
    CHECK_OK(zexa_messages_send(client, &msg, &sent));
    zexa_message_free(sent);
}

static void test_preview(ZexaClient *client, const char *url, const char *list_id) {
    ZexaCampaignPreview *p = NULL;
    unsigned long long before = served(url);

    CHECK_OK(zexa_campaigns_preview(client, list_id, "sms", "Informa\xc3\xa7\xc3\xa3o: a sua encomenda chegou", &p));
    CHECK(served(url) == before + 1); /* ONE page request of the members */
    CHECK_STR(p->contact_list_id, list_id);
    CHECK_STR(p->channel, "sms");
    CHECK(p->recipients == 2);
    CHECK(p->sms != NULL && p->sms->encoding == ZEXA_SMS_UCS2 && p->sms->segments == 1);
    CHECK(p->sms->unicode_characters_len == 2);
    CHECK(p->segments_per_message == 1 && p->total_segments == 2);
    zexa_campaign_preview_free(p);

    CHECK_OK(zexa_campaigns_preview(client, list_id, "email", "Hello", &p));
    CHECK(p->recipients == 2 && p->sms == NULL);
    CHECK(p->segments_per_message == -1 && p->total_segments == -1);
    zexa_campaign_preview_free(p);

    CHECK_STATUS(zexa_campaigns_preview(client, "lst_missing", "sms", "hi", &p), ZEXA_NOT_FOUND);
    CHECK(p == NULL);
    CHECK_STATUS(zexa_campaigns_preview(client, list_id, "sms", "", &p), ZEXA_INVALID_INPUT);
    CHECK_STATUS(zexa_campaigns_preview(client, NULL, "sms", "hi", &p), ZEXA_INVALID_ARGUMENT);
    zexa_campaign_preview_free(NULL);
}

int main(int argc, char **argv) {
    const char *url = check_arg(argc, argv, 1, "ZEXA_BASE_URL");
    ZexaClient *client = client_at(url);
    ZexaCreateContactList list_req = ZEXA_STRUCT_INIT(ZexaCreateContactList);
    ZexaContactList *list = NULL;
    ZexaCreateContact contact = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaContact *a = NULL, *b = NULL;
    const char *list_ids[1];
    const char *contact_ids[2];

    test_calculator();
    test_smart_encode();

    list_req.name = "SMS preview";
    CHECK_OK(zexa_contact_lists_create(client, &list_req, &list));
    contact.name = "Maria";
    contact.phone = "+244912000201";
    CHECK_OK(zexa_contacts_create(client, &contact, &a));
    contact.name = "Jo\xc3\xa3o";
    contact.phone = "+244912000202";
    CHECK_OK(zexa_contacts_create(client, &contact, &b));
    list_ids[0] = list->id;
    contact_ids[0] = a->id;
    contact_ids[1] = b->id;
    CHECK_OK(zexa_contact_lists_add_contacts(client, list_ids, 1, contact_ids, 2));

    test_max_segments(client, url, list->id);
    test_preview(client, url, list->id);

    zexa_contact_free(a);
    zexa_contact_free(b);
    zexa_contact_list_free(list);
    zexa_client_free(client);
    CHECK_DONE("test_sms");
}
