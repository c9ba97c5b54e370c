/* A client used across fork(): children never use the parent's pooled connections, so every
 * answer is the one asked for, in the children and in the parent. argv[1]: sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define CONTACTS 20
#define CHILDREN 4
#define CALLS 300

static char ids[CONTACTS][64];
static char phones[CONTACTS][32];

/* CALLS gets, each checked against what was asked: 0 when all matched, 3 on a wrong answer,
 * 4 on an error. */
static int checked_gets(ZexaClient *client, int salt) {
    int i;
    for (i = 0; i < CALLS; i++) {
        int n = (i * 7 + salt) % CONTACTS;
        ZexaContact *got = NULL;
        if (zexa_contacts_get(client, ids[n], &got) != ZEXA_OK) return 4;
        if (strcmp(got->id, ids[n]) != 0 || strcmp(got->phone, phones[n]) != 0) {
            zexa_contact_free(got);
            return 3;
        }
        zexa_contact_free(got);
    }
    return 0;
}

int main(int argc, char **argv) {
    ZexaClient *client = NULL;
    pid_t children[CHILDREN];
    int i;
    CHECK_OK(zexa_client_new("zx_sandbox_key", check_arg(argc, argv, 1, "ZEXA_BASE_URL"), &client));
    for (i = 0; i < CONTACTS; i++) {
        ZexaCreateContact req = {0};
        ZexaContact *created = NULL;
        snprintf(phones[i], sizeof phones[i], "+24493%07d", 1000000 + i);
        req.name = "Fork";
        req.phone = phones[i];
        CHECK_OK(zexa_contacts_create(client, &req, &created));
        snprintf(ids[i], sizeof ids[i], "%s", created->id);
        zexa_contact_free(created);
    }
    /* The parent's pool now holds a keep-alive connection that every child inherits. */
    CHECK(checked_gets(client, 0) == 0);
    for (i = 0; i < CHILDREN; i++) {
        children[i] = fork();
        CHECK(children[i] >= 0);
        if (children[i] == 0) _exit(checked_gets(client, i + 1));
    }
    CHECK(checked_gets(client, 0) == 0);
    for (i = 0; i < CHILDREN; i++) {
        int status = 0;
        CHECK(waitpid(children[i], &status, 0) == children[i]);
        CHECK(WIFEXITED(status));
        if (WEXITSTATUS(status) != 0) fprintf(stderr, "child %d exited with %d\n", i, WEXITSTATUS(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    /* The children closed their copies only: the parent's connection still works. */
    CHECK(checked_gets(client, 5) == 0);
    zexa_client_free(client);
    CHECK_DONE("test_fork");
}
