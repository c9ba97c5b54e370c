/* Iteration over 250 contacts (argv[1]: a sandbox started with --seed-contacts 250). */
#include "check.h"

static size_t count_all(ZexaClient *client, const ZexaListContacts *filters) {
    ZexaContactIter *iter = NULL;
    ZexaContact *contact = NULL;
    size_t n = 0;
    CHECK_OK(zexa_contact_iter_new(client, filters, &iter));
    for (;;) {
        CHECK_OK(zexa_contact_iter_next(iter, &contact));
        if (contact == NULL) break;
        CHECK(strncmp(contact->id, "cnt_", 4) == 0 && zexa_is_e164(contact->phone));
        n++;
        zexa_contact_free(contact);
    }
    /* After the end, still the end. */
    CHECK_OK(zexa_contact_iter_next(iter, &contact));
    CHECK(contact == NULL);
    zexa_contact_iter_free(iter);
    return n;
}

int main(int argc, char **argv) {
    ZexaClient *client = NULL;
    ZexaListContacts filters = ZEXA_STRUCT_INIT(ZexaListContacts);
    ZexaContactPage *page = NULL;
    ZexaContactIter *iter = NULL;
    ZexaContact *contact = NULL;

    CHECK_OK(zexa_client_new("zx_sandbox_key", check_arg(argc, argv, 1, "ZEXA_BASE_URL"), &client));
    filters.per_page = 100;
    CHECK_OK(zexa_contacts_list(client, &filters, &page));
    CHECK(page->count == 100 && page->total == 250);
    zexa_contact_page_free(page);
    filters.page = 3;
    CHECK_OK(zexa_contacts_list(client, &filters, &page));
    CHECK(page->count == 50 && page->page == 3);
    zexa_contact_page_free(page);

    CHECK(count_all(client, NULL) == 250);   /* 5 pages of 50 */
    filters.page = 0;
    CHECK(count_all(client, &filters) == 250); /* 3 pages of 100 */
    filters.page = 2;
    CHECK(count_all(client, &filters) == 150); /* from page 2 on */

    /* An iterator freed half-way leaks nothing. */
    CHECK_OK(zexa_contact_iter_new(client, NULL, &iter));
    CHECK_OK(zexa_contact_iter_next(iter, &contact));
    CHECK(contact != NULL);
    zexa_contact_free(contact);
    zexa_contact_iter_free(iter);

    zexa_client_free(client);
    CHECK_DONE("test_iter");
}
