// quickstart.cpp: the Zexa quickstart in C++17, with zexa.hpp.
//
// Creates a contact (or finds it), a list with it, sends a message, launches a campaign to
// the list and waits for it with a progress callback, then prints the credit balance.
//
//   ZEXA_API_KEY   API key (the sandbox's is zx_sandbox_key)
//   ZEXA_BASE_URL  API root (default https://api.zexa.ao/v1; a sandbox: http://127.0.0.1:PORT/v1)
//
// Build: c++ -std=c++17 quickstart.cpp $(pkg-config --cflags --libs zexa) -o quickstart-cpp
//    or: cmake -S examples/cpp -B build && cmake --build build   (find_package(zexa 0.1))
#include <zexa.hpp>

#include <chrono>
#include <cstdio>
#include <string>

int main() {
  try {
    zexa::Client client = zexa::Client::from_env();
    std::printf("libzexa %s\n", zexa::version().c_str());

    // Creating again is safe: an existing phone number is a ZEXA_CONFLICT, then look it up.
    std::string phone = zexa::to_e164("0912 345 678", "244");
    zexa::Contact maria;
    try {
      maria = client.contacts().create(zexa::CreateContact("Maria Santos", phone).email("maria@example.com"));
    } catch (const zexa::Error& e) {
      if (e.status() != ZEXA_CONFLICT) throw;
      maria = client.contacts().list(zexa::ListContacts().phone(phone)).items.at(0);
    }
    std::printf("contact %s %s\n", maria.id.c_str(), maria.phone.c_str());

    zexa::ContactList list = client.contact_lists().create(zexa::CreateContactList("Quickstart C++"));
    client.contact_lists().add_contacts({list.id}, {maria.id});
    for (const zexa::Contact& member : client.contact_lists().iter_members(list.id)) {
      std::printf("  member %s\n", member.name.c_str());
    }

    zexa::Message sent = client.messages().send(zexa::SendMessage("sms", maria.phone, "ZEXA").body("Olá Maria!"));
    std::printf("message %s: %s\n", sent.id.c_str(), sent.status.c_str());

    zexa::Campaign campaign =
        client.campaigns().create(zexa::CreateCampaign("Launch", "sms", list.id, "ZEXA").body("Promo!"));
    zexa::Campaign done = client.campaigns().wait(campaign.id, std::chrono::milliseconds(200), std::chrono::minutes(2),
                                                  [](const zexa::Campaign& now) {
                                                    std::printf("  campaign %s: %s\n", now.id.c_str(), now.status.c_str());
                                                    return true;  // false would stop the wait
                                                  });
    std::printf("campaign %s: %llu delivered\n", done.status.c_str(),
                static_cast<unsigned long long>(done.delivered.value_or(0)));

    try {
      client.contacts().get("cnt_missing");
    } catch (const zexa::Error& e) {
      std::printf("as expected: %s (HTTP %u, request %s)\n", e.status_name(), e.http_status(),
                  e.request_id().value_or("-").c_str());
    }

    zexa::Credits credits = client.credits().get();
    std::printf("credits: %.2f %s\n", credits.balance, credits.currency.c_str());
    return 0;
  } catch (const zexa::Error& e) {
    std::fprintf(stderr, "failed: %s: %s\n", e.status_name(), e.what());
    return 1;
  }
}
