/* quickstart.c: the Zexa quickstart in C.
 *
 * Creates two contacts (one from a local number via zexa_to_e164), a list with both, shows
 * the list, sends a message, launches a campaign to the list, waits for it to complete, and
 * prints the credit balance.
 *
 *   ZEXA_BASE_URL  API root (default https://api.zexa.ao/v1; a sandbox: http://127.0.0.1:PORT/v1)
 *   ZEXA_API_KEY   API key (default zx_sandbox_key, the sandbox's)
 *
 * Build: cc -std=c99 quickstart.c $(pkg-config --cflags --libs zexa) -o quickstart
 */
#include <stdio.h>
#include <stdlib.h>

#include "zexa.h"

/* Prints the last error of a failed call and exits. */
static void fail(const char *what, ZexaStatus status) {
    const char *message = zexa_last_error_message();
    fprintf(stderr, "%s failed: %s (HTTP %u): %s\n", what, zexa_status_name(status),
            (unsigned)zexa_last_error_http_status(), message ? message : "");
    exit(1);
}

#define TRY(what, call)                         \
    do {                                        \
        ZexaStatus try_status_ = (call);       \
        if (try_status_ != ZEXA_OK) fail(what, try_status_); \
    } while (0)

/* Called after every poll of the wait; returning non-zero would stop it (ZEXA_CANCELLED). */
static int on_progress(const ZexaCampaign *campaign, void *userdata) {
    (void)userdata;
    printf("  campaign %s: %s (delivered %lld, failed %lld)\n", campaign->id, campaign->status,
           (long long)campaign->delivered, (long long)campaign->failed);
    return 0;
}

/* Creates a contact, or returns the one that already has its phone number: sending a create
 * again is safe (ZEXA_CONFLICT), and a second run of this program finds what the first made. */
static ZexaStatus create_or_find(ZexaClient *client, const ZexaCreateContact *req, ZexaContact **out) {
    ZexaListContacts by_phone = ZEXA_STRUCT_INIT(ZexaListContacts);
    ZexaContactPage *page = NULL;
    ZexaStatus status = zexa_contacts_create(client, req, out);
    if (status != ZEXA_CONFLICT) return status;
    by_phone.phone = req->phone;
    status = zexa_contacts_list(client, &by_phone, &page);
    if (status == ZEXA_OK) {
        status = page->count > 0 ? zexa_contacts_get(client, page->items[0]->id, out) : ZEXA_CONFLICT;
    }
    zexa_contact_page_free(page);
    return status;
}

int main(void) {
    const char *base_url = getenv("ZEXA_BASE_URL");
    const char *api_key = getenv("ZEXA_API_KEY");
    ZexaClient *client = NULL;
    ZexaContact *maria = NULL, *joao = NULL;
    ZexaCreateContact contact = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaCreateContactList list_req = {sizeof(ZexaCreateContactList), "Quickstart", "Contacts of the C quickstart"};
    ZexaContactList *list = NULL;
    ZexaContactPage *members = NULL;
    ZexaSendMessage sms = ZEXA_STRUCT_INIT(ZexaSendMessage);
    ZexaMessage *message = NULL;
    ZexaCreateCampaign campaign_req = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    ZexaCampaign *campaign = NULL, *done = NULL;
    ZexaCampaignPreview *preview = NULL;
    ZexaCredits *credits = NULL;
    const char *list_ids[1];
    const char *contact_ids[2];
    char *phone = NULL;
    size_t i;

    TRY("zexa_client_new", zexa_client_new(api_key ? api_key : "zx_sandbox_key", base_url, &client));
    printf("libzexa %s\n", zexa_version());

    /* Contacts: one already in E.164, one written the local way. */
    contact.name = "Maria Santos";
    contact.phone = "+244912345678";
    contact.email = "maria@example.com";
    TRY("create Maria", create_or_find(client, &contact, &maria));
    TRY("zexa_to_e164", zexa_to_e164("0923 456 789", "244", &phone));
    contact.name = "João Silva";
    contact.phone = phone;
    contact.email = NULL;
    TRY("create João", create_or_find(client, &contact, &joao));
    printf("contacts: %s %s, %s %s\n", maria->id, maria->phone, joao->id, joao->phone);

    /* A list with both. */
    TRY("create list", zexa_contact_lists_create(client, &list_req, &list));
    list_ids[0] = list->id;
    contact_ids[0] = maria->id;
    contact_ids[1] = joao->id;
    TRY("add contacts", zexa_contact_lists_add_contacts(client, list_ids, 1, contact_ids, 2));
    TRY("list members", zexa_contact_lists_members(client, list->id, NULL, &members));
    printf("list %s (%s): %llu member(s)\n", list->id, list->name, (unsigned long long)members->total);
    for (i = 0; i < members->count; i++) {
        printf("  - %s %s\n", members->items[i]->name, members->items[i]->phone);
    }

    /* One message. */
    sms.channel = "sms";
    sms.to = maria->phone;
    sms.from = "ZEXA";
    sms.body = "Olá Maria!";
    TRY("send message", zexa_messages_send(client, &sms, &message));
    printf("message %s: %s\n", message->id, message->status);

    /* A campaign to the list: previewed (recipients, SMS segments), created, waited for.
     * "Promoção" is UCS-2 (ç and ã are not in GSM-7): 70 characters a segment, not 160. */
    TRY("preview campaign", zexa_campaigns_preview(client, list->id, "sms", "Promoção de hoje!", &preview));
    printf("preview: %llu recipient(s) x %lld %s segment(s) = %lld segment(s)\n",
           (unsigned long long)preview->recipients, (long long)preview->segments_per_message,
           preview->sms->encoding_name, (long long)preview->total_segments);
    campaign_req.max_segments = 1;
    campaign_req.name = "Quickstart campaign";
    campaign_req.channel = "sms";
    campaign_req.contact_list_id = list->id;
    campaign_req.sender_id = "ZEXA";
    campaign_req.body = "Promoção de hoje!";
    TRY("create campaign", zexa_campaigns_create(client, &campaign_req, &campaign));
    printf("campaign %s: %s, %llu recipient(s)\n", campaign->id, campaign->status,
           (unsigned long long)campaign->total_recipients);
    TRY("wait for campaign",
        zexa_campaigns_wait(client, campaign->id, 200, 60000, on_progress, NULL, &done));
    printf("campaign %s: delivered %lld, failed %lld\n", done->status, (long long)done->delivered,
           (long long)done->failed);

    TRY("credits", zexa_credits_get(client, &credits));
    printf("credits: %.2f %s\n", credits->balance, credits->currency);

    zexa_credits_free(credits);
    zexa_campaign_free(done);
    zexa_campaign_free(campaign);
    zexa_campaign_preview_free(preview);
    zexa_message_free(message);
    zexa_contact_page_free(members);
    zexa_contact_list_free(list);
    zexa_contact_free(joao);
    zexa_contact_free(maria);
    zexa_string_free(phone);
    zexa_client_free(client);
    return 0;
}
