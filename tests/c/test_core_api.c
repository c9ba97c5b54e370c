/* The core's per-call options, response metadata, clearing fields on update, and export wait
 * and download, through the C API. argv[1]: a sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <unistd.h>

#include "check.h"

static void test_options(ZexaClient *client) {
    ZexaRequestOptions *options = NULL, *bad = NULL;
    ZexaClient *scoped = NULL, *refused = (ZexaClient *)&options;
    ZexaContactPage *page = NULL;
    ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaContact *a = NULL, *b = NULL;

    req.name = "Opt A";
    req.phone = "+244936000001";
    CHECK_OK(zexa_contacts_create(client, &req, &a));
    req.name = "Opt B";
    req.phone = "+244936000002";
    CHECK_OK(zexa_contacts_create(client, &req, &b));

    CHECK_OK(zexa_request_options_new(&options));
    CHECK_OK(zexa_request_options_set_timeout_ms(options, 5000));
    CHECK_OK(zexa_request_options_set_max_retries(options, 0));
    CHECK_OK(zexa_request_options_set_total_timeout_ms(options, 10000));
    CHECK_OK(zexa_request_options_add_header(options, "X-Trace", "abc"));
    CHECK_OK(zexa_request_options_add_query(options, "phone", "+244936000001")); /* on every request */
    CHECK_OK(zexa_client_with_options(client, options, &scoped));
    zexa_request_options_free(options); /* the derived client keeps its own copy */
    CHECK_OK(zexa_contacts_list(scoped, NULL, &page));
    CHECK(page->count == 1 && page->total == 1);
    CHECK_STR(page->items[0]->name, "Opt A");
    zexa_contact_page_free(page);
    zexa_client_free(scoped);
    CHECK_OK(zexa_contacts_list(client, NULL, &page)); /* the original is unchanged */
    CHECK(page->count >= 2);
    zexa_contact_page_free(page);

    /* Refused by the core: a header the library owns, a zero timeout. */
    CHECK_OK(zexa_request_options_new(&bad));
    CHECK_OK(zexa_request_options_add_header(bad, "Authorization", "Bearer other"));
    CHECK_STATUS(zexa_client_with_options(client, bad, &refused), ZEXA_INVALID_INPUT);
    CHECK(refused == NULL);
    zexa_request_options_free(bad);
    CHECK_OK(zexa_request_options_new(&bad));
    CHECK_OK(zexa_request_options_set_timeout_ms(bad, 0));
    CHECK_STATUS(zexa_client_with_options(client, bad, &refused), ZEXA_INVALID_INPUT);
    zexa_request_options_free(bad);
    zexa_request_options_free(bad); /* freed twice: ignored */
    CHECK_STATUS(zexa_request_options_set_max_retries(bad, 1), ZEXA_INVALID_ARGUMENT);

    zexa_contact_free(a);
    zexa_contact_free(b);
}

static void test_last_response(ZexaClient *client) {
    ZexaCredits *credits = NULL;
    ZexaContact *missing = NULL;
    const char *name = NULL, *value = NULL, *id;
    size_t i, count;
    int saw_request_id = 0;

    CHECK_OK(zexa_credits_get(client, &credits));
    CHECK(zexa_last_response_status() == 200);
    CHECK(zexa_last_response_attempts() == 1);
    id = zexa_last_response_request_id();
    CHECK(id != NULL && strncmp(id, "req_", 4) == 0);
    CHECK_STR(zexa_last_response_header("x-request-id"), id);
    CHECK_STR(zexa_last_response_header("X-Request-ID"), id); /* without case */
    CHECK(zexa_last_response_header("x-not-there") == NULL);
    CHECK(zexa_last_response_header(NULL) == NULL);
    count = zexa_last_response_header_count();
    CHECK(count >= 1);
    for (i = 0; i < count; i++) {
        CHECK(zexa_last_response_header_at(i, &name, &value));
        CHECK(name != NULL && value != NULL);
        saw_request_id |= strcmp(name, "x-request-id") == 0;
    }
    CHECK(saw_request_id);
    CHECK(!zexa_last_response_header_at(count, &name, &value) && name == NULL && value == NULL);
    zexa_credits_free(credits);

    /* A failed call leaves no last response. */
    CHECK_STATUS(zexa_contacts_get(client, "cnt_missing", &missing), ZEXA_NOT_FOUND);
    CHECK(zexa_last_response_status() == 0 && zexa_last_response_request_id() == NULL);
    CHECK(zexa_last_response_header_count() == 0);
}

static void test_clear(ZexaClient *client) {
    const char *keys[] = {"city"}, *values[] = {"Luanda"};
    ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
    ZexaUpdateContact changes = ZEXA_STRUCT_INIT(ZexaUpdateContact);
    ZexaContact *c = NULL, *updated = NULL;

    req.name = "Clear Me";
    req.phone = "+244936000010";
    req.email = "clear@example.com";
    req.custom_field_keys = keys;
    req.custom_field_values = values;
    req.custom_fields_len = 1;
    CHECK_OK(zexa_contacts_create(client, &req, &c));
    CHECK(c->email != NULL && c->custom_fields_len == 1);

    /* A caller built before clear_email existed: its struct ends before the flags, which the
     * library then reads as false, whatever lies beyond its struct_size. */
    changes.struct_size = offsetof(ZexaUpdateContact, clear_email);
    changes.name = "Clear Me Not";
    changes.clear_email = true;
    CHECK_OK(zexa_contacts_update(client, c->id, &changes, &updated));
    CHECK_STR(updated->name, "Clear Me Not");
    CHECK_STR(updated->email, "clear@example.com");
    zexa_contact_free(updated);

    changes = (ZexaUpdateContact)ZEXA_STRUCT_INIT(ZexaUpdateContact);
    changes.clear_email = true;
    CHECK_OK(zexa_contacts_update(client, c->id, &changes, &updated));
    CHECK(updated->email == NULL && updated->custom_fields_len == 1);
    zexa_contact_free(updated);

    changes = (ZexaUpdateContact)ZEXA_STRUCT_INIT(ZexaUpdateContact);
    changes.clear_custom_fields = true;
    CHECK_OK(zexa_contacts_update(client, c->id, &changes, &updated));
    CHECK(updated->custom_fields_len == 0);
    zexa_contact_free(updated);

    changes.email = "both@example.com"; /* set and clear at once */
    changes.clear_email = true;
    CHECK_STATUS(zexa_contacts_update(client, c->id, &changes, &updated), ZEXA_INVALID_ARGUMENT);
    zexa_contact_free(c);
}

/* Collects a download in a buffer; stops after `stop_after` calls when it is not 0. */
typedef struct {
    char data[65536];
    size_t len;
    int calls, stop_after;
} Sink;

static int on_bytes(const uint8_t *data, size_t len, void *userdata) {
    Sink *sink = (Sink *)userdata;
    sink->calls++;
    if (sink->stop_after && sink->calls >= sink->stop_after) return 1;
    CHECK(sink->len + len <= sizeof sink->data);
    memcpy(sink->data + sink->len, data, len);
    sink->len += len;
    return 0;
}

static void test_exports(ZexaClient *client) {
    ZexaExport *started = NULL, *done = NULL;
    static Sink sink, stopped;
    uint64_t bytes = 0, fd_bytes = 0;
    char from_fd[65536];
    FILE *file;
    ssize_t got;

    CHECK_OK(zexa_contacts_export(client, NULL, &started));
    CHECK_OK(zexa_exports_wait(client, started->id, 20, 30000, &done));
    CHECK(done->is_final);
    CHECK_STR(done->status, "completed");

    CHECK_OK(zexa_exports_download(client, done->id, on_bytes, &sink, &bytes));
    CHECK(bytes == sink.len && bytes > 0 && sink.calls >= 1);
    sink.data[sink.len] = '\0';
    CHECK(strstr(sink.data, "+244936000001") != NULL); /* a contact made above */

    stopped.stop_after = 1;
    CHECK_STATUS(zexa_exports_download(client, done->id, on_bytes, &stopped, NULL), ZEXA_CANCELLED);
    CHECK(strstr(zexa_last_error_message(), "write callback") != NULL);
    CHECK_STATUS(zexa_exports_download(client, done->id, NULL, NULL, NULL), ZEXA_INVALID_ARGUMENT);

    file = tmpfile();
    CHECK(file != NULL);
    CHECK_OK(zexa_exports_download_to_fd(client, done->id, fileno(file), &fd_bytes));
    CHECK(fd_bytes == bytes);
    CHECK(lseek(fileno(file), 0, SEEK_SET) == 0);
    got = read(fileno(file), from_fd, sizeof from_fd);
    CHECK(got == (ssize_t)bytes && memcmp(from_fd, sink.data, bytes) == 0);
    fclose(file);
    CHECK_STATUS(zexa_exports_download_to_fd(client, done->id, -1, NULL), ZEXA_INVALID_ARGUMENT);

    zexa_export_free(done);
    zexa_export_free(started);
}

int main(int argc, char **argv) {
    const char *url = check_arg(argc, argv, 1, "ZEXA_BASE_URL");
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_new("zx_sandbox_key", url, &client));
    test_options(client);
    test_last_response(client);
    test_clear(client);
    test_exports(client);
    zexa_client_free(client);
    CHECK_DONE("test_core_api");
}
