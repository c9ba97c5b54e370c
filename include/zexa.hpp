/*
 * zexa.hpp: the C++17 API of the Zexa SDK, header-only, over the C API of zexa.h.
 *
 *   #include <zexa.hpp>
 *   zexa::Client client(api_key, base_url);            // or zexa::Client::from_env()
 *   zexa::Contact c = client.contacts().create(zexa::CreateContact("Maria Santos", "+244912345678"));
 *   for (const zexa::Contact& each : client.contacts().iter()) { ... }   // lazy, every page
 *   try { client.contacts().get("cnt_missing"); }
 *   catch (const zexa::Error& e) { e.status(); e.http_status(); e.what(); e.request_id(); }
 *
 * Rules:
 * - Every failure throws zexa::Error, which carries every field of the C last-error record
 *   (read at once, on the failing thread). Nothing else is thrown but std::bad_alloc and what
 *   your own callbacks throw.
 * - Models are plain values (std::string, std::optional, std::vector); nothing is freed by
 *   hand: the C results are released as soon as they are copied.
 * - Requests are built with chained setters; each maps to the C request struct of the same
 *   name, initialised with ZEXA_STRUCT_INIT. Defaults are the library's: a setter not called
 *   sends nothing for that field.
 * - A Client may be copied (copies share one connection pool) and used from several threads;
 *   ranges (iter()) and ClientBuilder may not be shared between threads.
 * - An exception thrown by a wait's progress callback stops the wait and is rethrown from
 *   wait() on the calling thread; it never crosses the C library.
 */
#ifndef ZEXA_HPP
#define ZEXA_HPP

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "zexa.h"

namespace zexa {

/** A failed call: the status and every detail of the C library's last-error record. */
class Error : public std::runtime_error {
 public:
  /** The error of the call that just failed with `status`, on this thread. */
  static Error last(ZexaStatus status) {
    const char* message = zexa_last_error_message();
    Error e(status, message ? message : zexa_status_name(status));
    e.http_status_ = zexa_last_error_http_status();
    e.code_ = opt(zexa_last_error_code());
    e.details_json_ = opt(zexa_last_error_details_json());
    e.request_id_ = opt(zexa_last_error_request_id());
    e.field_ = opt(zexa_last_error_field());
    int64_t retry_after = zexa_last_error_retry_after_ms();
    if (retry_after >= 0) e.retry_after_ = std::chrono::milliseconds(retry_after);
    e.attempts_ = zexa_last_error_attempts();
    e.may_have_executed_ = zexa_last_error_may_have_executed();
    return e;
  }

  /** The status, e.g. ZEXA_NOT_FOUND. */
  ZexaStatus status() const noexcept { return status_; }
  /** Its name, e.g. "ZEXA_NOT_FOUND". */
  const char* status_name() const noexcept { return zexa_status_name(status_); }
  /** The HTTP status of the answer, or 0 when none came back. */
  uint16_t http_status() const noexcept { return http_status_; }
  /** The API's error code (`validation_error`...), when the server answered with one. */
  const std::optional<std::string>& code() const noexcept { return code_; }
  /** The API error's `details` object as JSON, when it had one. */
  const std::optional<std::string>& details_json() const noexcept { return details_json_; }
  /** The request ID to quote to Zexa support, when the answer had one. */
  const std::optional<std::string>& request_id() const noexcept { return request_id_; }
  /** The field refused locally, for ZEXA_INVALID_INPUT. */
  const std::optional<std::string>& field() const noexcept { return field_; }
  /** How long the server asked to wait (a 429's Retry-After), when it said. */
  const std::optional<std::chrono::milliseconds>& retry_after() const noexcept { return retry_after_; }
  /** HTTP attempts made, retries included (0 when nothing was sent). */
  uint32_t attempts() const noexcept { return attempts_; }
  /** Whether the call may have taken effect although it failed (see zexa.h). */
  bool may_have_executed() const noexcept { return may_have_executed_; }

 private:
  Error(ZexaStatus status, const std::string& message) : std::runtime_error(message), status_(status) {}
  static std::optional<std::string> opt(const char* text) {
    return text ? std::optional<std::string>(text) : std::nullopt;
  }

  ZexaStatus status_;
  uint16_t http_status_ = 0;
  std::optional<std::string> code_, details_json_, request_id_, field_;
  std::optional<std::chrono::milliseconds> retry_after_;
  uint32_t attempts_ = 0;
  bool may_have_executed_ = false;
};

namespace detail {

/** Throws the last error unless `status` is ZEXA_OK. */
inline void check(ZexaStatus status) {
  if (status != ZEXA_OK) throw Error::last(status);
}

/** A C result with its free function. */
template <typename C>
using Ptr = std::unique_ptr<C, void (*)(C*)>;

inline std::string str(const char* text) { return text ? std::string(text) : std::string(); }
inline std::optional<std::string> opt(const char* text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}
inline std::optional<uint64_t> count(int64_t value) {
  return value >= 0 ? std::optional<uint64_t>(static_cast<uint64_t>(value)) : std::nullopt;
}
inline std::optional<bool> tristate(ZexaTristate value) {
  if (value == ZEXA_TRISTATE_TRUE) return true;
  if (value == ZEXA_TRISTATE_FALSE) return false;
  return std::nullopt;
}
inline ZexaTristate tristate(const std::optional<bool>& value) {
  return !value ? ZEXA_TRISTATE_UNSET : (*value ? ZEXA_TRISTATE_TRUE : ZEXA_TRISTATE_FALSE);
}
inline std::vector<std::string> strs(const char* const* items, size_t len) {
  std::vector<std::string> out;
  out.reserve(len);
  for (size_t i = 0; i < len; i++) out.push_back(str(items[i]));
  return out;
}
inline std::map<std::string, std::string> strmap(const char* const* keys, const char* const* values,
                                                 size_t len) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < len; i++) out.emplace(str(keys[i]), str(values[i]));
  return out;
}
/** The C string of an optional argument: NULL when absent. */
inline const char* c(const std::optional<std::string>& text) { return text ? text->c_str() : nullptr; }

// Empty values to point into when an optional is absent: a conditional expression with a
// temporary would be a copy that dies before the C call.
inline const std::vector<std::string>& no_strings() {
  static const std::vector<std::string> none;
  return none;
}
inline const std::map<std::string, std::string>& no_fields() {
  static const std::map<std::string, std::string> none;
  return none;
}

/** The `const char *` array of strings that outlive it (the request's own members). */
class CStrings {
 public:
  CStrings() = default;
  explicit CStrings(const std::vector<std::string>& items) {
    for (const std::string& item : items) ptrs_.push_back(item.c_str());
  }
  const char* const* data() const { return ptrs_.empty() ? nullptr : ptrs_.data(); }
  size_t size() const { return ptrs_.size(); }

 private:
  std::vector<const char*> ptrs_;
};

/** Keys and values of a string map, as parallel C arrays. */
struct CMap {
  std::vector<const char*> keys, values;
  explicit CMap(const std::map<std::string, std::string>& map) {
    for (const auto& entry : map) {
      keys.push_back(entry.first.c_str());
      values.push_back(entry.second.c_str());
    }
  }
};

}  // namespace detail

/* ---- Models ------------------------------------------------------------------------------ */

/** A contact. */
struct Contact {
  std::string id, name, phone;
  std::optional<std::string> email;
  std::vector<std::string> lists;
  std::map<std::string, std::string> custom_fields;
  std::optional<std::string> gender;
  std::optional<bool> valid;  ///< whether the number is valid for delivery, when known
  std::string created_at;
  std::string extra_json;  ///< fields this version does not model, as a JSON object
};

/** A contact list. */
struct ContactList {
  std::string id, name;
  std::optional<std::string> description;
  std::optional<uint64_t> contact_count;
  std::string created_at, extra_json;
};

/** A campaign and its delivery statistics. */
struct Campaign {
  std::string id, name, status, channel;
  uint64_t total_recipients = 0;
  std::optional<uint64_t> delivered, failed;
  std::string created_at;
  std::optional<std::string> sent_at, completed_at;
  bool is_final = false;  ///< completed or failed, as the library decides
  std::string extra_json;
};

/** A single message and its delivery status. */
struct Message {
  std::string id, status, channel, to, from, created_at;
  std::optional<std::string> error_json, delivered_at;
  bool is_final = false;
  std::string extra_json;
};

/** A registered sender ID. */
struct SenderId {
  std::string id, name, channel, status, extra_json;
};

/** A registered delivery-status webhook. */
struct Webhook {
  std::string id, url;
  std::vector<std::string> events;
  std::string created_at, extra_json;
};

/** The account's credit balance. */
struct Credits {
  double balance = 0;
  std::string currency, extra_json;
};

/** An asynchronous contact export. */
struct Export {
  std::string id, status;
  std::optional<std::string> download_url;
  std::string created_at;
  bool is_final = false;
  std::string extra_json;
};

/** What an uploaded file contains. */
struct UploadPreview {
  std::string upload_id;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  uint64_t total_rows = 0;
  std::string extra_json;
};

/** One row of an import that was not imported. */
struct ImportRowError {
  uint64_t row = 0;
  std::string error, message, extra_json;
};

/** The outcome of an import. */
struct ImportResult {
  uint64_t imported = 0, skipped = 0;
  std::vector<ImportRowError> errors;
  std::string extra_json;
};

/** A character GSM-7 cannot carry. */
struct SmsCharacter {
  std::string character;
  size_t byte_offset = 0, char_index = 0;
};

/** How an SMS body is encoded and split into billed segments. */
struct SmsSegments {
  ZexaSmsEncoding encoding = ZEXA_SMS_GSM7;
  std::string encoding_name;
  uint32_t segments = 0;
  size_t units = 0;
  uint32_t per_segment = 0;
  std::vector<SmsCharacter> unicode_characters;
};

/** One change made by sms_smart_encode. */
struct SmsReplacement {
  std::string original, replacement;
  size_t byte_offset = 0, char_index = 0;
};

/** The result of sms_smart_encode. */
struct SmsSmartEncoded {
  std::string text;
  std::vector<SmsReplacement> replacements;
};

/** What a campaign would use, computed without creating it. */
struct CampaignPreview {
  std::string contact_list_id, channel;
  uint64_t recipients = 0;
  std::optional<SmsSegments> sms;  ///< for SMS only
  std::optional<uint64_t> segments_per_message, total_segments;
};

/** A delivery-status event POSTed to a webhook. */
struct WebhookEvent {
  std::string id, event_type, created_at;
  std::optional<std::string> message_id, campaign_id, status, to, error_json;
  std::string data_extra_json, extra_json;
};

/** One page of a list endpoint. */
template <typename T>
struct Page {
  std::vector<T> items;
  uint64_t total = 0;  ///< items in the whole list
  uint32_t page = 0, per_page = 0;
};

namespace detail {

inline Contact from_c(const ZexaContact& c) {
  return Contact{str(c.id),
                 str(c.name),
                 str(c.phone),
                 opt(c.email),
                 strs(c.lists, c.lists_len),
                 strmap(c.custom_field_keys, c.custom_field_values, c.custom_fields_len),
                 opt(c.gender),
                 tristate(c.valid),
                 str(c.created_at),
                 str(c.extra_json)};
}
inline ContactList from_c(const ZexaContactList& c) {
  return ContactList{str(c.id),         str(c.name),       opt(c.description), count(c.contact_count),
                     str(c.created_at), str(c.extra_json)};
}
inline Campaign from_c(const ZexaCampaign& c) {
  return Campaign{str(c.id),         str(c.name),       str(c.status),       str(c.channel),
                  c.total_recipients, count(c.delivered), count(c.failed),    str(c.created_at),
                  opt(c.sent_at),    opt(c.completed_at), c.is_final,         str(c.extra_json)};
}
inline Message from_c(const ZexaMessage& c) {
  return Message{str(c.id),         str(c.status),       str(c.channel),  str(c.to),
                 str(c.from),       str(c.created_at),   opt(c.error_json), opt(c.delivered_at),
                 c.is_final,        str(c.extra_json)};
}
inline SenderId from_c(const ZexaSenderId& c) {
  return SenderId{str(c.id), str(c.name), str(c.channel), str(c.status), str(c.extra_json)};
}
inline Webhook from_c(const ZexaWebhook& c) {
  return Webhook{str(c.id), str(c.url), strs(c.events, c.events_len), str(c.created_at), str(c.extra_json)};
}
inline Credits from_c(const ZexaCredits& c) { return Credits{c.balance, str(c.currency), str(c.extra_json)}; }
inline Export from_c(const ZexaExport& c) {
  return Export{str(c.id), str(c.status), opt(c.download_url), str(c.created_at), c.is_final, str(c.extra_json)};
}
inline UploadPreview from_c(const ZexaUploadPreview& c) {
  UploadPreview out{str(c.upload_id), strs(c.columns, c.columns_len), {}, c.total_rows, str(c.extra_json)};
  for (size_t i = 0; i < c.rows_len; i++) out.rows.push_back(strs(c.rows[i]->items, c.rows[i]->len));
  return out;
}
inline ImportResult from_c(const ZexaImportResult& c) {
  ImportResult out{c.imported, c.skipped, {}, str(c.extra_json)};
  for (size_t i = 0; i < c.errors_len; i++) {
    const ZexaImportRowError& e = *c.errors[i];
    out.errors.push_back(ImportRowError{e.row, str(e.error), str(e.message), str(e.extra_json)});
  }
  return out;
}
inline SmsSegments from_c(const ZexaSmsSegments& c) {
  SmsSegments out{c.encoding, str(c.encoding_name), c.segments, c.units, c.per_segment, {}};
  for (size_t i = 0; i < c.unicode_characters_len; i++) {
    const ZexaSmsCharacter& u = *c.unicode_characters[i];
    out.unicode_characters.push_back(SmsCharacter{str(u.character), u.byte_offset, u.char_index});
  }
  return out;
}
inline SmsSmartEncoded from_c(const ZexaSmsSmartEncoded& c) {
  SmsSmartEncoded out{str(c.text), {}};
  for (size_t i = 0; i < c.replacements_len; i++) {
    const ZexaSmsReplacement& r = *c.replacements[i];
    out.replacements.push_back(SmsReplacement{str(r.original), str(r.replacement), r.byte_offset, r.char_index});
  }
  return out;
}
inline CampaignPreview from_c(const ZexaCampaignPreview& c) {
  CampaignPreview out{str(c.contact_list_id), str(c.channel), c.recipients, std::nullopt,
                      count(c.segments_per_message), count(c.total_segments)};
  if (c.sms) out.sms = from_c(*c.sms);
  return out;
}
inline WebhookEvent from_c(const ZexaWebhookEvent& c) {
  return WebhookEvent{str(c.id),          str(c.event_type), str(c.created_at),      opt(c.message_id),
                      opt(c.campaign_id), opt(c.status),     opt(c.to),              opt(c.error_json),
                      str(c.data_extra_json), str(c.extra_json)};
}
template <typename T, typename CPage>
Page<T> page_from_c(const CPage& c) {
  Page<T> out{{}, c.total, c.page, c.per_page};
  out.items.reserve(c.count);
  for (size_t i = 0; i < c.count; i++) out.items.push_back(from_c(*c.items[i]));
  return out;
}

/** Makes a call that returns one C result through `out`, and converts it. */
template <typename C, typename Call>
auto fetch(void (*free_fn)(C*), Call&& call) -> decltype(from_c(std::declval<const C&>())) {
  C* raw = nullptr;
  check(call(&raw));
  Ptr<C> owned(raw, free_fn);
  return from_c(*owned);
}

/** As fetch, for a page. */
template <typename T, typename C, typename Call>
Page<T> fetch_page(void (*free_fn)(C*), Call&& call) {
  C* raw = nullptr;
  check(call(&raw));
  Ptr<C> owned(raw, free_fn);
  return page_from_c<T>(*owned);
}

}  // namespace detail

/* ---- Lazy ranges ------------------------------------------------------------------------- */

/**
 * Every item of a list, fetched page by page as the loop advances (one page in memory):
 * `for (const zexa::Contact& c : client.contacts().iter()) ...`. A failure throws
 * zexa::Error from the increment that needed the page. Iterate it once.
 */
template <typename T>
class Range {
 public:
  /** Returns the next item, or nothing at the end. */
  using Next = std::function<std::optional<T>()>;

  /** An input iterator over the range. */
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    iterator() = default;
    reference operator*() const { return *range_->current_; }
    pointer operator->() const { return &*range_->current_; }
    iterator& operator++() {
      range_->advance();
      if (!range_->current_) range_ = nullptr;
      return *this;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.range_ == b.range_; }
    friend bool operator!=(const iterator& a, const iterator& b) { return a.range_ != b.range_; }

   private:
    friend class Range;
    explicit iterator(Range* range) : range_(range) {
      if (!range_->started_) {
        range_->started_ = true;
        range_->advance();
      }
      if (!range_->current_) range_ = nullptr;
    }
    Range* range_ = nullptr;
  };

  explicit Range(Next next) : next_(std::move(next)) {}
  /** Fetches the first page (on the first call). */
  iterator begin() { return iterator(this); }
  iterator end() { return iterator(); }

 private:
  void advance() { current_ = next_(); }
  Next next_;
  std::optional<T> current_;
  bool started_ = false;
};

namespace detail {

/** A Range over a C iterator handle (freed when the range goes). */
template <typename T, typename CIter, typename CItem>
Range<T> range(CIter* raw, void (*free_iter)(CIter*), ZexaStatus (*next)(CIter*, CItem**),
               void (*free_item)(CItem*)) {
  std::shared_ptr<CIter> handle(raw, free_iter);
  return Range<T>([handle, next, free_item]() -> std::optional<T> {
    CItem* item = nullptr;
    check(next(handle.get(), &item));
    if (item == nullptr) return std::nullopt;
    Ptr<CItem> owned(item, free_item);
    return from_c(*owned);
  });
}

}  // namespace detail

/* ---- Requests ---------------------------------------------------------------------------- */

/** Page number and size of a list call (defaults: the first page, the library's size). */
class ListParams {
 public:
  ListParams& page(uint32_t page) { page_ = page; return *this; }
  ListParams& per_page(uint32_t per_page) { per_page_ = per_page; return *this; }
  /** The C struct (0: the library's default). */
  ZexaListParams to_c() const {
    ZexaListParams c = ZEXA_STRUCT_INIT(ZexaListParams);
    c.page = page_;
    c.per_page = per_page_;
    return c;
  }

 private:
  uint32_t page_ = 0, per_page_ = 0;
};

/** A new contact: name and E.164 phone required. */
class CreateContact {
 public:
  CreateContact(std::string name, std::string phone) : name_(std::move(name)), phone_(std::move(phone)) {}
  CreateContact& email(std::string email) { email_ = std::move(email); return *this; }
  CreateContact& lists(std::vector<std::string> list_ids) { lists_ = std::move(list_ids); return *this; }
  CreateContact& custom_field(const std::string& key, std::string value) {
    if (!custom_fields_) custom_fields_.emplace();
    (*custom_fields_)[key] = std::move(value);
    return *this;
  }
  CreateContact& custom_fields(std::map<std::string, std::string> fields) {
    custom_fields_ = std::move(fields);
    return *this;
  }
  /** Calls `f` with the C struct, valid during the call. */
  template <typename F>
  auto with_c(F&& f) const {
    detail::CStrings lists(lists_ ? *lists_ : detail::no_strings());
    detail::CMap fields(custom_fields_ ? *custom_fields_ : detail::no_fields());
    ZexaCreateContact c = ZEXA_STRUCT_INIT(ZexaCreateContact);
    c.name = name_.c_str();
    c.phone = phone_.c_str();
    c.email = detail::c(email_);
    static const char* const empty[1] = {nullptr};
    if (lists_) {
      c.lists = lists.size() ? lists.data() : empty;  // non-NULL: an empty list is sent
      c.lists_len = lists.size();
    }
    if (custom_fields_) {
      c.custom_field_keys = fields.keys.empty() ? empty : fields.keys.data();
      c.custom_field_values = fields.values.empty() ? empty : fields.values.data();
      c.custom_fields_len = fields.keys.size();
    }
    return f(c);
  }

 private:
  std::string name_, phone_;
  std::optional<std::string> email_;
  std::optional<std::vector<std::string>> lists_;
  std::optional<std::map<std::string, std::string>> custom_fields_;
};

/** Changes to a contact: only the fields set are sent. */
class UpdateContact {
 public:
  UpdateContact& name(std::string name) { name_ = std::move(name); return *this; }
  UpdateContact& phone(std::string phone) { phone_ = std::move(phone); return *this; }
  UpdateContact& email(std::string email) {
    email_ = std::move(email);
    clear_email_ = false;
    return *this;
  }
  UpdateContact& lists(std::vector<std::string> list_ids) { lists_ = std::move(list_ids); return *this; }
  UpdateContact& custom_fields(std::map<std::string, std::string> fields) {
    custom_fields_ = std::move(fields);
    clear_custom_fields_ = false;
    return *this;
  }
  /** Removes the email (sent as null). */
  UpdateContact& clear_email() {
    email_.reset();
    clear_email_ = true;
    return *this;
  }
  /** Removes every custom field (sent as null). */
  UpdateContact& clear_custom_fields() {
    custom_fields_.reset();
    clear_custom_fields_ = true;
    return *this;
  }
  /** Calls `f` with the C struct, valid during the call. */
  template <typename F>
  auto with_c(F&& f) const {
    detail::CStrings lists(lists_ ? *lists_ : detail::no_strings());
    detail::CMap fields(custom_fields_ ? *custom_fields_ : detail::no_fields());
    static const char* const empty[1] = {nullptr};
    ZexaUpdateContact c = ZEXA_STRUCT_INIT(ZexaUpdateContact);
    c.name = detail::c(name_);
    c.phone = detail::c(phone_);
    c.email = detail::c(email_);
    c.clear_email = clear_email_;
    c.clear_custom_fields = clear_custom_fields_;
    if (lists_) {
      c.lists = lists.size() ? lists.data() : empty;  // non-NULL: an empty list is sent
      c.lists_len = lists.size();
    }
    if (custom_fields_) {
      c.custom_field_keys = fields.keys.empty() ? empty : fields.keys.data();
      c.custom_field_values = fields.values.empty() ? empty : fields.values.data();
      c.custom_fields_len = fields.keys.size();
    }
    return f(c);
  }

 private:
  std::optional<std::string> name_, phone_, email_;
  std::optional<std::vector<std::string>> lists_;
  std::optional<std::map<std::string, std::string>> custom_fields_;
  bool clear_email_ = false, clear_custom_fields_ = false;
};

/** Filters and paging of a contact search (none set: every contact). */
class ListContacts {
 public:
  ListContacts& list_id(std::string v) { list_id_ = std::move(v); return *this; }
  ListContacts& name(std::string v) { name_ = std::move(v); return *this; }
  ListContacts& phone(std::string v) { phone_ = std::move(v); return *this; }
  ListContacts& email(std::string v) { email_ = std::move(v); return *this; }
  ListContacts& gender(std::string v) { gender_ = std::move(v); return *this; }
  ListContacts& valid(bool v) { valid_ = v; return *this; }
  ListContacts& channel(std::string v) { channel_ = std::move(v); return *this; }
  ListContacts& page(uint32_t v) { page_ = v; return *this; }
  ListContacts& per_page(uint32_t v) { per_page_ = v; return *this; }
  /** The C struct; its strings belong to this object. */
  ZexaListContacts to_c() const {
    ZexaListContacts c = ZEXA_STRUCT_INIT(ZexaListContacts);
    c.list_id = detail::c(list_id_);
    c.name = detail::c(name_);
    c.phone = detail::c(phone_);
    c.email = detail::c(email_);
    c.gender = detail::c(gender_);
    c.valid = detail::tristate(valid_);
    c.channel = detail::c(channel_);
    c.page = page_;
    c.per_page = per_page_;
    return c;
  }

 private:
  std::optional<std::string> list_id_, name_, phone_, email_, gender_, channel_;
  std::optional<bool> valid_;
  uint32_t page_ = 0, per_page_ = 0;
};

/** A new contact list. */
class CreateContactList {
 public:
  explicit CreateContactList(std::string name) : name_(std::move(name)) {}
  CreateContactList& description(std::string v) { description_ = std::move(v); return *this; }
  ZexaCreateContactList to_c() const {
    ZexaCreateContactList c = ZEXA_STRUCT_INIT(ZexaCreateContactList);
    c.name = name_.c_str();
    c.description = detail::c(description_);
    return c;
  }

 private:
  std::string name_;
  std::optional<std::string> description_;
};

/** A single message: a body or a template. */
class SendMessage {
 public:
  SendMessage(std::string channel, std::string to, std::string from)
      : channel_(std::move(channel)), to_(std::move(to)), from_(std::move(from)) {}
  SendMessage& body(std::string v) { body_ = std::move(v); return *this; }
  SendMessage& template_json(std::string v) { template_json_ = std::move(v); return *this; }
  SendMessage& max_segments(uint32_t v) { max_segments_ = v; return *this; }
  ZexaSendMessage to_c() const {
    ZexaSendMessage c = ZEXA_STRUCT_INIT(ZexaSendMessage);
    c.channel = channel_.c_str();
    c.to = to_.c_str();
    c.from = from_.c_str();
    c.body = detail::c(body_);
    c.template_json = detail::c(template_json_);
    c.max_segments = max_segments_;
    return c;
  }

 private:
  std::string channel_, to_, from_;
  std::optional<std::string> body_, template_json_;
  uint32_t max_segments_ = 0;
};

/** A new campaign to a contact list: a body or a template. */
class CreateCampaign {
 public:
  CreateCampaign(std::string name, std::string channel, std::string contact_list_id, std::string sender_id)
      : name_(std::move(name)),
        channel_(std::move(channel)),
        contact_list_id_(std::move(contact_list_id)),
        sender_id_(std::move(sender_id)) {}
  CreateCampaign& body(std::string v) { body_ = std::move(v); return *this; }
  CreateCampaign& template_json(std::string v) { template_json_ = std::move(v); return *this; }
  /** ISO 8601 UTC; not set: now. */
  CreateCampaign& scheduled_at(std::string v) { scheduled_at_ = std::move(v); return *this; }
  CreateCampaign& max_segments(uint32_t v) { max_segments_ = v; return *this; }
  ZexaCreateCampaign to_c() const {
    ZexaCreateCampaign c = ZEXA_STRUCT_INIT(ZexaCreateCampaign);
    c.name = name_.c_str();
    c.channel = channel_.c_str();
    c.contact_list_id = contact_list_id_.c_str();
    c.sender_id = sender_id_.c_str();
    c.body = detail::c(body_);
    c.template_json = detail::c(template_json_);
    c.scheduled_at = detail::c(scheduled_at_);
    c.max_segments = max_segments_;
    return c;
  }

 private:
  std::string name_, channel_, contact_list_id_, sender_id_;
  std::optional<std::string> body_, template_json_, scheduled_at_;
  uint32_t max_segments_ = 0;
};

/** A webhook registration. */
class CreateWebhook {
 public:
  CreateWebhook(std::string url, std::vector<std::string> events) : url_(std::move(url)), events_(std::move(events)) {}
  template <typename F>
  auto with_c(F&& f) const {
    detail::CStrings events(events_);
    ZexaCreateWebhook c = ZEXA_STRUCT_INIT(ZexaCreateWebhook);
    c.url = url_.c_str();
    c.events = events.data();
    c.events_len = events.size();
    return f(c);
  }

 private:
  std::string url_;
  std::vector<std::string> events_;
};

/** A contact export (nothing set: every contact, the library's default format). */
class CreateExport {
 public:
  CreateExport& list_id(std::string v) { list_id_ = std::move(v); return *this; }
  CreateExport& format(std::string v) { format_ = std::move(v); return *this; }
  ZexaCreateExport to_c() const {
    ZexaCreateExport c = ZEXA_STRUCT_INIT(ZexaCreateExport);
    c.list_id = detail::c(list_id_);
    c.format = detail::c(format_);
    return c;
  }

 private:
  std::optional<std::string> list_id_, format_;
};

/** Imports an uploaded CSV/Excel file with a column -> field mapping. */
class ImportMapped {
 public:
  ImportMapped(std::string upload_id, std::map<std::string, std::string> mapping)
      : upload_id_(std::move(upload_id)), mapping_(std::move(mapping)) {}
  ImportMapped& lists(std::vector<std::string> v) { lists_ = std::move(v); return *this; }
  template <typename F>
  auto with_c(F&& f) const {
    detail::CMap mapping(mapping_);
    detail::CStrings lists(lists_ ? *lists_ : detail::no_strings());
    static const char* const empty[1] = {nullptr};
    ZexaImportMapped c = ZEXA_STRUCT_INIT(ZexaImportMapped);
    c.upload_id = upload_id_.c_str();
    c.columns = mapping.keys.empty() ? nullptr : mapping.keys.data();
    c.fields = mapping.values.empty() ? nullptr : mapping.values.data();
    c.mapping_len = mapping.keys.size();
    if (lists_) {
      c.lists = lists.size() ? lists.data() : empty;  // non-NULL: an empty list is sent
      c.lists_len = lists.size();
    }
    return f(c);
  }

 private:
  std::string upload_id_;
  std::map<std::string, std::string> mapping_;
  std::optional<std::vector<std::string>> lists_;
};

/** Imports an uploaded vCard file. */
class ImportVcard {
 public:
  explicit ImportVcard(std::string upload_id) : upload_id_(std::move(upload_id)) {}
  ImportVcard& lists(std::vector<std::string> v) { lists_ = std::move(v); return *this; }
  template <typename F>
  auto with_c(F&& f) const {
    detail::CStrings lists(lists_ ? *lists_ : detail::no_strings());
    static const char* const empty[1] = {nullptr};
    ZexaImportVcard c = ZEXA_STRUCT_INIT(ZexaImportVcard);
    c.upload_id = upload_id_.c_str();
    if (lists_) {
      c.lists = lists.size() ? lists.data() : empty;  // non-NULL: an empty list is sent
      c.lists_len = lists.size();
    }
    return f(c);
  }

 private:
  std::string upload_id_;
  std::optional<std::vector<std::string>> lists_;
};

/* ---- Resources --------------------------------------------------------------------------- */

/** Contacts, and their bulk import and export. */
class Contacts {
 public:
  explicit Contacts(const ZexaClient* client) : client_(client) {}

  Contact create(const CreateContact& contact) const {
    return contact.with_c([&](const ZexaCreateContact& c) {
      return detail::fetch(zexa_contact_free, [&](ZexaContact** out) { return zexa_contacts_create(client_, &c, out); });
    });
  }
  Contact get(const std::string& id) const {
    return detail::fetch(zexa_contact_free, [&](ZexaContact** out) { return zexa_contacts_get(client_, id.c_str(), out); });
  }
  Contact update(const std::string& id, const UpdateContact& changes) const {
    return changes.with_c([&](const ZexaUpdateContact& c) {
      return detail::fetch(zexa_contact_free,
                           [&](ZexaContact** out) { return zexa_contacts_update(client_, id.c_str(), &c, out); });
    });
  }
  /** Deletes a contact permanently. */
  void remove(const std::string& id) const { detail::check(zexa_contacts_delete(client_, id.c_str())); }
  /** Deletes several contacts at once. */
  void remove_many(const std::vector<std::string>& ids) const {
    detail::CStrings c(ids);
    detail::check(zexa_contacts_delete_many(client_, c.data(), c.size()));
  }
  Page<Contact> list(const ListContacts& filters = ListContacts()) const {
    ZexaListContacts c = filters.to_c();
    return detail::fetch_page<Contact>(zexa_contact_page_free,
                                       [&](ZexaContactPage** out) { return zexa_contacts_list(client_, &c, out); });
  }
  /** Every contact matching `filters`, lazily. */
  Range<Contact> iter(const ListContacts& filters = ListContacts()) const {
    ZexaListContacts c = filters.to_c();
    ZexaContactIter* raw = nullptr;
    detail::check(zexa_contact_iter_new(client_, &c, &raw));
    return detail::range<Contact>(raw, zexa_contact_iter_free, zexa_contact_iter_next, zexa_contact_free);
  }
  /** Uploads a CSV or Excel file (the extension of `filename` chooses the type). */
  UploadPreview upload(const std::vector<uint8_t>& data, const std::string& filename) const {
    return detail::fetch(zexa_upload_preview_free, [&](ZexaUploadPreview** out) {
      return zexa_contacts_upload(client_, data.data(), data.size(), filename.c_str(), out);
    });
  }
  /** Uploads a vCard (.vcf) file. */
  UploadPreview upload_vcard(const std::vector<uint8_t>& data, const std::string& filename) const {
    return detail::fetch(zexa_upload_preview_free, [&](ZexaUploadPreview** out) {
      return zexa_contacts_upload_vcard(client_, data.data(), data.size(), filename.c_str(), out);
    });
  }
  ImportResult import_mapped(const ImportMapped& request) const {
    return request.with_c([&](const ZexaImportMapped& c) {
      return detail::fetch(zexa_import_result_free,
                           [&](ZexaImportResult** out) { return zexa_contacts_import_mapped(client_, &c, out); });
    });
  }
  ImportResult import_vcard(const ImportVcard& request) const {
    return request.with_c([&](const ZexaImportVcard& c) {
      return detail::fetch(zexa_import_result_free,
                           [&](ZexaImportResult** out) { return zexa_contacts_import_vcard(client_, &c, out); });
    });
  }
  /** Starts an export of contacts; follow it with client.exports(). */
  Export start_export(const CreateExport& request = CreateExport()) const {
    ZexaCreateExport c = request.to_c();
    return detail::fetch(zexa_export_free, [&](ZexaExport** out) { return zexa_contacts_export(client_, &c, out); });
  }

 private:
  const ZexaClient* client_;
};

/** Contact lists and their members. */
class ContactLists {
 public:
  explicit ContactLists(const ZexaClient* client) : client_(client) {}

  ContactList create(const CreateContactList& list) const {
    ZexaCreateContactList c = list.to_c();
    return detail::fetch(zexa_contact_list_free,
                         [&](ZexaContactList** out) { return zexa_contact_lists_create(client_, &c, out); });
  }
  Page<ContactList> list(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    return detail::fetch_page<ContactList>(
        zexa_contact_list_page_free, [&](ZexaContactListPage** out) { return zexa_contact_lists_list(client_, &c, out); });
  }
  Range<ContactList> iter(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    ZexaContactListIter* raw = nullptr;
    detail::check(zexa_contact_list_iter_new(client_, &c, &raw));
    return detail::range<ContactList>(raw, zexa_contact_list_iter_free, zexa_contact_list_iter_next,
                                      zexa_contact_list_free);
  }
  /** Adds every contact of `contact_ids` to every list of `list_ids`. */
  void add_contacts(const std::vector<std::string>& list_ids, const std::vector<std::string>& contact_ids) const {
    detail::CStrings lists(list_ids), contacts(contact_ids);
    detail::check(zexa_contact_lists_add_contacts(client_, lists.data(), lists.size(), contacts.data(), contacts.size()));
  }
  /** Removes contacts from lists (the contacts remain). */
  void remove_contacts(const std::vector<std::string>& list_ids, const std::vector<std::string>& contact_ids) const {
    detail::CStrings lists(list_ids), contacts(contact_ids);
    detail::check(
        zexa_contact_lists_remove_contacts(client_, lists.data(), lists.size(), contacts.data(), contacts.size()));
  }
  /** One page of a list's members. */
  Page<Contact> members(const std::string& list_id, const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    return detail::fetch_page<Contact>(zexa_contact_page_free, [&](ZexaContactPage** out) {
      return zexa_contact_lists_members(client_, list_id.c_str(), &c, out);
    });
  }
  /** Every member of a list, lazily. */
  Range<Contact> iter_members(const std::string& list_id, const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    ZexaContactIter* raw = nullptr;
    detail::check(zexa_contact_lists_members_iter_new(client_, list_id.c_str(), &c, &raw));
    return detail::range<Contact>(raw, zexa_contact_iter_free, zexa_contact_iter_next, zexa_contact_free);
  }

 private:
  const ZexaClient* client_;
};

/** Campaigns: create, follow, wait for. */
class Campaigns {
 public:
  /** Called after every poll of wait(); return false to stop the wait (it then throws a
   * zexa::Error with ZEXA_CANCELLED). An exception it throws stops the wait and is rethrown. */
  using Progress = std::function<bool(const Campaign&)>;

  explicit Campaigns(const ZexaClient* client) : client_(client) {}

  Campaign create(const CreateCampaign& campaign) const {
    ZexaCreateCampaign c = campaign.to_c();
    return detail::fetch(zexa_campaign_free, [&](ZexaCampaign** out) { return zexa_campaigns_create(client_, &c, out); });
  }
  Campaign get(const std::string& id) const {
    return detail::fetch(zexa_campaign_free,
                         [&](ZexaCampaign** out) { return zexa_campaigns_get(client_, id.c_str(), out); });
  }
  Page<Campaign> list(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    return detail::fetch_page<Campaign>(zexa_campaign_page_free,
                                        [&](ZexaCampaignPage** out) { return zexa_campaigns_list(client_, &c, out); });
  }
  Range<Campaign> iter(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    ZexaCampaignIter* raw = nullptr;
    detail::check(zexa_campaign_iter_new(client_, &c, &raw));
    return detail::range<Campaign>(raw, zexa_campaign_iter_free, zexa_campaign_iter_next, zexa_campaign_free);
  }
  /** What a campaign would use (recipients, SMS segments), without creating it. */
  CampaignPreview preview(const std::string& contact_list_id, const std::string& channel,
                          const std::string& body) const {
    return detail::fetch(zexa_campaign_preview_free, [&](ZexaCampaignPreview** out) {
      return zexa_campaigns_preview(client_, contact_list_id.c_str(), channel.c_str(), body.c_str(), out);
    });
  }
  /**
   * Polls the campaign every `poll_interval` (zero: the library's default) until it is final,
   * and returns it. Throws ZEXA_TIMEOUT once `timeout` has passed (none: no limit).
   */
  Campaign wait(const std::string& id, std::chrono::milliseconds poll_interval = std::chrono::milliseconds(0),
                std::optional<std::chrono::milliseconds> timeout = std::nullopt,
                const Progress& progress = Progress()) const {
    struct State {
      const Progress* progress;
      std::exception_ptr error;
    } state{&progress, nullptr};
    // Never unwinds into the library: an exception is kept and rethrown below.
    ZexaCampaignProgressFn trampoline = [](const ZexaCampaign* now, void* userdata) -> int {
      State* s = static_cast<State*>(userdata);
      try {
        return (*s->progress)(detail::from_c(*now)) ? 0 : 1;
      } catch (...) {
        s->error = std::current_exception();
        return 1;
      }
    };
    ZexaCampaign* raw = nullptr;
    ZexaStatus status = zexa_campaigns_wait(client_, id.c_str(), to_ms(poll_interval),
                                            timeout ? std::max<uint64_t>(1, to_ms(*timeout)) : 0,
                                            progress ? trampoline : nullptr, &state, &raw);
    detail::Ptr<ZexaCampaign> owned(raw, zexa_campaign_free);
    if (state.error) std::rethrow_exception(state.error);
    detail::check(status);
    return detail::from_c(*owned);
  }

 private:
  static uint64_t to_ms(std::chrono::milliseconds d) { return d.count() > 0 ? static_cast<uint64_t>(d.count()) : 0; }
  const ZexaClient* client_;
};

/** Single messages. */
class Messages {
 public:
  explicit Messages(const ZexaClient* client) : client_(client) {}
  /** Sends one message; never resent once it may have reached the server. */
  Message send(const SendMessage& message) const {
    ZexaSendMessage c = message.to_c();
    return detail::fetch(zexa_message_free, [&](ZexaMessage** out) { return zexa_messages_send(client_, &c, out); });
  }
  Message get(const std::string& id) const {
    return detail::fetch(zexa_message_free, [&](ZexaMessage** out) { return zexa_messages_get(client_, id.c_str(), out); });
  }

 private:
  const ZexaClient* client_;
};

/** Registered sender IDs. */
class SenderIds {
 public:
  explicit SenderIds(const ZexaClient* client) : client_(client) {}
  Page<SenderId> list(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    return detail::fetch_page<SenderId>(zexa_sender_id_page_free,
                                        [&](ZexaSenderIdPage** out) { return zexa_sender_ids_list(client_, &c, out); });
  }
  Range<SenderId> iter(const ListParams& params = ListParams()) const {
    ZexaListParams c = params.to_c();
    ZexaSenderIdIter* raw = nullptr;
    detail::check(zexa_sender_id_iter_new(client_, &c, &raw));
    return detail::range<SenderId>(raw, zexa_sender_id_iter_free, zexa_sender_id_iter_next, zexa_sender_id_free);
  }

 private:
  const ZexaClient* client_;
};

/** Delivery-status webhooks. */
class Webhooks {
 public:
  explicit Webhooks(const ZexaClient* client) : client_(client) {}
  Webhook create(const CreateWebhook& webhook) const {
    return webhook.with_c([&](const ZexaCreateWebhook& c) {
      return detail::fetch(zexa_webhook_free, [&](ZexaWebhook** out) { return zexa_webhooks_create(client_, &c, out); });
    });
  }

 private:
  const ZexaClient* client_;
};

/** The credit balance. */
class CreditsResource {
 public:
  explicit CreditsResource(const ZexaClient* client) : client_(client) {}
  Credits get() const {
    return detail::fetch(zexa_credits_free, [&](ZexaCredits** out) { return zexa_credits_get(client_, out); });
  }

 private:
  const ZexaClient* client_;
};

/** Contact exports, once started with contacts().start_export(). */
class Exports {
 public:
  /** Receives a download, chunk by chunk, in order. An exception it throws stops the
   * download and is rethrown from download(). */
  using Writer = std::function<void(const uint8_t* data, size_t len)>;

  explicit Exports(const ZexaClient* client) : client_(client) {}
  Export get(const std::string& id) const {
    return detail::fetch(zexa_export_free, [&](ZexaExport** out) { return zexa_exports_get(client_, id.c_str(), out); });
  }
  /** Polls the export (zero interval: the library's default) until it is final; throws
   * ZEXA_TIMEOUT once `timeout` has passed (none: no limit). */
  Export wait(const std::string& id, std::chrono::milliseconds poll_interval = std::chrono::milliseconds(0),
              std::optional<std::chrono::milliseconds> timeout = std::nullopt) const {
    uint64_t interval = poll_interval.count() > 0 ? static_cast<uint64_t>(poll_interval.count()) : 0;
    uint64_t limit = timeout ? std::max<int64_t>(1, timeout->count()) : 0;
    return detail::fetch(zexa_export_free, [&](ZexaExport** out) {
      return zexa_exports_wait(client_, id.c_str(), interval, limit, out);
    });
  }
  /** Streams a completed export's file to `writer`; returns the bytes written. */
  uint64_t download(const std::string& id, const Writer& writer) const {
    struct State {
      const Writer* writer;
      std::exception_ptr error;
    } state{&writer, nullptr};
    // Never unwinds into the library: an exception is kept and rethrown below.
    ZexaWriteFn trampoline = [](const uint8_t* data, size_t len, void* userdata) -> int {
      State* s = static_cast<State*>(userdata);
      try {
        (*s->writer)(data, len);
        return 0;
      } catch (...) {
        s->error = std::current_exception();
        return 1;
      }
    };
    uint64_t bytes = 0;
    ZexaStatus status = zexa_exports_download(client_, id.c_str(), trampoline, &state, &bytes);
    if (state.error) std::rethrow_exception(state.error);
    detail::check(status);
    return bytes;
  }
  /** Streams a completed export's file to `out`; returns the bytes written. */
  uint64_t download(const std::string& id, std::ostream& out) const {
    return download(id, [&out](const uint8_t* data, size_t len) {
      out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(len));
      if (!out) throw std::runtime_error("zexa: writing the export to the stream failed");
    });
  }

 private:
  const ZexaClient* client_;
};

/* ---- Client ------------------------------------------------------------------------------ */

class ClientBuilder;

/** Per-call settings, applied with Client::with_options (the library checks them there). */
class RequestOptions {
 public:
  RequestOptions& timeout(std::chrono::milliseconds t) { timeout_ = t; return *this; }
  RequestOptions& max_retries(uint32_t n) { max_retries_ = n; return *this; }
  RequestOptions& total_timeout(std::chrono::milliseconds t) {
    total_timeout_ = t;
    no_total_timeout_ = false;
    return *this;
  }
  /** Removes the client's deadline of a whole call. */
  RequestOptions& no_total_timeout() {
    total_timeout_.reset();
    no_total_timeout_ = true;
    return *this;
  }
  RequestOptions& header(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  RequestOptions& query(std::string key, std::string value) {
    query_.emplace_back(std::move(key), std::move(value));
    return *this;
  }

 private:
  friend class Client;
  static uint64_t ms(std::chrono::milliseconds d) { return d.count() > 0 ? static_cast<uint64_t>(d.count()) : 0; }
  /** The C options (owned by the caller of to_c). */
  detail::Ptr<ZexaRequestOptions> to_c() const {
    ZexaRequestOptions* raw = nullptr;
    detail::check(zexa_request_options_new(&raw));
    detail::Ptr<ZexaRequestOptions> c(raw, zexa_request_options_free);
    if (timeout_) detail::check(zexa_request_options_set_timeout_ms(raw, ms(*timeout_)));
    if (max_retries_) detail::check(zexa_request_options_set_max_retries(raw, *max_retries_));
    if (total_timeout_) detail::check(zexa_request_options_set_total_timeout_ms(raw, ms(*total_timeout_)));
    if (no_total_timeout_) detail::check(zexa_request_options_set_no_total_timeout(raw));
    for (const auto& h : headers_) detail::check(zexa_request_options_add_header(raw, h.first.c_str(), h.second.c_str()));
    for (const auto& q : query_) detail::check(zexa_request_options_add_query(raw, q.first.c_str(), q.second.c_str()));
    return c;
  }
  std::optional<std::chrono::milliseconds> timeout_, total_timeout_;
  std::optional<uint32_t> max_retries_;
  bool no_total_timeout_ = false;
  std::vector<std::pair<std::string, std::string>> headers_, query_;
};

/** What the answer of a successful call said, apart from its body. */
struct ResponseInfo {
  uint16_t status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> request_id;
  uint32_t attempts = 0;
  std::chrono::milliseconds elapsed{0};

  /** The first value of a header (compared without case). */
  std::optional<std::string> header(const std::string& name) const {
    for (const auto& h : headers) {
      if (h.first.size() == name.size() &&
          std::equal(h.first.begin(), h.first.end(), name.begin(),
                     [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                 std::tolower(static_cast<unsigned char>(b)); })) {
        return h.second;
      }
    }
    return std::nullopt;
  }

  /** The answer to this thread's last successful call to the API (status 0: none). */
  static ResponseInfo last() {
    ResponseInfo info;
    info.status = zexa_last_response_status();
    if (info.status == 0) return info;
    size_t count = zexa_last_response_header_count();
    for (size_t i = 0; i < count; i++) {
      const char* name = nullptr;
      const char* value = nullptr;
      if (zexa_last_response_header_at(i, &name, &value)) info.headers.emplace_back(name, value);
    }
    info.request_id = detail::opt(zexa_last_response_request_id());
    info.attempts = zexa_last_response_attempts();
    info.elapsed = std::chrono::milliseconds(zexa_last_response_elapsed_ms());
    return info;
  }
};

/** A call's result with its ResponseInfo. */
template <typename T>
struct Response {
  T value;
  ResponseInfo info;
};

/** A client of the Zexa API. Copies share one connection pool; thread-safe. */
class Client {
 public:
  /** A client with `api_key`, talking to `base_url` (none: the production API). */
  explicit Client(const std::string& api_key, const std::optional<std::string>& base_url = std::nullopt) {
    ZexaClient* raw = nullptr;
    detail::check(zexa_client_new(api_key.c_str(), detail::c(base_url), &raw));
    handle_.reset(raw, zexa_client_free);
  }
  /** A client from ZEXA_API_KEY and ZEXA_BASE_URL (as every zexa SDK reads them). */
  static Client from_env() {
    ZexaClient* raw = nullptr;
    detail::check(zexa_client_from_env(&raw));
    return Client(raw);
  }
  /** Settings beyond the key and base URL. */
  static ClientBuilder builder(const std::string& api_key);

  Contacts contacts() const { return Contacts(handle_.get()); }
  ContactLists contact_lists() const { return ContactLists(handle_.get()); }
  Campaigns campaigns() const { return Campaigns(handle_.get()); }
  Messages messages() const { return Messages(handle_.get()); }
  SenderIds sender_ids() const { return SenderIds(handle_.get()); }
  Webhooks webhooks() const { return Webhooks(handle_.get()); }
  CreditsResource credits() const { return CreditsResource(handle_.get()); }
  Exports exports() const { return Exports(handle_.get()); }

  /**
   * Calls an endpoint this version does not model, with the client's authentication,
   * retries and errors; returns the JSON answer ("null" for an empty one).
   */
  std::string request(const std::string& method, const std::string& path,
                      const std::vector<std::pair<std::string, std::string>>& query = {},
                      const std::optional<std::string>& json_body = std::nullopt) const {
    std::vector<const char*> keys, values;
    for (const auto& pair : query) {
      keys.push_back(pair.first.c_str());
      values.push_back(pair.second.c_str());
    }
    char* raw = nullptr;
    detail::check(zexa_request(handle_.get(), method.c_str(), path.c_str(), keys.empty() ? nullptr : keys.data(),
                               values.empty() ? nullptr : values.data(), keys.size(), detail::c(json_body), &raw));
    detail::Ptr<char> owned(raw, zexa_string_free);
    return std::string(owned.get());
  }

  /** A client sharing this one's connection pool whose calls use `options`. */
  Client with_options(const RequestOptions& options) const {
    detail::Ptr<ZexaRequestOptions> c = options.to_c();
    ZexaClient* raw = nullptr;
    detail::check(zexa_client_with_options(handle_.get(), c.get(), &raw));
    return Client(raw);
  }

  /**
   * Runs `call` with this client and returns its value with the metadata of the answer (the
   * last request it made): `client.with_response([](const zexa::Client& c) { return
   * c.contacts().get(id); })`.
   */
  template <typename F>
  auto with_response(F&& call) const -> Response<decltype(call(std::declval<const Client&>()))> {
    auto value = call(*this);
    return {std::move(value), ResponseInfo::last()};
  }

  /** The C handle, for calls of zexa.h (owned by this Client: never free it). */
  const ZexaClient* c_handle() const noexcept { return handle_.get(); }

 private:
  friend class ClientBuilder;
  explicit Client(ZexaClient* raw) : handle_(raw, zexa_client_free) {}
  std::shared_ptr<ZexaClient> handle_;
};

/** The settings of a client being built; each setter maps to zexa_client_builder_set_*. The
 * library checks every value when build() is called. */
class ClientBuilder {
 public:
  explicit ClientBuilder(const std::string& api_key) : handle_(nullptr, zexa_client_builder_free) {
    ZexaClientBuilder* raw = nullptr;
    detail::check(zexa_client_builder_new(api_key.c_str(), &raw));
    handle_.reset(raw);
  }
  /** A builder from ZEXA_API_KEY and ZEXA_BASE_URL. */
  static ClientBuilder from_env() {
    ZexaClientBuilder* raw = nullptr;
    detail::check(zexa_client_builder_from_env(&raw));
    return ClientBuilder(raw);
  }
  ClientBuilder& base_url(const std::string& url) { return set(zexa_client_builder_set_base_url(get(), url.c_str())); }
  ClientBuilder& timeout(std::chrono::milliseconds t) { return set(zexa_client_builder_set_timeout_ms(get(), ms(t))); }
  ClientBuilder& connect_timeout(std::chrono::milliseconds t) {
    return set(zexa_client_builder_set_connect_timeout_ms(get(), ms(t)));
  }
  ClientBuilder& total_timeout(std::chrono::milliseconds t) {
    return set(zexa_client_builder_set_total_timeout_ms(get(), ms(t)));
  }
  ClientBuilder& max_retries(uint32_t n) { return set(zexa_client_builder_set_max_retries(get(), n)); }
  ClientBuilder& retry_backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max) {
    return set(zexa_client_builder_set_retry_backoff_ms(get(), ms(initial), ms(max)));
  }
  ClientBuilder& max_retry_after(std::chrono::milliseconds t) {
    return set(zexa_client_builder_set_max_retry_after_ms(get(), ms(t)));
  }
  ClientBuilder& max_response_bytes(uint64_t n) { return set(zexa_client_builder_set_max_response_bytes(get(), n)); }
  ClientBuilder& app_info(const std::string& name, const std::string& version = "") {
    return set(zexa_client_builder_set_app_info(get(), name.c_str(), version.c_str()));
  }
  ClientBuilder& add_root_certificate_pem(const std::string& pem) {
    return set(zexa_client_builder_add_root_certificate_pem(get(), reinterpret_cast<const uint8_t*>(pem.data()),
                                                            pem.size()));
  }
  ClientBuilder& proxy(const std::string& url) { return set(zexa_client_builder_set_proxy(get(), url.c_str())); }
  ClientBuilder& no_proxy() { return set(zexa_client_builder_set_no_proxy(get())); }
  ClientBuilder& trust_env(bool trust) { return set(zexa_client_builder_set_trust_env(get(), trust)); }
  ClientBuilder& use_os_trust_store(bool use) { return set(zexa_client_builder_set_use_os_trust_store(get(), use)); }
  ClientBuilder& max_idle_connections(uint32_t n) {
    return set(zexa_client_builder_set_max_idle_connections(get(), n));
  }
  ClientBuilder& idle_timeout(std::chrono::milliseconds t) {
    return set(zexa_client_builder_set_idle_timeout_ms(get(), ms(t)));
  }
  /** Checks every setting and builds the client (the builder stays usable). */
  Client build() const {
    ZexaClient* raw = nullptr;
    detail::check(zexa_client_builder_build(handle_.get(), &raw));
    return Client(raw);
  }

 private:
  explicit ClientBuilder(ZexaClientBuilder* raw) : handle_(raw, zexa_client_builder_free) {}
  ZexaClientBuilder* get() const { return handle_.get(); }
  ClientBuilder& set(ZexaStatus status) {
    detail::check(status);
    return *this;
  }
  // A negative duration becomes 0, which the library refuses as it refuses 0.
  static uint64_t ms(std::chrono::milliseconds d) { return d.count() > 0 ? static_cast<uint64_t>(d.count()) : 0; }
  detail::Ptr<ZexaClientBuilder> handle_;
};

inline ClientBuilder Client::builder(const std::string& api_key) { return ClientBuilder(api_key); }

/* ---- Functions that need no client ------------------------------------------------------- */

/** The version of the library loaded, e.g. "0.1.0" (the header's is ZEXA_VERSION_STRING). */
inline std::string version() { return zexa_version(); }

/** A phone number as people write it, in E.164 (`default_country_code` for national numbers). */
inline std::string to_e164(const std::string& number, const std::optional<std::string>& default_country_code = std::nullopt) {
  char* raw = nullptr;
  detail::check(zexa_to_e164(number.c_str(), detail::c(default_country_code), &raw));
  detail::Ptr<char> owned(raw, zexa_string_free);
  return std::string(owned.get());
}

/** Whether `number` is E.164. */
inline bool is_e164(const std::string& number) { return zexa_is_e164(number.c_str()); }

/** The encoding and billed segments of an SMS body. */
inline SmsSegments sms_segments(const std::string& text) {
  return detail::fetch(zexa_sms_segments_free, [&](ZexaSmsSegments** out) { return zexa_sms_segments(text.c_str(), out); });
}

/** `text` with look-alikes replaced so that it fits GSM-7 where possible. */
inline SmsSmartEncoded sms_smart_encode(const std::string& text, bool transliterate = false) {
  return detail::fetch(zexa_sms_smart_encoded_free, [&](ZexaSmsSmartEncoded** out) {
    return zexa_sms_smart_encode(text.c_str(), transliterate, out);
  });
}

/** Parses the body of a webhook request. */
inline WebhookEvent parse_webhook_event(const std::string& payload) {
  return detail::fetch(zexa_webhook_event_free, [&](ZexaWebhookEvent** out) {
    return zexa_webhook_event_parse(reinterpret_cast<const uint8_t*>(payload.data()), payload.size(), out);
  });
}

/** Receives log records: level, target and message (never the API key). */
using LogCallback = std::function<void(ZexaLogLevel, const std::string& target, const std::string& message)>;

/**
 * Delivers the library's log records at `min_level` and above to `callback` (empty: stop).
 * It is called on whichever thread makes a call, so it must be thread-safe; an exception it
 * throws is dropped (there is no caller to give it to). Once this returns, the previous
 * callback is not running anywhere and is destroyed.
 */
inline void set_log_callback(ZexaLogLevel min_level, LogCallback callback) {
  static std::unique_ptr<LogCallback> current;
  std::unique_ptr<LogCallback> next = callback ? std::make_unique<LogCallback>(std::move(callback)) : nullptr;
  ZexaLogCallback trampoline = [](ZexaLogLevel level, const char* target, const char* message, void* userdata) {
    try {
      (*static_cast<LogCallback*>(userdata))(level, target ? target : "", message ? message : "");
    } catch (...) {
      // Dropped: a log record has no caller to rethrow to, and nothing may unwind into C.
    }
  };
  detail::check(zexa_set_log_callback(min_level, next ? trampoline : nullptr, next.get()));
  current = std::move(next);
}

}  // namespace zexa

#endif  // ZEXA_HPP
