// zexa.hpp against a sandbox started with --seed-contacts 120: every resource, errors with
// every field, lazy ranges over several pages, campaign waits whose callback stops them or
// throws (seen before zexa.hpp: a C++ exception from a callback aborted the process with
// "Rust cannot catch foreign exceptions"), and the builder. Built as C++17 and run under
// ASan/UBSan and under valgrind by tests/c/run.sh. argv[1] is the sandbox URL.
#include <zexa.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

int checks = 0;

void require(bool ok, const char* what, int line) {
  checks++;
  if (!ok) {
    std::fprintf(stderr, "test_hpp.cpp:%d: CHECK failed: %s\n", line, what);
    std::exit(1);
  }
}
#define CHECK(cond) require((cond), #cond, __LINE__)

// Runs `body`, which must throw a zexa::Error with `status`; returns it.
template <typename F>
zexa::Error expect_error(ZexaStatus status, F&& body, int line) {
  try {
    body();
  } catch (const zexa::Error& e) {
    if (e.status() != status) {
      std::fprintf(stderr, "test_hpp.cpp:%d: got %s (%s), expected %s\n", line, e.status_name(), e.what(),
                   zexa_status_name(status));
      std::exit(1);
    }
    checks++;
    return e;
  }
  std::fprintf(stderr, "test_hpp.cpp:%d: no exception, expected %s\n", line, zexa_status_name(status));
  std::exit(1);
}
#define EXPECT_ERROR(status, body) expect_error((status), [&] { body; }, __LINE__)

struct Boom : std::runtime_error {
  Boom() : std::runtime_error("boom from the callback") {}
};

void test_contacts(const zexa::Client& client) {
  zexa::Contact c = client.contacts().create(
      zexa::CreateContact("Maria Santos", "+244912345678").email("m@x.ao").custom_field("city", "Luanda"));
  CHECK(c.id.rfind("cnt_", 0) == 0);
  CHECK(c.name == "Maria Santos" && c.phone == "+244912345678");
  CHECK(c.email && *c.email == "m@x.ao");
  CHECK(c.custom_fields.at("city") == "Luanda");

  zexa::Contact got = client.contacts().get(c.id);
  CHECK(got.id == c.id && got.created_at == c.created_at);
  zexa::Contact changed = client.contacts().update(c.id, zexa::UpdateContact().name("Maria S. Santos"));
  CHECK(changed.name == "Maria S. Santos");

  zexa::Error missing = EXPECT_ERROR(ZEXA_NOT_FOUND, client.contacts().get("cnt_missing"));
  CHECK(missing.http_status() == 404);
  CHECK(std::string(missing.what()).find("404") != std::string::npos);
  CHECK(missing.request_id().has_value() && !missing.request_id()->empty());
  CHECK(missing.code().has_value());
  CHECK(missing.attempts() == 1 && !missing.may_have_executed());
  CHECK(std::string(missing.status_name()) == "ZEXA_NOT_FOUND");

  zexa::Error bad = EXPECT_ERROR(ZEXA_INVALID_INPUT, client.contacts().create(zexa::CreateContact("X", "12")));
  CHECK(bad.field() && *bad.field() == "phone");
  CHECK(bad.http_status() == 0 && bad.attempts() == 0);

  EXPECT_ERROR(ZEXA_CONFLICT, client.contacts().create(zexa::CreateContact("Twin", "+244912345678")));

  zexa::Page<zexa::Contact> page = client.contacts().list(zexa::ListContacts().phone("+244912345678"));
  CHECK(page.items.size() == 1 && page.items[0].id == c.id && page.total == 1);

  // Lazy, every page: the 120 seeded contacts and Maria, 25 a page.
  std::set<std::string> seen;
  for (const zexa::Contact& each : client.contacts().iter(zexa::ListContacts().per_page(25))) {
    CHECK(!each.id.empty());
    seen.insert(each.id);
  }
  CHECK(seen.size() == 121 && seen.count(c.id) == 1);

  // A range that fails throws from the loop.
  EXPECT_ERROR(ZEXA_INVALID_INPUT, for (const zexa::Contact& each : client.contacts().iter(
                                            zexa::ListContacts().per_page(1000))) { (void)each; });

  client.contacts().remove(c.id);
  EXPECT_ERROR(ZEXA_NOT_FOUND, client.contacts().get(c.id));
}

zexa::ContactList test_lists(const zexa::Client& client) {
  zexa::Contact a = client.contacts().create(zexa::CreateContact("Ana", "+244923000001"));
  zexa::Contact b = client.contacts().create(zexa::CreateContact("Beto", "+244923000002"));
  zexa::ContactList list = client.contact_lists().create(zexa::CreateContactList("VIP").description("Best"));
  CHECK(list.name == "VIP" && list.description && *list.description == "Best");
  client.contact_lists().add_contacts({list.id}, {a.id, b.id});
  CHECK(client.contact_lists().members(list.id).total == 2);
  int n = 0;
  for (const zexa::Contact& m : client.contact_lists().iter_members(list.id, zexa::ListParams().per_page(1))) {
    CHECK(m.id == a.id || m.id == b.id);
    n++;
  }
  CHECK(n == 2);
  client.contact_lists().remove_contacts({list.id}, {b.id});
  CHECK(client.contact_lists().members(list.id).total == 1);
  bool found = false;
  for (const zexa::ContactList& l : client.contact_lists().iter()) found = found || l.id == list.id;
  CHECK(found);
  CHECK(!client.contact_lists().list().items.empty());
  return list;
}

void test_campaigns(const zexa::Client& client, const zexa::ContactList& list) {
  zexa::CampaignPreview preview = client.campaigns().preview(list.id, "sms", "Olá");
  CHECK(preview.recipients == 1 && preview.sms && preview.sms->segments == 1);

  zexa::Campaign created = client.campaigns().create(zexa::CreateCampaign("Launch", "sms", list.id, "ZEXA").body("Promo!"));
  int polls = 0;
  zexa::Campaign done = client.campaigns().wait(created.id, std::chrono::milliseconds(20), std::chrono::minutes(1),
                                                [&](const zexa::Campaign& now) {
                                                  polls++;
                                                  CHECK(now.id == created.id);
                                                  return true;
                                                });
  CHECK(done.is_final && done.status == "completed" && polls >= 1);
  CHECK(done.delivered.has_value() && done.completed_at.has_value());
  CHECK(client.campaigns().get(created.id).is_final);
  CHECK(client.campaigns().wait(created.id).is_final);  // the library's default interval

  // Scheduled in 2099 and waited for without a timeout: only the callback can end it.
  zexa::Campaign later = client.campaigns().create(
      zexa::CreateCampaign("Later", "sms", list.id, "ZEXA").body("Later").scheduled_at("2099-01-01T00:00:00Z"));
  polls = 0;
  zexa::Error stopped = EXPECT_ERROR(ZEXA_CANCELLED, client.campaigns().wait(later.id, std::chrono::milliseconds(10),
                                                                             std::nullopt, [&](const zexa::Campaign&) {
                                                                               return ++polls < 3;
                                                                             }));
  CHECK(polls == 3 && !stopped.may_have_executed());

  // An exception from the callback reaches the caller of wait, as itself.
  polls = 0;
  bool caught = false;
  try {
    client.campaigns().wait(later.id, std::chrono::milliseconds(10), std::nullopt, [&](const zexa::Campaign&) -> bool {
      if (++polls == 2) throw Boom();
      return true;
    });
  } catch (const Boom& e) {
    caught = std::string(e.what()) == "boom from the callback";
  }
  CHECK(caught && polls == 2);

  EXPECT_ERROR(ZEXA_TIMEOUT, client.campaigns().wait(later.id, std::chrono::milliseconds(10), std::chrono::milliseconds(50)));

  int n = 0;
  for (const zexa::Campaign& each : client.campaigns().iter()) n += each.id == created.id;
  CHECK(n == 1);
  CHECK(client.campaigns().list().total >= 2);
}

void test_others(const zexa::Client& client, const std::string& url) {
  zexa::Message sent = client.messages().send(zexa::SendMessage("sms", "+244912000001", "ZEXA").body("Olá!"));
  CHECK(sent.id.rfind("msg_", 0) == 0 && client.messages().get(sent.id).id == sent.id);
  zexa::Error refused = EXPECT_ERROR(
      ZEXA_VALIDATION_ERROR, client.messages().send(zexa::SendMessage("sms", "+244912000001", "NOPE").body("x")));
  CHECK(refused.http_status() == 422 && !refused.may_have_executed());

  CHECK(!client.sender_ids().list().items.empty());
  int senders = 0;
  for (const zexa::SenderId& s : client.sender_ids().iter()) senders += !s.name.empty();
  CHECK(senders >= 1);

  zexa::Webhook hook = client.webhooks().create(zexa::CreateWebhook("http://127.0.0.1:9/hook", {"message.delivered"}));
  CHECK(hook.events.size() == 1 && hook.events[0] == "message.delivered");

  zexa::Credits credits = client.credits().get();
  CHECK(credits.balance > 0 && !credits.currency.empty());

  zexa::Export started = client.contacts().start_export();
  CHECK(client.exports().get(started.id).id == started.id);

  std::string csv = "Nome,Telefone\nZe,+244931000001\n";
  zexa::UploadPreview up = client.contacts().upload(std::vector<uint8_t>(csv.begin(), csv.end()), "c.csv");
  CHECK(up.columns.size() == 2 && up.rows.size() == 1 && up.rows[0][0] == "Ze");
  zexa::ImportResult imported =
      client.contacts().import_mapped(zexa::ImportMapped(up.upload_id, {{"Nome", "name"}, {"Telefone", "phone"}}));
  CHECK(imported.imported == 1 && imported.errors.empty());

  std::string json = client.request("GET", "/credits");
  CHECK(json.find("balance") != std::string::npos);
  std::string page = client.request("GET", "/contacts", {{"per_page", "1"}});
  CHECK(page.find("\"per_page\":1") != std::string::npos);

  CHECK(zexa::to_e164("0923 456 789", "244") == "+244923456789");
  CHECK(zexa::is_e164("+244923456789") && !zexa::is_e164("0923"));
  EXPECT_ERROR(ZEXA_INVALID_INPUT, zexa::to_e164("abc"));
  zexa::SmsSegments seg = zexa::sms_segments("Pão");
  CHECK(seg.encoding == ZEXA_SMS_UCS2 && seg.unicode_characters.size() == 1);
  CHECK(zexa::sms_smart_encode("\xe2\x80\x9chi\xe2\x80\x9d").text == "\"hi\"");
  zexa::WebhookEvent event = zexa::parse_webhook_event(
      R"({"id":"evt_1","type":"message.delivered","created_at":"2026-01-01T00:00:00Z","data":{"message_id":"msg_1","status":"delivered"}})");
  CHECK(event.event_type == "message.delivered" && event.message_id && *event.message_id == "msg_1");
  EXPECT_ERROR(ZEXA_DECODE_ERROR, zexa::parse_webhook_event("not json"));
  CHECK(zexa::version() == ZEXA_VERSION_STRING);

  // The builder: every setting reaches the library, which checks them at build().
  zexa::Client built = zexa::Client::builder("zx_sandbox_key")
                           .base_url(url)
                           .timeout(std::chrono::seconds(5))
                           .connect_timeout(std::chrono::seconds(2))
                           .total_timeout(std::chrono::seconds(20))
                           .max_retries(1)
                           .retry_backoff(std::chrono::milliseconds(10), std::chrono::milliseconds(100))
                           .max_retry_after(std::chrono::seconds(1))
                           .max_response_bytes(1 << 20)
                           .app_info("test_hpp", "1.0")
                           .max_idle_connections(2)
                           .idle_timeout(std::chrono::seconds(5))
                           .build();
  CHECK(built.credits().get().balance > 0);
  EXPECT_ERROR(ZEXA_INVALID_INPUT, zexa::Client::builder("zx_sandbox_key").base_url(url).timeout(std::chrono::milliseconds(0)).build());
  EXPECT_ERROR(ZEXA_INVALID_INPUT, zexa::Client("key", std::string("http://example.com/v1")));

  // Copies share the connection pool and outlive the original.
  zexa::Client copy = built;
  { zexa::Client gone = copy; }
  CHECK(copy.credits().get().balance > 0);

  // The log callback: a std::function; an exception in it is dropped, never unwinds into C.
  int records = 0;
  zexa::set_log_callback(ZEXA_LOG_DEBUG, [&](ZexaLogLevel, const std::string&, const std::string& message) {
    records++;
    CHECK(message.find("zx_sandbox_key") == std::string::npos);
    throw Boom();
  });
  client.credits().get();
  zexa::set_log_callback(ZEXA_LOG_DEBUG, nullptr);
  CHECK(records >= 1);
}

// The core's per-call options, response metadata, clearing fields and exports, in C++.
void test_core_api(const zexa::Client& client) {
  zexa::Contact c = client.contacts().create(
      zexa::CreateContact("Core Api", "+244937000001").email("core@x.ao").custom_field("k", "v"));

  zexa::Client scoped = client.with_options(zexa::RequestOptions()
                                                .timeout(std::chrono::seconds(5))
                                                .max_retries(0)
                                                .header("X-Trace", "abc")
                                                .query("phone", "+244937000001"));
  zexa::Page<zexa::Contact> only = scoped.contacts().list();
  CHECK(only.items.size() == 1 && only.items[0].id == c.id);
  EXPECT_ERROR(ZEXA_INVALID_INPUT, client.with_options(zexa::RequestOptions().header("Authorization", "x")));

  zexa::Response<zexa::Contact> r = client.with_response([&](const zexa::Client& cl) { return cl.contacts().get(c.id); });
  CHECK(r.value.id == c.id && r.info.status == 200 && r.info.attempts == 1);
  CHECK(r.info.request_id && r.info.header("X-Request-Id") == r.info.request_id);

  zexa::Contact cleared = client.contacts().update(c.id, zexa::UpdateContact().clear_email());
  CHECK(!cleared.email && cleared.custom_fields.size() == 1);
  cleared = client.contacts().update(c.id, zexa::UpdateContact().clear_custom_fields());
  CHECK(cleared.custom_fields.empty());

  zexa::Export started = client.contacts().start_export();
  zexa::Export done = client.exports().wait(started.id, std::chrono::milliseconds(20), std::chrono::seconds(30));
  CHECK(done.is_final && done.status == "completed");
  std::ostringstream file;
  uint64_t bytes = client.exports().download(done.id, file);
  CHECK(bytes == file.str().size() && file.str().find("+244937000001") != std::string::npos);
  bool caught = false;
  try {
    client.exports().download(done.id, [](const uint8_t*, size_t) { throw Boom(); });
  } catch (const Boom&) {
    caught = true;
  }
  CHECK(caught);
}

}  // namespace

int main(int argc, char** argv) {
  const char* url = argc > 1 ? argv[1] : std::getenv("ZEXA_BASE_URL");
  if (url == nullptr) {
    std::fprintf(stderr, "usage: test_hpp SANDBOX_URL\n");
    return 2;
  }
  zexa::Client client("zx_sandbox_key", std::string(url));
  test_contacts(client);
  zexa::ContactList list = test_lists(client);
  test_campaigns(client, list);
  test_others(client, url);
  test_core_api(client);
  std::printf("test_hpp: %d checks passed\n", checks);
  return 0;
}
