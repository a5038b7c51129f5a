// The session panel's read of the record: patient, next steps with the rule in words, the
// pre-dose checklist (REMS facts, esketamine enrolment, clinician override), doses and the
// esketamine spacing, the BP checkpoints and the bp_overdue condition the station watch raises.
#include <gtest/gtest.h>

#include <algorithm>

#include "db/db_test_support.hpp"
#include "vigil/db/session_panel.hpp"
#include "vigil/db/session_reader.hpp"

namespace vigil::db {
namespace {

using core::CheckpointKind;
using core::CheckpointState;
using core::SessionPhase;
using test::StoreFixture;
using test::validation_message;
constexpr UtcMs kMin = 60'000;

RowId esketamine_session(StoreFixture& f) {
  NewSession s;
  s.patient_id = f.patient;
  s.chair = "chair 2";
  s.planned_utc_ms = f.now;
  s.planned_dose_mg = 56;
  s.planned_route = core::DoseRoute::esketamine_nasal;
  return create_session(f.store, f.clinician, s, f.tick());
}

ChecklistEntry all_ticked(RowId session, UtcMs t, bool with_enrolment) {
  ChecklistEntry c{session, ChecklistKind::pre_dose, {}, t};
  for (const char* item :
       {"identity_confirmed", "consent_confirmed", "fasting_confirmed", "medication_review_done",
        "escort_arranged", "no_driving_acknowledged"}) {
    c.items.emplace_back(item, true);
  }
  if (with_enrolment) c.items.emplace_back("rems_enrollment_verified", true);
  for (const auto& fact : pre_dose_fact_names()) c.items.emplace_back(fact, false);
  return c;
}

const core::CheckpointStatus* find(const SessionPanelState& p, CheckpointKind k) {
  const auto it = std::find_if(p.checkpoints.begin(), p.checkpoints.end(),
                               [&](const auto& c) { return c.kind == k; });
  return it == p.checkpoints.end() ? nullptr : &*it;
}

TEST(DbSessionPanel, APlannedSessionShowsItsPatientTreatmentAndTheFirstStep) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  const auto p = read_session_panel(f.store, f.nurse, id, f.tick());
  EXPECT_EQ(p.phase, SessionPhase::planned);
  EXPECT_EQ(p.patient_identifier, "MRN-1");
  EXPECT_EQ(p.patient_name, "Pat Doe");
  EXPECT_EQ(p.weight_kg, 70.0);
  EXPECT_EQ(p.age_years, 46);  // born 1980-04-02, today 2026-09-21
  EXPECT_EQ(p.planned_route, core::DoseRoute::esketamine_nasal);
  EXPECT_EQ(p.planned_dose_mg, 56.0);
  EXPECT_TRUE(p.first_esketamine_session);
  ASSERT_EQ(p.next_steps.size(), 1u);
  EXPECT_EQ(p.next_steps[0].to, SessionPhase::pre_dose);
  EXPECT_TRUE(p.next_steps[0].allowed);
  EXPECT_TRUE(p.checkpoints.empty());
}

TEST(DbSessionPanel, DosingIsRefusedInWordsUntilTheChecklistAndPreDoseBpAreDone) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  advance_session(f.store, f.nurse, id, SessionPhase::pre_dose, f.tick());
  auto p = read_session_panel(f.store, f.nurse, id, f.tick());
  ASSERT_EQ(p.next_steps.size(), 1u);
  EXPECT_EQ(p.next_steps[0].to, SessionPhase::dosing);
  EXPECT_FALSE(p.next_steps[0].allowed);
  EXPECT_NE(p.next_steps[0].reason.find("checklist"), std::string::npos) << p.next_steps[0].reason;
  const auto* pre = find(p, CheckpointKind::pre_dose_bp);
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->state, CheckpointState::due);

  // Esketamine: REMS enrolment is required; a BP above 140/90 is advice, not a block.
  record_bp(f.store, f.nurse, {id, f.now, 150, 85, std::nullopt, core::BpSource::device}, f.tick());
  const auto r = record_checklist(f.store, f.nurse, all_ticked(id, f.now, false), f.tick());
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.missing, std::vector<std::string>{"rems_enrollment_verified"});
  p = read_session_panel(f.store, f.nurse, id, f.tick());
  EXPECT_TRUE(p.checklist_recorded);
  EXPECT_FALSE(p.checklist_complete);
  EXPECT_EQ(p.checklist_missing, std::vector<std::string>{"rems_enrollment_verified"});
  ASSERT_TRUE(p.bp_advisory);
  EXPECT_NE(p.bp_advisory->find("consider deferring"), std::string::npos);
  EXPECT_EQ(find(p, CheckpointKind::pre_dose_bp)->state, CheckpointState::met);
  EXPECT_FALSE(p.latest_spo2_percent) << "no oximeter value recorded yet";
  const std::string sid = std::to_string(id), t = std::to_string(f.now);
  f.db.exec("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags) VALUES (" +
            sid + ",'spo2'," + t + ",97,0), (" + sid + ",'spo2'," + t + "+1,80,32)");
  p = read_session_panel(f.store, f.nurse, id, f.tick());
  EXPECT_EQ(p.latest_spo2_percent, 97.0) << "the newest value the device did not mark doubtful";
  EXPECT_EQ(p.latest_spo2_utc_ms, f.now - 1000);

  EXPECT_TRUE(record_checklist(f.store, f.nurse, all_ticked(id, f.now, true), f.tick()).complete);
  p = read_session_panel(f.store, f.nurse, id, f.tick());
  EXPECT_TRUE(p.checklist_complete);
  EXPECT_TRUE(p.next_steps[0].allowed);
}

TEST(DbSessionPanel, OnlyAClinicianOverridesAnIncompleteChecklistWithAReason) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  advance_session(f.store, f.nurse, id, SessionPhase::pre_dose, f.tick());
  ChecklistEntry c{id, ChecklistKind::pre_dose, {{"consent_confirmed", true}}, f.now};
  c.override_reason = "fasting confirmed by phone";
  const auto before = f.audit_count();
  EXPECT_THROW(record_checklist(f.store, f.nurse, c, f.tick()), PermissionDenied);
  EXPECT_EQ(f.audit_count(), before + 1) << "the refusal is audited";
  EXPECT_EQ(read_session_panel(f.store, f.nurse, id, f.tick()).checklist_recorded, false);
  c.override_reason = "  ";
  EXPECT_EQ(test::validation_message([&] { record_checklist(f.store, f.clinician, c, f.tick()); }),
            "override_reason: required, must not be blank");
  c.override_reason = "fasting confirmed by phone";
  EXPECT_TRUE(record_checklist(f.store, f.clinician, c, f.tick()).complete);
  const auto p = read_session_panel(f.store, f.nurse, id, f.tick());
  EXPECT_TRUE(p.checklist_complete);
  EXPECT_EQ(p.checklist_override_reason, "fasting confirmed by phone");
  EXPECT_FALSE(p.checklist_missing.empty()) << "the missing items stay listed";
  EXPECT_EQ(f.last_action(), "record_checklist");
}

TEST(DbSessionPanel, UnknownChecklistNamesAreRefusedButTheRemsFactsAreAccepted) {
  StoreFixture f;
  const RowId id = f.planned_session();
  advance_session(f.store, f.nurse, id, SessionPhase::pre_dose, f.tick());
  ChecklistEntry c{id, ChecklistKind::pre_dose, {{"concomitant_opioids", true}}, f.now};
  EXPECT_NO_THROW(record_checklist(f.store, f.nurse, c, f.tick()));
  c.items = {{"concomitant_alcohol", true}};
  EXPECT_EQ(test::validation_message([&] { record_checklist(f.store, f.nurse, c, f.tick()); }),
            "items: unknown pre-dose checklist item 'concomitant_alcohol'");
}

TEST(DbSessionPanel, EsketamineDosesShowTheNextDeviceTimeAndTheFortyMinuteCheckpoint) {
  StoreFixture f;
  const RowId id = esketamine_session(f);
  advance_session(f.store, f.nurse, id, SessionPhase::pre_dose, f.tick());
  record_bp(f.store, f.nurse, {id, f.now, 122, 78, std::nullopt, core::BpSource::device}, f.tick());
  record_checklist(f.store, f.nurse, all_ticked(id, f.now, true), f.tick());
  advance_session(f.store, f.nurse, id, SessionPhase::dosing, f.tick());
  const UtcMs t1 = f.tick();
  auto d = test::dose(id, core::DoseRoute::esketamine_nasal, 28, t1);
  d.device_count = 1;
  d.witness_id = f.clinician.id;
  record_administration(f.store, f.nurse, d, f.tick());

  auto p = read_session_panel(f.store, f.nurse, id, t1 + kMin);
  EXPECT_EQ(p.first_dose_utc_ms, t1);
  ASSERT_EQ(p.doses.size(), 1u);
  EXPECT_EQ(p.doses[0].administered_by, f.nurse.name);
  EXPECT_EQ(p.doses[0].witness, f.clinician.name);
  EXPECT_EQ(p.total_dose_mg, 28);
  EXPECT_EQ(p.next_device_allowed_utc_ms, t1 + 5 * kMin);
  const auto* post = find(p, CheckpointKind::post_dose_bp);
  ASSERT_TRUE(post);
  EXPECT_EQ(post->state, CheckpointState::upcoming);
  EXPECT_EQ(post->due_at, core::UtcTime(std::chrono::milliseconds(t1 + 40 * kMin)));

  f.now = t1 + 41 * kMin;
  record_bp(f.store, f.nurse, {id, f.now, 130, 84, std::nullopt, core::BpSource::device}, f.tick());
  p = read_session_panel(f.store, f.nurse, id, f.tick());
  post = find(p, CheckpointKind::post_dose_bp);
  ASSERT_TRUE(post && post->met_by);
  EXPECT_EQ(post->state, CheckpointState::met);
  EXPECT_EQ(post->met_by->source, core::BpSource::device);
  EXPECT_FALSE(p.bp_overdue);
}

TEST(DbSessionPanel, TheWatchRaisesBpOverdueWhenTheFortyMinuteBpIsMissedAndEndsItWhenTaken) {
  StoreFixture f;
  const RowId id = f.dosing_session();
  const UtcMs t1 = f.tick();
  record_administration(f.store, f.nurse, test::iv_ketamine(id, 35, t1), f.tick());
  const SystemIdentity watch{"station record watch"};
  const auto grace = std::chrono::minutes(5);
  EXPECT_FALSE(read_session_watch_state(f.store, watch, id, t1 + 50 * kMin, grace).bp_overdue);
  EXPECT_FALSE(read_session_watch_state(f.store, watch, id, t1 + 55 * kMin, grace).bp_overdue)
      << "within the grace after the window";
  EXPECT_TRUE(read_session_watch_state(f.store, watch, id, t1 + 56 * kMin, grace).bp_overdue);
  EXPECT_TRUE(read_session_panel(f.store, f.nurse, id, t1 + 56 * kMin).bp_overdue);
  f.now = t1 + 57 * kMin;
  record_bp(f.store, f.nurse, {id, f.now, 128, 80, std::nullopt, core::BpSource::manual}, f.tick());
  EXPECT_FALSE(read_session_watch_state(f.store, watch, id, t1 + 58 * kMin, grace).bp_overdue);
  const auto p = read_session_panel(f.store, f.nurse, id, t1 + 58 * kMin);
  EXPECT_EQ(find(p, CheckpointKind::post_dose_bp)->state, CheckpointState::overdue)
      << "the record keeps the miss";
}

TEST(DbSessionPlan, TheSessionsNurseAndClinicianMustBeActiveUsersOfThatRole) {
  StoreFixture f;
  NewSession s;
  s.patient_id = f.patient;
  s.chair = "chair 2";
  s.planned_utc_ms = f.now;
  s.nurse_id = f.clinician.id;
  EXPECT_EQ(validation_message([&] { create_session(f.store, f.clinician, s, f.tick()); }),
            "nurse_id: user " + std::to_string(f.clinician.id) + " is not an active nurse");
  s.nurse_id = f.nurse.id;
  s.clinician_id = f.nurse.id;
  EXPECT_EQ(validation_message([&] { create_session(f.store, f.clinician, s, f.tick()); }),
            "clinician_id: user " + std::to_string(f.nurse.id) + " is not an active clinician");
  s.clinician_id = f.clinician.id;
  EXPECT_NO_THROW(create_session(f.store, f.clinician, s, f.tick()));
}

TEST(DbSessionPanel, AnAdminMayNotReadThePanelAndAMissingSessionIsNamed) {
  StoreFixture f;
  const RowId id = f.planned_session();
  EXPECT_THROW(read_session_panel(f.store, f.admin, id, f.tick()), PermissionDenied);
  try {
    read_session_panel(f.store, f.nurse, 999, f.tick());
    FAIL() << "no such session";
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "session 999: no such session");
  }
}

}  // namespace
}  // namespace vigil::db
