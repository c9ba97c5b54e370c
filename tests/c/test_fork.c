/* A client used across fork(): children never use the parent's pooled connections, so every
 * answer is the one asked for, in the children and in the parent, also when the fork lands
 * while other threads are in the middle of requests. argv[1]: sandbox URL. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define CONTACTS 20
#define CHILDREN 4
#define CALLS 300
#define THREADS 3
#define FORKS 20

static char ids[CONTACTS][64];
static char phones[CONTACTS][32];

/* `calls` gets, each checked against what was asked: 0 when all matched, 3 on a wrong answer,
 * 4 on an error. */
static int checked_gets(ZexaClient *client, int calls, int salt) {
    int i;
    for (i = 0; i < calls; i++) {
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

/* Forks a child that makes `calls` checked gets and exits with their result; returns it. */
static int child_result(ZexaClient *client, int calls, int salt) {
    int status = 0;
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) _exit(checked_gets(client, calls, salt));
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

typedef struct {
    ZexaClient *client;
    int salt;
    int result;
} Hammer;

static pthread_mutex_t stop_lock = PTHREAD_MUTEX_INITIALIZER;
static int stop_flag = 0;

static int stopped(void) {
    int stop;
    pthread_mutex_lock(&stop_lock);
    stop = stop_flag;
    pthread_mutex_unlock(&stop_lock);
    return stop;
}

/* Gets in a loop until told to stop (bounded: at most 100000 calls). */
static void *hammer(void *arg) {
    Hammer *h = arg;
    int rounds = 0;
    while (!stopped() && rounds < 100000 && h->result == 0) {
        h->result = checked_gets(h->client, 1, h->salt + rounds);
        rounds++;
    }
    return NULL;
}

int main(int argc, char **argv) {
    ZexaClient *client = NULL;
    pid_t children[CHILDREN];
    pthread_t threads[THREADS];
    Hammer hammers[THREADS];
    int i;
    CHECK_OK(zexa_client_new("zx_sandbox_key", check_arg(argc, argv, 1, "ZEXA_BASE_URL"), &client));
    for (i = 0; i < CONTACTS; i++) {
        ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
        ZexaContact *created = NULL;
        snprintf(phones[i], sizeof phones[i], "+24493%07d", 1000000 + i);
        req.name = "Fork";
        req.phone = phones[i];
        CHECK_OK(zexa_contacts_create(client, &req, &created));
        snprintf(ids[i], sizeof ids[i], "%s", created->id);
        zexa_contact_free(created);
    }
    /* The parent's pool now holds a keep-alive connection that every child inherits. */
    CHECK(checked_gets(client, CALLS, 0) == 0);
    for (i = 0; i < CHILDREN; i++) {
        children[i] = fork();
        CHECK(children[i] >= 0);
        if (children[i] == 0) _exit(checked_gets(client, CALLS, i + 1));
    }
    CHECK(checked_gets(client, CALLS, 0) == 0);
    for (i = 0; i < CHILDREN; i++) {
        int status = 0;
        CHECK(waitpid(children[i], &status, 0) == children[i]);
        CHECK(WIFEXITED(status));
        if (WEXITSTATUS(status) != 0) fprintf(stderr, "child %d exited with %d\n", i, WEXITSTATUS(status));
        CHECK(WEXITSTATUS(status) == 0);
    }

    /* Forks that land while other threads are in the middle of requests. */
    for (i = 0; i < THREADS; i++) {
        hammers[i].client = client;
        hammers[i].salt = i;
        hammers[i].result = 0;
        CHECK(pthread_create(&threads[i], NULL, hammer, &hammers[i]) == 0);
    }
    for (i = 0; i < FORKS; i++) {
        int result = child_result(client, 40, i);
        if (result != 0) fprintf(stderr, "fork %d: child exited with %d\n", i, result);
        CHECK(result == 0);
    }
    pthread_mutex_lock(&stop_lock);
    stop_flag = 1;
    pthread_mutex_unlock(&stop_lock);
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(hammers[i].result == 0);
    }
    /* The children closed their copies only: the parent's connections still work. */
    CHECK(checked_gets(client, 50, 5) == 0);
    zexa_client_free(client);
    CHECK_DONE("test_fork");
}
