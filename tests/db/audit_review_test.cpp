// The auditor's view of the audit log: filters, and the export as CSV and JSON.
#include "vigil/db/audit_review.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "db_test_support.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::db {
namespace {

template <class Set>
AuditLogFilter only(Set set) {
  AuditLogFilter f;
  set(f);
  return f;
}

struct AuditReview : ::testing::Test {
  test::StoreFixture f;
  RowId session = f.dosing_session();
  RowId other = f.planned_session();

  std::vector<AuditEntry> read(const AuditLogFilter& filter) {
    return read_audit_log(f.store, f.auditor, filter, f.tick());
  }
};

TEST_F(AuditReview, EachFilterNarrowsTheLogInSeqOrder) {
  const auto all = read({});
  ASSERT_GT(all.size(), 8u);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].seq, all[i].seq);

  const auto by_nina = read(only([](auto& x) { x.actor_name = "nina"; }));
  ASSERT_FALSE(by_nina.empty());
  for (const auto& e : by_nina) EXPECT_EQ(e.actor_name, "nina");

  const auto bps = read(only([](auto& x) { x.action = "record_observation"; }));
  ASSERT_EQ(bps.size(), 1u);  // the dosing session's pre-dose BP

  // The session's own entries (created, advanced) and those about its records (the BP, the
  // checklist), none of the other session's.
  const auto mine = read(only([&](auto& x) { x.session_id = session; }));
  bool created = false, observed = false;
  for (const auto& e : mine) {
    created |= e.entity == "sessions" && e.entity_id == session;
    observed |= e.action == "record_observation";
    EXPECT_FALSE(e.entity == "sessions" && e.entity_id == other) << e.seq;
  }
  EXPECT_TRUE(created);
  EXPECT_TRUE(observed);
  const auto theirs = read(only([&](auto& x) { x.session_id = other; }));
  for (const auto& e : theirs) EXPECT_NE(e.action, "record_observation") << e.seq;

  const UtcMs middle = all[all.size() / 2].t_utc_ms;
  for (const auto& e : read(only([&](auto& x) { x.from_utc_ms = middle; }))) {
    EXPECT_GE(e.t_utc_ms, middle);
  }
  for (const auto& e : read(only([&](auto& x) { x.to_utc_ms = middle; }))) {
    EXPECT_LT(e.t_utc_ms, middle);
  }
}

TEST_F(AuditReview, OnlyAnAuditorReadsItAndBadFiltersAreNamed) {
  EXPECT_THROW(read_audit_log(f.store, f.nurse, {}, f.tick()), PermissionDenied);
  EXPECT_THROW(read_audit_log(f.store, f.clinician, {}, f.tick()), PermissionDenied);
  const auto refusal = [&](const AuditLogFilter& filter) -> std::string {
    try {
      read(filter);
    } catch (const ValidationError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  EXPECT_EQ(refusal(only([](auto& x) { x.actor_name = ""; })), "user: required, must not be blank");
  EXPECT_EQ(refusal(only([](auto& x) { x.from_utc_ms = x.to_utc_ms = 7; })),
            "to: must be after from");
}

TEST_F(AuditReview, TheCsvExportHoldsEveryFieldQuotedWhereNeededAndIsAudited) {
  // A patient name with a comma and a quote, as the audit log keeps it.
  create_patient(f.store, f.nurse, {"MRN-7", R"(Roe, "Sam")", "1975-01-30", "male", 80.0},
                 f.tick());
  const auto filter = only([](auto& x) { x.action = "create_patient"; });
  const auto entries = read(filter);
  std::ostringstream csv;
  EXPECT_EQ(export_audit_log(f.store, f.auditor, filter, AuditExportFormat::csv, csv, f.tick()),
            entries.size());
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("seq,time_utc,t_utc_ms,actor_id,actor_name,action,entity,entity_id,"
                       "old_value,new_value,prev_hash,hash\r\n",
                       0),
            0u);
  EXPECT_NE(text.find(R"(""name"":""Roe, \""Sam\"""")"), std::string::npos) << text;
  EXPECT_NE(text.find(entries.back().hash + "\r\n"), std::string::npos);
  std::size_t lines = 0;
  for (const char c : text) lines += c == '\n';
  EXPECT_EQ(lines, entries.size() + 1);
  const auto exports = read(only([](auto& x) { x.action = "export_audit_log"; }));
  ASSERT_EQ(exports.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(*exports[0].new_value)["entries"], entries.size());
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST_F(AuditReview, TheJsonExportIsAnArrayOfTheEntriesAsStored) {
  const auto entries = read({});
  std::ostringstream out;
  export_audit_log(f.store, f.auditor, {}, AuditExportFormat::json, out, f.tick());
  const auto j = nlohmann::json::parse(out.str());
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(j[i]["seq"], entries[i].seq);
    EXPECT_EQ(j[i]["hash"], entries[i].hash);
    EXPECT_EQ(j[i]["prev_hash"], entries[i].prev_hash);
    if (entries[i].new_value) {
      EXPECT_EQ(j[i]["new_value"], *entries[i].new_value);
    }
  }
}

TEST_F(AuditReview, AnEmptyFilterExportsAnEmptyJsonArray) {
  std::ostringstream out;
  const auto n = export_audit_log(f.store, f.auditor, only([](auto& x) { x.action = "nothing"; }),
                                  AuditExportFormat::json, out, f.tick());
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(nlohmann::json::parse(out.str()), nlohmann::json::array());
}

TEST_F(AuditReview, AScreenReadsTheLogPageByPageAndItsFirstPageIsAuditedAsViewing) {
  const auto all = read({});
  const auto views = [&] {
    return f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'view_audit_log'")
        .getInt64();
  };
  const auto first = read_audit_log_page(f.store, f.auditor, {}, 0, 5, f.tick());
  ASSERT_EQ(first.entries.size(), 5u);
  EXPECT_TRUE(first.more);
  EXPECT_EQ(first.entries[0].seq, all[0].seq);
  EXPECT_EQ(views(), 1);
  std::vector<AuditEntry> paged = first.entries;
  for (auto page = first; page.more;) {
    page = read_audit_log_page(f.store, f.auditor, {}, paged.back().seq, 5, f.tick());
    paged.insert(paged.end(), page.entries.begin(), page.entries.end());
  }
  EXPECT_EQ(views(), 1) << "the later pages of the same view are not audited again";
  // The log grew by the view entry itself, which the later pages include.
  ASSERT_EQ(paged.size(), all.size() + 1);
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i].hash, all[i].hash);
  EXPECT_EQ(paged.back().action, "view_audit_log");
  EXPECT_THROW(read_audit_log_page(f.store, f.nurse, {}, 0, 5, f.tick()), PermissionDenied);
  EXPECT_EQ(test::validation_message(
                [&] { read_audit_log_page(f.store, f.auditor, {}, 0, 0, f.tick()); }),
            "limit: must be 1-10000 (got 0)");
}

}  // namespace
}  // namespace vigil::db
