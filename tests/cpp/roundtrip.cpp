// A C++17 round trip through the C header: create a client, create a contact, get it,
// free everything. argv[1] (or ZEXA_BASE_URL) is the sandbox URL.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "zexa.h"

namespace {

// Owning pointers with the library's free functions as deleters.
struct ClientFree {
    void operator()(ZexaClient *c) const { zexa_client_free(c); }
};
struct ContactFree {
    void operator()(ZexaContact *c) const { zexa_contact_free(c); }
};
using Client = std::unique_ptr<ZexaClient, ClientFree>;
using Contact = std::unique_ptr<ZexaContact, ContactFree>;

void require(bool ok, const char *what, int line) {
    if (!ok) {
        const char *message = zexa_last_error_message();
        std::fprintf(stderr, "roundtrip.cpp:%d: %s failed (%s)\n", line, what, message ? message : "-");
        std::exit(1);
    }
}
#define REQUIRE(cond) require((cond), #cond, __LINE__)

}  // namespace

int main(int argc, char **argv) {
    const char *url = argc > 1 ? argv[1] : std::getenv("ZEXA_BASE_URL");
    REQUIRE(url != nullptr);

    ZexaClient *raw_client = nullptr;
    REQUIRE(zexa_client_new("zx_sandbox_key", url, &raw_client) == ZEXA_OK);
    Client client(raw_client);

    ZexaCreateContact request = ZEXA_STRUCT_INIT(ZexaCreateContact);
    request.name = "C++ Round Trip";
    request.phone = "+244934000001";
    ZexaContact *raw_created = nullptr;
    REQUIRE(zexa_contacts_create(client.get(), &request, &raw_created) == ZEXA_OK);
    Contact created(raw_created);

    ZexaContact *raw_got = nullptr;
    REQUIRE(zexa_contacts_get(client.get(), created->id, &raw_got) == ZEXA_OK);
    Contact got(raw_got);
    REQUIRE(std::string(got->id) == created->id);
    REQUIRE(std::string(got->phone) == "+244934000001");

    ZexaContact *raw_missing = nullptr;
    REQUIRE(zexa_contacts_get(client.get(), "cnt_missing", &raw_missing) == ZEXA_NOT_FOUND);
    REQUIRE(raw_missing == nullptr);
    REQUIRE(std::strcmp(zexa_status_name(zexa_last_error_status()), "ZEXA_NOT_FOUND") == 0);

    std::printf("roundtrip: %s %s (libzexa %s)\n", got->id, got->name, zexa_version());
    return 0;
}
