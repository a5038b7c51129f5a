// The end of a session in the store: PHQ-9 self-harm review, ready to leave with the REMS
// answers, the close refused with every missing field, integration sessions, follow-ups.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "db_test_support.hpp"
#include "vigil/db/discharge_store.hpp"
#include "vigil/db/follow_up_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/safety_review_store.hpp"
#include "vigil/db/session_panel.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::db {
namespace {

using core::SessionPhase;
using test::StoreFixture;

constexpr UtcMs kMinute = 60'000;
constexpr UtcMs kDay = 24 * 60 * kMinute;

// A racemic ketamine session dosed 121 min ago with every discharge fact recorded.
struct ReadySession {
  StoreFixture f;
  RowId id = f.dosing_session();
  UtcMs dosed = f.now;

  ReadySession() {
    record_administration(f.store, f.nurse, test::iv_ketamine(id, 35, dosed), f.tick());
    advance_session(f.store, f.nurse, id, SessionPhase::observation, f.tick());
    f.now = dosed + 121 * kMinute;
    test::record_discharge_facts(f, id, f.now);
  }

  std::string close_refusal() {
    try {
      close_session(f.store, f.nurse, id, f.tick());
    } catch (const ValidationError& e) {
      return e.what();
    }
    return "(closed)";
  }
};

RowId esketamine_session(StoreFixture& f) {
  NewSession s;
  s.patient_id = f.patient;
  s.chair = "chair 1";
  s.planned_utc_ms = f.now;
  s.planned_route = core::DoseRoute::esketamine_nasal;
  s.planned_dose_mg = 56;
  return create_session(f.store, f.clinician, s, f.tick());
}

TEST(DbSessionEnd, CloseRefusedListsEveryMissingField) {
  ReadySession s;
  advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::discharge_ready, s.f.tick());
  ChecklistEntry partial{s.id, ChecklistKind::discharge, {{"escort_present", true}}, s.f.now};
  record_checklist(s.f.store, s.f.nurse, partial, s.f.tick());
  EXPECT_EQ(s.close_refusal(),
            "close: 4 required fields are missing: dosing note: no signed dosing note; discharge "
            "checklist: no_driving_advised not ticked; discharge checklist: "
            "aftercare_instructions_given not ticked; ready to leave: not recorded");
  EXPECT_EQ(s.f.last_action(), "refused");
  const auto panel = read_session_panel(s.f.store, s.f.nurse, s.id, s.f.tick());
  EXPECT_EQ(panel.close_missing.size(), 4u);
  test::record_discharge_facts(s.f, s.id, s.f.now);
  test::record_close_facts(s.f, s.id);
  EXPECT_EQ(s.close_refusal(), "(closed)");
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

TEST(DbSessionEnd, EsketamineNeedsEveryRemsField) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  const auto missing = missing_close_fields(f.store, f.nurse, id, f.tick());
  const auto has = [&](const std::string& text) {
    return std::any_of(missing.begin(), missing.end(),
                       [&](const std::string& m) { return m.rfind(text, 0) == 0; });
  };
  for (const char* field :
       {"dosing note", "discharge checklist", "ready to leave", "rems.monitoring_provider",
        "rems.setting", "rems.first_treatment", "rems.concomitant_opioids", "rems.bp_pre_dose",
        "rems.bp_40_min", "rems.bp_before_completion", "rems.ready_minutes", "rems.sedation",
        "rems.dissociation", "rems.respiratory_depression",
        "rems.vitals_acceptable_before_completion"}) {
    EXPECT_TRUE(has(field)) << field;
  }
  set_site_setting(f.store, f.admin, "rems.monitoring_provider", "Dr C, 555-0100", f.tick());
  set_site_setting(f.store, f.admin, "rems.setting", "Vigil Clinic, 1 Main St", f.tick());
  const auto after = missing_close_fields(f.store, f.nurse, id, f.tick());
  EXPECT_EQ(after.size(), missing.size() - 2);
}

TEST(DbSessionEnd, ReadyToLeaveAsksTheRemsQuestionsForEsketamine) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  // Not in observation yet: refused by phase (and audited).
  EXPECT_THROW(
      record_ready_to_leave(f.store, f.nurse, {id}, core::default_alarm_profile(), f.tick()),
      ValidationError);
  EXPECT_EQ(f.last_action(), "refused");
}

TEST(DbSessionEnd, ReadyToLeaveRecordsAnswersAndMonitoringMinutes) {
  ReadySession s;
  ReadyToLeave r{s.id};
  r.rems_ready_minutes = -5;
  try {
    record_ready_to_leave(s.f.store, s.f.nurse, r, core::default_alarm_profile(), s.f.tick());
    FAIL() << "accepted -5 min";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "rems_ready_minutes: must be 0-1440 min (got -5)");
  }
  r.rems_ready_minutes = 90;
  r.sedation = true;
  try {
    record_ready_to_leave(s.f.store, s.f.nurse, r, core::default_alarm_profile(), s.f.tick());
    FAIL() << "accepted sedation without resolved";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "sedation_resolved: required when it was seen (did it resolve?)");
  }
  r.sedation_resolved = true;
  const UtcMs at = s.f.tick();
  record_ready_to_leave(s.f.store, s.f.nurse, r, core::default_alarm_profile(), at);
  const auto d = read_discharge_record(s.f.store, s.f.auditor, s.id, s.f.tick());
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->monitoring_minutes, static_cast<int>((at - s.dosed) / kMinute));
  EXPECT_EQ(d->answers.rems_ready_minutes, 90);
  EXPECT_EQ(d->answers.sedation_resolved, true);
  EXPECT_FALSE(d->answers.dissociation.has_value());
  EXPECT_EQ(d->recorded_by, "nina");
  const auto panel = read_session_panel(s.f.store, s.f.nurse, s.id, s.f.tick());
  EXPECT_EQ(panel.phase, SessionPhase::discharge_ready);
  EXPECT_TRUE(panel.ready_to_leave_recorded);
  EXPECT_TRUE(panel.discharge_checklist_recorded);
  EXPECT_EQ(panel.discharge_checklist_ticked, discharge_checklist_item_names());
}

TEST(DbSessionEnd, SelfHarmAnswerHoldsDischargeUntilAClinicianAcknowledges) {
  ReadySession s;
  const RowId phq9 = record_scale(
      s.f.store, s.f.nurse, {s.id, s.f.now, Scale::phq9, {1, 2, 1, 1, 0, 1, 1, 0, 1}}, s.f.tick());
  auto panel = read_session_panel(s.f.store, s.f.nurse, s.id, s.f.tick());
  EXPECT_EQ(panel.unacknowledged_self_harm_flags, 1);
  const auto crit = std::find_if(
      panel.discharge_criteria.begin(), panel.discharge_criteria.end(),
      [](const auto& c) { return c.criterion == core::DischargeCriterion::self_harm_review; });
  ASSERT_NE(crit, panel.discharge_criteria.end());
  EXPECT_FALSE(crit->met);
  EXPECT_THROW(
      advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::discharge_ready, s.f.tick()),
      ValidationError);
  EXPECT_THROW(acknowledge_self_harm_flag(s.f.store, s.f.nurse, phq9, "plan", s.f.tick()),
               PermissionDenied);
  try {
    acknowledge_self_harm_flag(s.f.store, s.f.clinician, phq9, " ", s.f.tick());
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "action: required, must not be blank");
  }
  acknowledge_self_harm_flag(s.f.store, s.f.clinician, phq9, "Safety plan reviewed", s.f.tick());
  EXPECT_THROW(acknowledge_self_harm_flag(s.f.store, s.f.clinician, phq9, "again", s.f.tick()),
               ValidationError);
  const auto flags = read_self_harm_flags(s.f.store, s.f.auditor, s.id, s.f.tick());
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_TRUE(flags[0].acknowledged);
  EXPECT_EQ(flags[0].acknowledged_by, "carl");
  EXPECT_EQ(flags[0].item9, 1);
  EXPECT_EQ(flags[0].phq9_total, 8);
  advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::discharge_ready, s.f.tick());
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

TEST(DbSessionEnd, DischargeCriteriaCarryTheirValues) {
  ReadySession s;
  const auto criteria =
      read_discharge_criteria(s.f.store, s.f.nurse, s.id, core::default_alarm_profile(), s.f.now);
  ASSERT_EQ(criteria.size(), 7u);
  for (const auto& c : criteria) EXPECT_TRUE(c.met) << c.value;
  EXPECT_EQ(criteria[0].value, "121 min since the first dose");
  EXPECT_EQ(criteria[1].value, "MOAA/S 5");
  EXPECT_EQ(criteria[2].value, "SpO2 97 %, pulse rate 72 bpm, BP 124/80 mmHg");
  EXPECT_EQ(criteria[3].value, "modified Aldrete 10");
  const auto early = read_discharge_criteria(s.f.store, s.f.nurse, s.id,
                                             core::default_alarm_profile(), s.dosed + 60 * kMinute);
  EXPECT_FALSE(early[0].met);
  EXPECT_EQ(early[0].value, "60 min since the first dose; IV needs at least 120 min");
}

TEST(DbSessionEnd, SeriousAdverseEventIsMarked) {
  ReadySession s;
  record_adverse_event(
      s.f.store, s.f.nurse,
      {s.id, s.f.now, "hypertension", "severe", s.f.now - kMinute, "labetalol given", true},
      s.f.tick());
  const auto rows = read_session_records(s.f.store, s.f.auditor, "observations", s.id, s.f.tick());
  const auto ae = nlohmann::json::parse(rows.back());
  EXPECT_EQ(ae["ae_serious"], 1);
  const auto panel = read_session_panel(s.f.store, s.f.nurse, s.id, s.f.tick());
  EXPECT_EQ(panel.adverse_events, 1);
  EXPECT_EQ(panel.serious_adverse_events, 1);
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

TEST(DbSessionEnd, IntegrationSessionFollowsAClosedDosingSession) {
  ReadySession s;
  try {
    create_integration_session(s.f.store, s.f.clinician, {s.id, VisitMode::video, s.f.now},
                               s.f.tick());
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()), "dosing_session_id: session " + std::to_string(s.id) +
                                         " is not closed (phase observation)");
  }
  advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::discharge_ready, s.f.tick());
  test::record_close_facts(s.f, s.id);
  close_session(s.f.store, s.f.nurse, s.id, s.f.tick());
  EXPECT_THROW(create_integration_session(s.f.store, s.f.nurse, {s.id, VisitMode::video, s.f.now},
                                          s.f.tick()),
               PermissionDenied);
  const RowId integ = create_integration_session(s.f.store, s.f.clinician,
                                                 {s.id, VisitMode::video, s.f.now}, s.f.tick());
  auto panel = read_session_panel(s.f.store, s.f.nurse, integ, s.f.tick());
  EXPECT_EQ(panel.type, core::SessionType::integration);
  EXPECT_EQ(panel.linked_session_id, s.id);
  EXPECT_EQ(panel.visit_mode, "video");
  EXPECT_EQ(panel.chair, "video");
  EXPECT_EQ(panel.close_missing,
            std::vector<std::string>{"integration note: no signed integration note"});
  const RowId note = draft_note(s.f.store, s.f.clinician, integ, NoteType::integration,
                                "Themes: connection.", s.f.tick());
  EXPECT_THROW(close_session(s.f.store, s.f.clinician, integ, s.f.tick()), ValidationError)
      << "a draft is not a signed note";
  sign_note(s.f.store, s.f.clinician, note, test::kPassword, SignatureMeaning::authored,
            s.f.tick());
  close_session(s.f.store, s.f.clinician, integ, s.f.tick());
  panel = read_session_panel(s.f.store, s.f.nurse, integ, s.f.tick());
  EXPECT_EQ(panel.phase, SessionPhase::closed);
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

TEST(DbSessionEnd, FollowUpsAreScheduledFromTheCloseAndRecordTheirScales) {
  ReadySession s;
  advance_session(s.f.store, s.f.nurse, s.id, SessionPhase::discharge_ready, s.f.tick());
  test::record_close_facts(s.f, s.id);
  EXPECT_TRUE(read_follow_up_schedule(s.f.store, s.f.nurse, s.id, s.f.now).empty());
  const UtcMs closed = s.f.tick();
  close_session(s.f.store, s.f.nurse, s.id, closed);
  auto schedule = read_follow_up_schedule(s.f.store, s.f.nurse, s.id, closed + 3 * kDay);
  ASSERT_EQ(schedule.size(), 6u);
  EXPECT_EQ(schedule[0].due_utc_ms, closed + kDay);
  EXPECT_EQ(schedule[0].status, FollowUpStatus::overdue);   // 24 h + 1 day window passed
  EXPECT_EQ(schedule[1].status, FollowUpStatus::due);       // 72 h
  EXPECT_EQ(schedule[2].status, FollowUpStatus::upcoming);  // 1 week
  EXPECT_EQ(read_overdue_follow_ups(s.f.store, s.f.nurse, s.f.patient, closed + 3 * kDay).size(),
            1u);
  FollowUpEntry e{s.id,    FollowUpInterval::h24, closed + 3 * kDay,
                  "phone", "Feeling lighter",     {{Scale::phq9, {1, 1, 1, 1, 1, 1, 1, 1, 4}}}};
  s.f.now = closed + 3 * kDay;
  try {
    record_follow_up(s.f.store, s.f.nurse, e, s.f.tick());
    FAIL();
  } catch (const ValidationError& ex) {
    EXPECT_STREQ(ex.what(), "scales[0].phq9.items[9]: must be 0-3 (got 4)");
  }
  e.scales = {{Scale::phq9, {1, 1, 1, 1, 1, 1, 1, 1, 0}}, {Scale::gad7, {2, 2, 2, 2, 1, 1, 1}}};
  record_follow_up(s.f.store, s.f.nurse, e, s.f.tick());
  EXPECT_THROW(record_follow_up(s.f.store, s.f.nurse, e, s.f.tick()), ValidationError);
  schedule = read_follow_up_schedule(s.f.store, s.f.auditor, s.id, s.f.now);
  EXPECT_EQ(schedule[0].status, FollowUpStatus::done);
  EXPECT_EQ(schedule[0].done_by, "nina");
  ASSERT_EQ(schedule[0].scales.size(), 2u);
  EXPECT_EQ(schedule[0].scales[0].total, 8);
  EXPECT_EQ(schedule[0].scales[1].total, 11);
  EXPECT_TRUE(read_overdue_follow_ups(s.f.store, s.f.nurse, s.f.patient, s.f.now).empty());
  EXPECT_TRUE(verify_audit_chain(s.f.store).ok);
}

}  // namespace
}  // namespace vigil::db
