// The sessions on record, by patient, type, phase and planned time.
#include "vigil/db/session_history.hpp"

#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::db {
namespace {

// One filter set, the others left open.
template <class Set>
SessionHistoryFilter only(Set set) {
  SessionHistoryFilter f;
  set(f);
  return f;
}
SessionHistoryFilter patient(const std::string& identifier) {
  return only([&](auto& f) { f.patient_identifier = identifier; });
}

struct History : ::testing::Test {
  test::StoreFixture f;
  RowId other_patient =
      create_patient(f.store, f.nurse, {"MRN-2", "Sam Roe", "1975-01-30", "male", 80.0}, f.tick());
  RowId first = f.planned_session();  // MRN-1, planned first
  RowId second = f.dosing_session();  // MRN-1, later, dosing phase
  RowId third = [&] {                 // MRN-2, latest
    NewSession s;
    s.patient_id = other_patient;
    s.chair = "chair 3";
    s.planned_utc_ms = f.now + 60'000;
    return create_session(f.store, f.clinician, s, f.tick());
  }();

  std::vector<RowId> ids(const SessionHistoryFilter& filter) {
    std::vector<RowId> out;
    for (const auto& s : list_sessions(f.store, f.nurse, filter, f.tick())) out.push_back(s.id);
    return out;
  }
  std::int64_t listings() {
    return f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'list_sessions'")
        .getInt64();
  }
};

TEST_F(History, EverySessionNewestPlannedFirstAndEachFilterNarrowsIt) {
  EXPECT_EQ(ids({}), (std::vector<RowId>{third, second, first}));
  EXPECT_EQ(ids(patient("MRN-1")), (std::vector<RowId>{second, first}));
  EXPECT_EQ(ids(only([](auto& f) { f.phase = core::SessionPhase::dosing; })),
            (std::vector<RowId>{second}));
  EXPECT_EQ(ids(only([](auto& f) { f.type = core::SessionType::integration; })),
            (std::vector<RowId>{}));
  const auto all = list_sessions(f.store, f.auditor, {}, f.tick());
  const UtcMs second_planned = all[1].planned_utc_ms;
  EXPECT_EQ(ids(only([&](auto& f) { f.from_utc_ms = second_planned; })),
            (std::vector<RowId>{third, second}));
  EXPECT_EQ(ids(only([&](auto& f) { f.to_utc_ms = second_planned; })), (std::vector<RowId>{first}));
  const auto& s = all[0];
  EXPECT_EQ(s.patient_identifier, "MRN-2");
  EXPECT_EQ(s.patient_name, "Sam Roe");
  EXPECT_EQ(s.chair, "chair 3");
  EXPECT_EQ(s.phase, core::SessionPhase::planned);
  EXPECT_FALSE(s.started_utc_ms.has_value());
  EXPECT_TRUE(all[1].started_utc_ms.has_value());  // the dosing session started
}

TEST_F(History, OnePatientsListIsAuditedAListAcrossPatientsIsNot) {
  ids({});
  EXPECT_EQ(listings(), 0);
  ids(patient("MRN-2"));
  EXPECT_EQ(listings(), 1);
  EXPECT_EQ(
      f.db.execAndGet("SELECT new_value FROM audit_log WHERE action = 'list_sessions'").getString(),
      R"({"patient_identifier":"MRN-2","sessions":1})");
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST_F(History, BadFiltersAndTheAdminAreRefusedByName) {
  const auto refusal = [&](const SessionHistoryFilter& filter, const Actor& who) -> std::string {
    try {
      list_sessions(f.store, who, filter, f.tick());
    } catch (const StoreError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  EXPECT_EQ(refusal(patient(" "), f.nurse), "patient identifier: required, must not be blank");
  EXPECT_EQ(refusal(patient("MRN-9"), f.nurse), "patient MRN-9: no such patient");
  EXPECT_EQ(refusal(only([](auto& f) { f.from_utc_ms = f.to_utc_ms = 5; }), f.nurse),
            "to: must be after from");
  EXPECT_NE(refusal({}, f.admin).find("read_records"), std::string::npos);
}

}  // namespace
}  // namespace vigil::db
