/* test_network.c: compression, proxies and trust stores from C, against a tiny HTTP server
 * of its own on 127.0.0.1 (the sandbox does not compress). The same server plays a proxy:
 * it answers every CONNECT with 403, so no byte leaves the machine. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"

/* gzip of {"balance": 5, "currency": "AOA"} */
static const unsigned char GZIP_CREDITS[] = {
    31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 171, 86, 74, 74, 204, 73, 204, 75, 78, 85, 178, 82, 48,
    213, 81, 80, 74, 46, 45, 42, 74, 205, 75, 174, 4, 114, 149, 28, 253, 29, 149, 106, 1, 43,
    68, 109, 133, 33, 0, 0, 0};

static pthread_mutex_t counts_lock = PTHREAD_MUTEX_INITIALIZER;
static int connects = 0; /* CONNECT requests seen (as a proxy) */
static int requests = 0; /* other requests seen (as the API) */

static void count(int *counter) {
    pthread_mutex_lock(&counts_lock);
    (*counter)++;
    pthread_mutex_unlock(&counts_lock);
}

static int counted(const int *counter) {
    pthread_mutex_lock(&counts_lock);
    int n = *counter;
    pthread_mutex_unlock(&counts_lock);
    return n;
}

static void answer(int fd, const char *head_extra, const unsigned char *body, size_t len) {
    char head[256];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n%scontent-length: %zu\r\n"
                     "connection: close\r\n\r\n",
                     head_extra, len);
    if (write(fd, head, (size_t)n) < 0 || write(fd, body, len) < 0) return;
}

static void *serve_one(void *arg) {
    int fd = (int)(intptr_t)arg;
    char req[8192];
    size_t got = 0;
    while (got < sizeof req - 1) {
        ssize_t n = read(fd, req + got, sizeof req - 1 - got);
        if (n <= 0) break;
        got += (size_t)n;
        req[got] = 0;
        if (strstr(req, "\r\n\r\n")) break;
    }
    req[got] = 0;
    for (size_t i = 0; i < got; i++) req[i] = (char)tolower((unsigned char)req[i]);
    if (strncmp(req, "connect ", 8) == 0) {
        count(&connects);
        const char *refused = "HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n";
        if (write(fd, refused, strlen(refused)) < 0) {}
    } else {
        count(&requests);
        unsigned char corrupt[sizeof GZIP_CREDITS];
        memcpy(corrupt, GZIP_CREDITS, sizeof corrupt);
        for (size_t i = 20; i < sizeof corrupt; i++) corrupt[i] ^= 0xff;
        static const unsigned char brotli[] = {0x1b, 0xff, 0x00, 0xf8, 0x25, 0x00, 0xa2, 0x07};
        if (strstr(req, "accept-encoding: gzip") == NULL) {
            answer(fd, "", (const unsigned char *)"{\"error\":\"no gzip\"}", 19);
        } else if (strstr(req, "get /v1/credits ")) {
            answer(fd, "content-encoding: gzip\r\n", GZIP_CREDITS, sizeof GZIP_CREDITS);
        } else if (strstr(req, "get /v1/contacts/corrupt ")) {
            answer(fd, "content-encoding: gzip\r\n", corrupt, sizeof corrupt);
        } else {
            answer(fd, "content-encoding: br\r\n", brotli, sizeof brotli);
        }
    }
    close(fd);
    return NULL;
}

static void *accept_loop(void *arg) {
    int listener = (int)(intptr_t)arg;
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) return NULL;
        pthread_t t;
        pthread_create(&t, NULL, serve_one, (void *)(intptr_t)fd);
        pthread_detach(t);
    }
}

/* Every character printable: no binary junk in a message. */
static int printable(const char *s) {
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f) return 0;
    return 1;
}

static ZexaClient *build(ZexaClientBuilder *b) {
    ZexaClient *c = NULL;
    CHECK_OK(zexa_client_builder_build(b, &c));
    zexa_client_builder_free(b);
    return c;
}

static ZexaClientBuilder *builder_at(const char *base) {
    ZexaClientBuilder *b = NULL;
    CHECK_OK(zexa_client_builder_new("zx_test_Sup3rS3cretKey9", &b));
    CHECK_OK(zexa_client_builder_set_base_url(b, base));
    CHECK_OK(zexa_client_builder_set_max_retries(b, 0));
    return b;
}

int main(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(listener, (struct sockaddr *)&addr, sizeof addr) == 0 && listen(listener, 16) == 0);
    socklen_t alen = sizeof addr;
    getsockname(listener, (struct sockaddr *)&addr, &alen);
    pthread_t acceptor;
    pthread_create(&acceptor, NULL, accept_loop, (void *)(intptr_t)listener);
    pthread_detach(acceptor);
    char base[64], proxy[64];
    snprintf(base, sizeof base, "http://127.0.0.1:%d/v1", ntohs(addr.sin_port));
    snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", ntohs(addr.sin_port));
    unsetenv("HTTPS_PROXY"); unsetenv("HTTP_PROXY"); unsetenv("ALL_PROXY"); unsetenv("NO_PROXY");
    unsetenv("SSL_CERT_FILE"); unsetenv("SSL_CERT_DIR");

    /* Compression: gzip asked for and decoded; a corrupt or unasked-for body is a clear
     * decode error. */
    ZexaClient *c = build(builder_at(base));
    ZexaCredits *credits = NULL;
    CHECK_OK(zexa_credits_get(c, &credits));
    CHECK(credits->balance == 5.0);
    zexa_credits_free(credits);
    ZexaContact *contact = NULL;
    CHECK_STATUS(zexa_contacts_get(c, "corrupt", &contact), ZEXA_DECODE_ERROR);
    CHECK(strstr(zexa_last_error_message(), "gzip-compressed body is corrupt") != NULL);
    CHECK(printable(zexa_last_error_message()));
    CHECK_STATUS(zexa_contacts_get(c, "brotli", &contact), ZEXA_DECODE_ERROR);
    CHECK(strstr(zexa_last_error_message(), "compressed with \"br\", which the client did not ask for") != NULL);
    CHECK(printable(zexa_last_error_message()));
    zexa_client_free(c);

    /* An explicit proxy: a refused CONNECT names it; its credentials appear nowhere. */
    ZexaClientBuilder *b = builder_at("https://api.zexa.ao/v1");
    char with_creds[128];
    snprintf(with_creds, sizeof with_creds, "http://alice:pr0xy-s3cret@127.0.0.1:%d", ntohs(addr.sin_port));
    CHECK_OK(zexa_client_builder_set_proxy(b, with_creds));
    c = build(b);
    CHECK_STATUS(zexa_credits_get(c, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(strstr(zexa_last_error_message(), "refused CONNECT with 403") != NULL);
    CHECK(strstr(zexa_last_error_message(), proxy + 7) != NULL);
    CHECK(strstr(zexa_last_error_message(), "pr0xy-s3cret") == NULL);
    CHECK(!zexa_last_error_may_have_executed());
    CHECK(counted(&connects) == 1);
    zexa_client_free(c);
    /* Plain http only through a loopback proxy; a malformed URL names the setting only. */
    b = builder_at(base);
    CHECK_OK(zexa_client_builder_set_proxy(b, "http://10.0.0.5:3128"));
    CHECK_STATUS(zexa_client_builder_build(b, &c), ZEXA_INVALID_INPUT);
    CHECK(strstr(zexa_last_error_message(), "10.0.0.5:3128 is not on this machine") != NULL);
    CHECK_OK(zexa_client_builder_set_proxy(b, "ftp://alice:pr0xy-s3cret@proxy:21"));
    CHECK_STATUS(zexa_client_builder_build(b, &c), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "proxy");
    CHECK(strstr(zexa_last_error_message(), "pr0xy-s3cret") == NULL);
    CHECK_STATUS(zexa_client_builder_set_proxy(b, NULL), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_client_builder_set_proxy(NULL, proxy), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_client_builder_set_no_proxy(NULL), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_client_builder_set_trust_env(NULL, false), ZEXA_INVALID_ARGUMENT);
    CHECK_STATUS(zexa_client_builder_set_use_os_trust_store(NULL, true), ZEXA_INVALID_ARGUMENT);
    zexa_client_builder_free(b);

    /* The environment: a loopback API is never proxied from it; an https one uses
     * HTTPS_PROXY; a malformed variable is an error naming it unless the environment is
     * ignored (trust_env false) or the proxy disabled. */
    setenv("HTTP_PROXY", proxy, 1);
    setenv("ALL_PROXY", proxy, 1);
    c = build(builder_at(base));
    CHECK_OK(zexa_credits_get(c, &credits));
    zexa_credits_free(credits);
    CHECK(counted(&connects) == 1);
    zexa_client_free(c);
    unsetenv("HTTP_PROXY"); unsetenv("ALL_PROXY");
    setenv("HTTPS_PROXY", proxy, 1);
    c = build(builder_at("https://api.zexa.ao/v1"));
    CHECK_STATUS(zexa_credits_get(c, &credits), ZEXA_TRANSPORT_ERROR);
    CHECK(strstr(zexa_last_error_message(), "refused CONNECT with 403") != NULL);
    CHECK(counted(&connects) == 2);
    zexa_client_free(c);
    b = builder_at("https://api.zexa.ao/v1");
    CHECK_OK(zexa_client_builder_set_no_proxy(b));
    zexa_client_free(build(b));
    setenv("HTTPS_PROXY", "http://alice:s3cret@proxy:99999", 1);
    b = builder_at("https://api.zexa.ao/v1");
    CHECK_STATUS(zexa_client_builder_build(b, &c), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "HTTPS_PROXY");
    CHECK(strstr(zexa_last_error_message(), "s3cret") == NULL);
    CHECK_OK(zexa_client_builder_set_trust_env(b, false));
    zexa_client_free(build(b));
    unsetenv("HTTPS_PROXY");

    /* Trust stores: the OS store loads; SSL_CERT_FILE is honoured (a missing file is an
     * error naming it) unless the environment is ignored. */
    b = builder_at("https://api.zexa.ao/v1");
    CHECK_OK(zexa_client_builder_set_use_os_trust_store(b, true));
    zexa_client_free(build(b));
    setenv("SSL_CERT_FILE", "/nonexistent/ca.pem", 1);
    b = builder_at("https://api.zexa.ao/v1");
    CHECK_STATUS(zexa_client_builder_build(b, &c), ZEXA_INVALID_INPUT);
    CHECK_STR(zexa_last_error_field(), "SSL_CERT_FILE");
    CHECK_OK(zexa_client_builder_set_trust_env(b, false));
    zexa_client_free(build(b));
    unsetenv("SSL_CERT_FILE");
    CHECK(counted(&requests) == 4);

    CHECK_DONE("test_network");
}
