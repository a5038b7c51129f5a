// The binding of a printed document to the record, and the report's read of a session.
#include "vigil/db/record_binding.hpp"

#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_report.hpp"

namespace vigil::db {
namespace {

struct Binding : ::testing::Test {
  test::StoreFixture f;
  RowId session = f.dosing_session(56);
  RowId dose = record_administration(
                   f.store, f.nurse,
                   test::dose(session, core::DoseRoute::esketamine_nasal, 28, f.now), f.tick())
                   .id;

  SessionBinding bind() { return bind_session_record(f.store, f.auditor, session, f.tick()); }
};

TEST_F(Binding, HoldsEveryRecordOfTheSessionAndItsPatientAndRoundTripsAsText) {
  const auto b = bind();
  EXPECT_EQ(b.session_id, session);
  const auto has = [&](const std::string& table, RowId id) {
    return std::any_of(b.records.begin(), b.records.end(),
                       [&](const BoundRecord& r) { return r.table == table && r.id == id; });
  };
  EXPECT_TRUE(has("patients", f.patient));
  EXPECT_TRUE(has("sessions", session));
  EXPECT_TRUE(has("administrations", dose));
  EXPECT_EQ(b.chain_head, audit_head(f.store).hash);
  const auto text = binding_text(b);
  const auto back = parse_binding_text(text);
  EXPECT_EQ(back.digest, b.digest);
  EXPECT_EQ(back.records, b.records);
  EXPECT_EQ(back.chain_seq, b.chain_seq);
  EXPECT_TRUE(binding_differences(back, bind()).empty());
  EXPECT_EQ(bind().digest, b.digest) << "the digest depends on the record, not on the time";
}

TEST_F(Binding, NamesWhatWasAddedRemovedOrChanged) {
  const auto printed = bind();
  const RowId bp = record_bp(
      f.store, f.nurse, {session, f.now, 131, 84, std::nullopt, core::BpSource::manual}, f.tick());
  EXPECT_EQ(binding_differences(printed, bind()),
            (std::vector<std::string>{"added: observations " + std::to_string(bp)}));
  f.db.exec("UPDATE administrations SET lot = 'LOT-X' WHERE id = " + std::to_string(dose));
  const auto changed = binding_differences(printed, bind());
  EXPECT_NE(
      std::find(changed.begin(), changed.end(), "differs: administrations " + std::to_string(dose)),
      changed.end());
  f.db.exec("DELETE FROM observations WHERE id = " + std::to_string(bp));
  f.db.exec("DELETE FROM administrations WHERE id = " + std::to_string(dose));
  EXPECT_EQ(binding_differences(printed, bind()),
            (std::vector<std::string>{"removed: administrations " + std::to_string(dose)}));
}

TEST_F(Binding, ATamperedOrMalformedBindingIsRefusedNamingTheLine) {
  auto text = binding_text(bind());
  const auto at = text.find("record administrations");
  text[text.find(' ', at + 24) + 1] ^= 1;  // one hex digit of the dose's digest
  EXPECT_EQ(test::validation_message([&] { parse_binding_text(text); }),
            "binding: the digest does not match its record lines (the binding was altered or is "
            "incomplete)");
  EXPECT_EQ(test::validation_message([] { parse_binding_text("vigil-record-binding 2\n"); }),
            "binding line 1: expected 'vigil-record-binding 1'");
  EXPECT_EQ(
      test::validation_message([] { parse_binding_text("vigil-record-binding 1\nsession x\n"); }),
      "binding line 2: expected 'session <id>'");
  auto bad_table = binding_text(bind()) + "record users 1 " + std::string(64, 'a') + "\n";
  EXPECT_NE(test::validation_message([&] { parse_binding_text(bad_table); }).find("binding line"),
            std::string::npos);
}

TEST_F(Binding, ReadingForAReportIsAnAuditedExportForClinicianAndAuditorOnly) {
  EXPECT_THROW(read_session_report(f.store, f.nurse, session, "session_report", f.tick()),
               PermissionDenied);
  const auto before = f.audit_count();
  const auto r = read_session_report(f.store, f.auditor, session, "session_report", f.tick());
  EXPECT_EQ(f.audit_count(), before + 1);
  EXPECT_EQ(f.last_action(), "export_report");
  EXPECT_EQ(r.binding.chain_seq, before) << "the head printed is the one before the export";
  ASSERT_EQ(r.panel.doses.size(), 1u);
  EXPECT_EQ(r.panel.doses[0].lot,
            test::dose(session, core::DoseRoute::esketamine_nasal, 28, 0).lot);
  ASSERT_EQ(r.bps.size(), 1u);
  EXPECT_EQ(r.bps[0].systolic_mmhg, 120);
  EXPECT_EQ(r.patient_sex, "female");
  EXPECT_EQ(r.printed_by, "aud");
  EXPECT_THROW(read_session_report(f.store, f.auditor, 999, "session_report", f.tick()), NotFound);
}

}  // namespace
}  // namespace vigil::db
