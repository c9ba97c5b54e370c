/* through_proxy.c: from C, an https API (nginx, private CA) reached through a real proxy
 * (squid) by an explicit proxy setting, and its gzip page decoded.
 *   through_proxy BASE_URL PROXY_URL CA_PEM_FILE */
#include "../c/check.h"

int main(int argc, char **argv) {
    if (argc != 4) return 2;
    FILE *f = fopen(argv[3], "rb");
    CHECK(f != NULL);
    static char pem[16384];
    size_t len = fread(pem, 1, sizeof pem, f);
    fclose(f);
    ZexaClientBuilder *b = NULL;
    ZexaClient *c = NULL;
    CHECK_OK(zexa_client_builder_new("zx_test_Sup3rS3cretKey9", &b));
    CHECK_OK(zexa_client_builder_set_base_url(b, argv[1]));
    CHECK_OK(zexa_client_builder_set_proxy(b, argv[2]));
    CHECK_OK(zexa_client_builder_add_root_certificate_pem(b, (const uint8_t *)pem, len));
    CHECK_OK(zexa_client_builder_build(b, &c));
    zexa_client_builder_free(b);
    ZexaCredits *credits = NULL;
    CHECK_OK(zexa_credits_get(c, &credits));
    CHECK(credits->balance == 5.0);
    zexa_credits_free(credits);
    zexa_client_free(c);
    CHECK_DONE("through_proxy");
}
