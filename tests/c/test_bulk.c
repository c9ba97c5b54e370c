/* zexa_messages_send_many: messages from a `next` callback, outcomes through a result
 * callback, a journal that makes a rerun send nothing twice, a dry run, and a callback that
 * stops the run. argv[1]: a sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <unistd.h>

#include "check.h"

#define COUNT 40

static ZexaClient *client_at(const char *url) {
    ZexaClientBuilder *builder = NULL;
    ZexaClient *client = NULL;
    CHECK_OK(zexa_client_builder_new("zx_sandbox_key", &builder));
    CHECK_OK(zexa_client_builder_set_base_url(builder, url));
    CHECK_OK(zexa_client_builder_build(builder, &client));
    zexa_client_builder_free(builder);
    return client;
}

struct source {
    int position;
    int count;
    int with_refs;
    int bad_at; /* a message with an unreadable recipient at this position, or -1 */
    char to[COUNT][32];
    char ref[COUNT][32];
    ZexaSendMessage message;
};

static int next_message(const ZexaSendMessage **message, const char **ref, void *userdata) {
    struct source *s = userdata;
    if (s->position >= s->count) return 0;
    s->message = (ZexaSendMessage)ZEXA_STRUCT_INIT(ZexaSendMessage);
    s->message.channel = "sms";
    s->message.from = "ZEXA";
    s->message.body = "Olá, a sua fatura está pronta";
    s->message.to = s->position == s->bad_at ? "0912 345" : s->to[s->position];
    *message = &s->message;
    *ref = s->with_refs ? s->ref[s->position] : NULL;
    s->position++;
    return 1;
}

static void source_init(struct source *s, int count, int first_phone, int with_refs) {
    memset(s, 0, sizeof *s);
    s->count = count;
    s->with_refs = with_refs;
    s->bad_at = -1;
    for (int i = 0; i < count; i++) {
        snprintf(s->to[i], sizeof s->to[i], "+2449370%05d", first_phone + i);
        snprintf(s->ref[i], sizeof s->ref[i], "inv-%d", first_phone + i);
    }
}

struct tally {
    int sent, failed, ambiguous, skipped, checked, stop_after, seen;
    ZexaClient *client; /* calls the library from the callback when set */
};

static int on_result(const ZexaBulkResult *r, void *userdata) {
    struct tally *t = userdata;
    CHECK(r->struct_size >= sizeof(ZexaBulkResult));
    CHECK(r->reference != NULL);
    switch (r->outcome) {
    case ZEXA_BULK_SENT: t->sent++; CHECK(r->message_id != NULL && r->status == ZEXA_OK); break;
    case ZEXA_BULK_FAILED: t->failed++; CHECK(r->error_message != NULL && r->status != ZEXA_OK); break;
    case ZEXA_BULK_AMBIGUOUS: t->ambiguous++; break;
    case ZEXA_BULK_SKIPPED: t->skipped++; break;
    case ZEXA_BULK_CHECKED: t->checked++; CHECK(r->segments == 1); break;
    default: CHECK(!"an outcome the test does not know");
    }
    if (t->client) {
        ZexaMessage *missing = NULL;
        /* Its NOT_FOUND must not become the bulk send's outcome. */
        CHECK_STATUS(zexa_messages_get(t->client, "msg_missing", &missing), ZEXA_NOT_FOUND);
    }
    t->seen++;
    return t->stop_after > 0 && t->seen >= t->stop_after;
}

int main(int argc, char **argv) {
    const char *url = check_arg(argc, argv, 1, "ZEXA_BASE_URL");
    ZexaClient *client = client_at(url);
    struct source source;
    struct tally tally;
    ZexaBulkSummary *summary = NULL;
    ZexaBulkOptions options = ZEXA_STRUCT_INIT(ZexaBulkOptions);
    char journal[64];

    /* Every message sent once; refs from the caller; outcomes stream to the callback. */
    snprintf(journal, sizeof journal, "/tmp/zexa-c-bulk-%d.jsonl", (int)getpid());
    unlink(journal);
    options.concurrency = 8;
    options.journal = journal;
    source_init(&source, COUNT, 0, 1);
    memset(&tally, 0, sizeof tally);
    tally.client = client;
    CHECK_OK(zexa_messages_send_many(client, next_message, &source, &options, on_result, &tally, &summary));
    CHECK(summary->sent == COUNT && tally.sent == COUNT);
    CHECK(summary->failed == 0 && summary->ambiguous == 0 && summary->skipped == 0);
    zexa_bulk_summary_free(summary);
    zexa_bulk_summary_free(summary); /* freed twice: ignored */

    /* The same input and journal again: everything skipped, nothing sent. */
    source_init(&source, COUNT, 0, 1);
    memset(&tally, 0, sizeof tally);
    CHECK_OK(zexa_messages_send_many(client, next_message, &source, &options, on_result, &tally, &summary));
    CHECK(summary->skipped == COUNT && summary->sent == 0 && tally.skipped == COUNT);
    zexa_bulk_summary_free(summary);
    unlink(journal);

    /* A dry run: checks and counts segments, sends nothing; an invalid recipient fails. */
    ZexaBulkOptions dry = ZEXA_STRUCT_INIT(ZexaBulkOptions);
    dry.dry_run = ZEXA_TRISTATE_TRUE;
    source_init(&source, 10, 100, 0);
    source.bad_at = 3;
    memset(&tally, 0, sizeof tally);
    CHECK_OK(zexa_messages_send_many(client, next_message, &source, &dry, on_result, &tally, &summary));
    CHECK(summary->checked == 9 && summary->segments == 9 && summary->failed == 1 && summary->sent == 0);
    zexa_bulk_summary_free(summary);

    /* A callback that stops the run: ZEXA_CANCELLED, no summary, nothing more sent. */
    source_init(&source, COUNT, 200, 0);
    memset(&tally, 0, sizeof tally);
    tally.stop_after = 5;
    ZexaBulkOptions one = ZEXA_STRUCT_INIT(ZexaBulkOptions);
    one.concurrency = 1;
    summary = (ZexaBulkSummary *)&tally;
    CHECK_STATUS(zexa_messages_send_many(client, next_message, &source, &one, on_result, &tally, &summary),
                 ZEXA_CANCELLED);
    CHECK(summary == NULL && tally.seen >= 5 && tally.seen < COUNT);

    /* Refused arguments. */
    CHECK_STATUS(zexa_messages_send_many(client, NULL, NULL, NULL, NULL, NULL, &summary), ZEXA_INVALID_ARGUMENT);
    one.concurrency = 100000;
    source_init(&source, 1, 300, 0);
    CHECK_STATUS(zexa_messages_send_many(client, next_message, &source, &one, NULL, NULL, &summary),
                 ZEXA_INVALID_INPUT);

    zexa_client_free(client);
    CHECK_DONE("test_bulk");
}
