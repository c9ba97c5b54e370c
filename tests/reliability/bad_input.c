/* Bad input through the C ABI: NULL and invalid UTF-8 arguments, a key with CR/LF, plain
 * http to a remote host, invalid phones and emails, empty names and IDs. Each must give a
 * clear status (ZEXA_INVALID_ARGUMENT or ZEXA_INVALID_INPUT, never ZEXA_INTERNAL_ERROR) and
 * send nothing: the client points at a closed loopback port, so a request that was sent
 * would come back as ZEXA_TRANSPORT_ERROR instead. Runs under valgrind (no leak, no error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zexa.h"

static int failures = 0;

#define EXPECT(call, want)                                                                    \
    do {                                                                                      \
        ZexaStatus got_ = (call);                                                            \
        if (got_ != (want)) {                                                                 \
            fprintf(stderr, "%s:%d: %s -> %s, expected %s (%s)\n", __FILE__, __LINE__, #call, \
                    zexa_status_name(got_), zexa_status_name(want),                           \
                    zexa_last_error_message() ? zexa_last_error_message() : "");              \
            failures++;                                                                       \
        }                                                                                     \
    } while (0)

int main(void) {
    const char *bad_utf8 = "zx_\xff\xfe_key";
    const char *base = "http://127.0.0.1:9/v1"; /* discard port: nothing listens */
    ZexaClient *client = NULL;
    ZexaClientBuilder *builder = NULL;
    ZexaContact *contact = NULL;
    char *text = NULL;

    /* Construction. */
    EXPECT(zexa_client_new(NULL, base, &client), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_client_new("zx_key", base, NULL), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_client_new(bad_utf8, base, &client), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_client_new("zx_key\r\nX-Injected: 1", base, &client), ZEXA_INVALID_INPUT);
    EXPECT(zexa_client_new("", base, &client), ZEXA_INVALID_INPUT);
    EXPECT(zexa_client_new("zx_key", "http://api.zexa.ao/v1", &client), ZEXA_INVALID_INPUT);
    EXPECT(zexa_client_new("zx_key", "http://\xff/v1", &client), ZEXA_INVALID_ARGUMENT);
    if (client != NULL) {
        fprintf(stderr, "a refused construction left a client\n");
        failures++;
    }

    EXPECT(zexa_client_builder_new("zx_key", &builder), ZEXA_OK);
    EXPECT(zexa_client_builder_set_base_url(builder, base), ZEXA_OK);
    EXPECT(zexa_client_builder_set_base_url(NULL, base), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_client_builder_set_max_retries(builder, 0), ZEXA_OK);
    EXPECT(zexa_client_builder_set_app_info(builder, "app\r\nX-Injected: 1", "1"), ZEXA_OK);
    EXPECT(zexa_client_builder_build(builder, &client), ZEXA_INVALID_INPUT);
    EXPECT(zexa_client_builder_set_app_info(builder, "reliability", "1"), ZEXA_OK);
    EXPECT(zexa_client_builder_build(builder, &client), ZEXA_OK);
    zexa_client_builder_free(builder);

    /* Calls with bad arguments: refused before sending (no ZEXA_TRANSPORT_ERROR). */
    EXPECT(zexa_contacts_get(NULL, "cnt_1", &contact), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_contacts_get(client, NULL, &contact), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_contacts_get(client, "cnt_1", NULL), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_contacts_get(client, bad_utf8, &contact), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_contacts_get(client, "", &contact), ZEXA_INVALID_INPUT);
    EXPECT(zexa_contacts_delete(client, ""), ZEXA_INVALID_INPUT);
    /* A well-formed call does try the network: this proves the refusals above sent nothing. */
    EXPECT(zexa_contacts_get(client, "a/b?c#d", &contact), ZEXA_TRANSPORT_ERROR);

    ZexaCreateContact c = ZEXA_STRUCT_INIT(ZexaCreateContact);
    c.name = "Maria";
    c.phone = "0912345678";
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_INPUT);
    if (zexa_last_error_field() == NULL || strcmp(zexa_last_error_field(), "phone") != 0) {
        fprintf(stderr, "the refused field is not named phone\n");
        failures++;
    }
    c.phone = "+244912345678";
    c.email = "maria@";
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_INPUT);
    c.email = NULL;
    c.name = "   ";
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_INPUT);
    c.name = NULL;
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_ARGUMENT);
    c.name = bad_utf8;
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_ARGUMENT);
    c.name = "Maria";
    c.lists_len = 2; /* lists is NULL with a non-zero length */
    EXPECT(zexa_contacts_create(client, &c, &contact), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_contacts_create(client, NULL, &contact), ZEXA_INVALID_ARGUMENT);
    if (contact != NULL) {
        fprintf(stderr, "a failed call left a result\n");
        failures++;
    }

    /* Helpers without a client. */
    EXPECT(zexa_to_e164(NULL, NULL, &text), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_to_e164("0912 345 678", NULL, &text), ZEXA_INVALID_INPUT);
    EXPECT(zexa_to_e164("\xff\xfe", "244", &text), ZEXA_INVALID_ARGUMENT);
    EXPECT(zexa_to_e164("0912 345 678", "244", &text), ZEXA_OK);
    if (text == NULL || strcmp(text, "+244912345678") != 0) {
        fprintf(stderr, "zexa_to_e164 gave %s\n", text ? text : "NULL");
        failures++;
    }
    zexa_string_free(text);
    if (zexa_is_e164(NULL) || zexa_is_e164("\xff") || !zexa_is_e164("+244912345678")) {
        fprintf(stderr, "zexa_is_e164 is wrong\n");
        failures++;
    }

    /* Freeing NULL is a no-op everywhere. */
    zexa_client_free(NULL);
    zexa_contact_free(NULL);
    zexa_string_free(NULL);
    zexa_client_free(client);

    if (failures != 0) {
        fprintf(stderr, "bad_input.c: %d failure(s)\n", failures);
        return 1;
    }
    printf("bad_input.c: ok\n");
    return 0;
}
