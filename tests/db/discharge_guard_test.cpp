// Entering discharge_ready is decided by core::evaluate_discharge_readiness on what the store
// recorded (doses, scales, BP observations, recorded vitals, the discharge checklist); a
// refusal names each unmet criterion and changes nothing.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "db_test_support.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/db/administration_store.hpp"

namespace vigil::db {
namespace {

using core::SessionPhase;
using test::StoreFixture;

constexpr UtcMs kMinute = 60'000;

// A dosing session given 35 mg ketamine IV at `dosed`, now in observation.
struct ObservedSession {
  StoreFixture f;
  RowId id = f.dosing_session();
  UtcMs dosed = 0;

  ObservedSession() {
    dosed = f.now;
    record_administration(f.store, f.nurse, test::iv_ketamine(id, 35, dosed), f.tick());
    advance_session(f.store, f.nurse, id, SessionPhase::observation, f.tick());
  }

  void add_vital(const char* channel, UtcMs t, double value, core::ReadingFlags flags = {}) {
    f.db.exec("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags) VALUES (" +
              std::to_string(id) + ",'" + channel + "'," + std::to_string(t) + "," +
              std::to_string(value) + "," + std::to_string(flags.bits()) + ")");
  }

  // The refusal's message, or "(accepted)".
  std::string try_discharge_ready(
      UtcMs at, const core::AlarmProfile& profile = core::default_alarm_profile()) {
    try {
      advance_session(f.store, f.nurse, id, SessionPhase::discharge_ready, at, profile);
    } catch (const ValidationError& e) {
      return e.what();
    }
    return "(accepted)";
  }

  std::string phase() {
    return f.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(id))
        .getString();
  }
};

TEST(DbDischargeGuard, AllowedWhenEveryCriterionHoldsOnTheRecord) {
  ObservedSession s;
  const UtcMs at = s.dosed + 121 * kMinute;
  test::record_discharge_facts(s.f, s.id, at);
  EXPECT_EQ(s.try_discharge_ready(at + kMinute), "(accepted)");
  EXPECT_EQ(s.phase(), "discharge_ready");
  EXPECT_EQ(s.f.last_action(), "advance_session");
  s.f.now = at + 2 * kMinute;
  test::record_close_facts(s.f, s.id);
  advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::closed, s.f.tick());
  EXPECT_EQ(s.phase(), "closed");
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

TEST(DbDischargeGuard, NothingRecordedNamesEveryCriterion) {
  ObservedSession s;
  const std::string msg = s.try_discharge_ready(s.dosed + 10 * kMinute);
  EXPECT_EQ(msg.rfind("phase: cannot go from observation to discharge_ready: the discharge "
                      "criteria are not met (minimum_observation: 10 min since the first dose; "
                      "IV needs at least 120 min; sedation: no MOAA/S recorded; vitals: no SpO2 "
                      "value;",
                      0),
            0u)
      << msg;
  for (const char* criterion : {"aldrete: ", "escort: ", "discharge_bp: "}) {
    EXPECT_NE(msg.find(criterion), std::string::npos) << criterion << " in " << msg;
  }
  EXPECT_EQ(s.phase(), "observation");
}

TEST(DbDischargeGuard, EachUnmetRuleRefusesAndIsNamed) {
  struct Case {
    const char* name;
    std::function<void(ObservedSession&, UtcMs)> spoil;  // after the facts are recorded at `at`
    UtcMs at_after_dose;
    const char* expected;
  };
  const Case cases[] = {
      {"too early", [](ObservedSession&, UtcMs) {}, 110 * kMinute,
       "minimum_observation: 111 min since the first dose; IV needs at least 120 min"},
      {"still sedated",
       [](ObservedSession& s, UtcMs at) {
         record_scale(s.f.store, s.f.nurse, {s.id, at + 1, Scale::moaas, {4}}, s.f.tick());
       },
       125 * kMinute, "sedation: last MOAA/S is 4; discharge needs 5"},
      {"low Aldrete",
       [](ObservedSession& s, UtcMs at) {
         record_scale(s.f.store, s.f.nurse, {s.id, at + 1, Scale::aldrete, {2, 2, 2, 1, 1}},
                      s.f.tick());
       },
       125 * kMinute, "aldrete: modified Aldrete is 8; discharge needs 9 or more"},
      {"no escort",
       [](ObservedSession& s, UtcMs at) {
         record_checklist(s.f.store, s.f.nurse,
                          {s.id, ChecklistKind::discharge, {{"escort_present", false}}, at + 1},
                          s.f.tick());
       },
       125 * kMinute, "escort: escort not confirmed"},
      {"SpO2 below the limit",
       [](ObservedSession& s, UtcMs at) { s.add_vital("spo2", at + 1, 88); }, 125 * kMinute,
       "vitals: SpO2 88 % is below the alarm limit 90"},
      {"stale SpO2",
       [](ObservedSession& s, UtcMs at) { s.add_vital("pulse_rate", at + 6 * kMinute, 70); },
       125 * kMinute, "vitals: latest SpO2 is older than 5 min"},
  };
  for (const auto& c : cases) {
    ObservedSession s;
    const UtcMs at = s.dosed + c.at_after_dose;
    test::record_discharge_facts(s.f, s.id, at);
    c.spoil(s, at);
    const UtcMs when = at + (std::string(c.name) == "stale SpO2" ? 6 * kMinute : kMinute);
    const std::string msg = s.try_discharge_ready(when);
    EXPECT_NE(msg.find(std::string("(") + c.expected + ")"), std::string::npos)
        << c.name << ": " << msg;
    EXPECT_EQ(s.phase(), "observation") << c.name;
  }
}

TEST(DbDischargeGuard, ACompleteDischargeChecklistAloneIsNotEnough) {
  ObservedSession s;
  const UtcMs at = s.dosed + 125 * kMinute;
  record_checklist(s.f.store, s.f.nurse,
                   {s.id, ChecklistKind::discharge, {{"escort_present", true}}, at}, s.f.tick());
  EXPECT_NE(s.try_discharge_ready(at), "(accepted)");
  EXPECT_EQ(s.phase(), "observation");
}

TEST(DbDischargeGuard, VitalsAreCheckedAgainstTheSessionsProfile) {
  ObservedSession s;
  const UtcMs at = s.dosed + 125 * kMinute;
  test::record_discharge_facts(s.f, s.id, at);
  s.add_vital("spo2", at + 1, 88);
  EXPECT_NE(s.try_discharge_ready(at + kMinute).find("SpO2 88 %"), std::string::npos);
  auto profile = core::default_alarm_profile();  // e.g. a COPD patient's lower SpO2 limits
  for (auto& tier : profile.limits) {
    if (tier.channel == core::Channel::spo2) tier.threshold = std::min(tier.threshold, 85.0);
  }
  EXPECT_EQ(s.try_discharge_ready(at + kMinute, profile), "(accepted)");
}

// A value the device marked doubtful (artifact, searching, ...) is not the patient's SpO2: the
// decision uses the newest value without such a flag, here a low one, so discharge is refused.
TEST(DbDischargeGuard, DoubtfulValuesAreNotUsed) {
  ObservedSession s;
  const UtcMs at = s.dosed + 125 * kMinute;
  test::record_discharge_facts(s.f, s.id, at);
  s.add_vital("spo2", at + 1000, 88);
  UtcMs t = at + 2000;  // each flagged value newer than the last: the newest is always doubtful
  for (const auto flag : {core::ReadingFlag::artifact, core::ReadingFlag::searching,
                          core::ReadingFlag::low_signal_quality, core::ReadingFlag::out_of_track}) {
    s.add_vital("spo2", t += 1000, 97, core::ReadingFlags{}.set(flag));
    const std::string msg = s.try_discharge_ready(at + kMinute);
    EXPECT_NE(msg.find("SpO2 88 %"), std::string::npos) << core::reading_flag_name(flag) << msg;
  }
  // A pulse beep or a SmartPoint mark says nothing against the value.
  s.add_vital(
      "spo2", t += 1000, 97,
      core::ReadingFlags{}.set(core::ReadingFlag::pulse_beep).set(core::ReadingFlag::smartpoint));
  EXPECT_EQ(s.try_discharge_ready(at + kMinute), "(accepted)");
}

TEST(DbDischargeGuard, OnlyDoubtfulValuesMeansNoValue) {
  ObservedSession s;
  const UtcMs at = s.dosed + 125 * kMinute;
  test::record_discharge_facts(s.f, s.id, at,
                               core::ReadingFlags{}.set(core::ReadingFlag::sensor_off).bits());
  EXPECT_NE(s.try_discharge_ready(at + kMinute).find("no SpO2 value"), std::string::npos);
}

}  // namespace
}  // namespace vigil::db
