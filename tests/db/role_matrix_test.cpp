// Every store call tried by every role: allowed ones succeed (and are audited when they write a
// record), the others throw PermissionDenied naming the role and the action, and the refusal is
// in the audit log.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <sstream>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/alarm_event_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/safety_review_store.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/vitals_export.hpp"

using namespace vigil::db;
using namespace vigil::db::test;
using vigil::core::SessionPhase;

namespace {

// The role table, written out independently of roles.cpp: N nurse, C clinician,
// A auditor, D admin.
const std::map<Action, std::string> kExpectedRoles{
    {Action::create_patient, "NC"},
    {Action::update_patient, "NC"},
    {Action::create_session, "C"},
    {Action::advance_session, "NC"},
    {Action::end_session_early, "NC"},
    {Action::set_session_alarm_profile, "C"},
    {Action::record_administration, "NC"},
    {Action::override_dose, "C"},
    {Action::override_checklist, "C"},
    {Action::record_observation, "NC"},
    {Action::record_checklist, "NC"},
    {Action::record_device_connection, "NC"},
    {Action::draft_note, "NC"},
    {Action::update_note, "NC"},
    {Action::sign_note, "C"},
    {Action::add_addendum, "C"},
    {Action::acknowledge_safety_flag, "C"},
    {Action::record_alarm_event, "NC"},
    {Action::acknowledge_alarm, "NC"},
    {Action::pause_alarm_audio, "NC"},
    {Action::read_records, "NCA"},
    {Action::read_audit_log, "A"},
    {Action::export_records, "CA"},
    {Action::manage_users, "D"},
    {Action::change_site_settings, "D"},
};

bool expected_allowed(Role role, Action action) {
  constexpr const char* kLetters = "NCAD";
  return kExpectedRoles.at(action).find(kLetters[static_cast<int>(role)]) != std::string::npos;
}

struct StoreCall {
  Action action;
  bool audited_when_allowed;
  std::function<void(StoreFixture&, const Actor&)> run;
};

RowId note_by(StoreFixture& f, const Actor& a, Action action) {
  const Actor& author =
      role_may(a.role, action) && role_may(a.role, Action::draft_note) ? a : f.nurse;
  return draft_note(f.store, author, f.planned_session(), NoteType::preparation,
                    "Plan: 0.5 mg/kg IV", f.tick());
}

std::vector<StoreCall> all_calls() {
  return {
      {Action::create_patient, true,
       [](StoreFixture& f, const Actor& a) {
         create_patient(f.store, a, {"MRN-2", "Sam Roe", "1975-01-31", "male", 80.0}, f.tick());
       }},
      {Action::update_patient, true,
       [](StoreFixture& f, const Actor& a) {
         update_patient_weight(f.store, a, f.patient, 72, f.tick());
       }},
      {Action::create_session, true,
       [](StoreFixture& f, const Actor& a) {
         NewSession s;
         s.patient_id = f.patient;
         s.chair = "chair 1";
         s.planned_utc_ms = f.now;
         create_session(f.store, a, s, f.tick());
       }},
      {Action::advance_session, true,
       [](StoreFixture& f, const Actor& a) {
         advance_session(f.store, a, f.planned_session(), SessionPhase::pre_dose, f.tick());
       }},
      {Action::end_session_early, true,
       [](StoreFixture& f, const Actor& a) {
         end_session_early(f.store, a, f.planned_session(), "patient cancelled", f.tick());
       }},
      {Action::set_session_alarm_profile, true,
       [](StoreFixture& f, const Actor& a) {
         set_session_alarm_profile(f.store, a, f.planned_session(), "[spo2]\nlow = 88\n", f.tick());
       }},
      {Action::record_administration, true,
       [](StoreFixture& f, const Actor& a) {
         record_administration(f.store, a, test::iv_ketamine(f.dosing_session(), 35, f.now),
                               f.tick());
       }},
      {Action::override_dose, true,
       [](StoreFixture& f, const Actor& a) {
         auto d = test::iv_ketamine(f.dosing_session(), 70, f.now);  // 1.0 mg/kg > 0.75
         d.override_reason = "treatment-resistant, documented plan";
         record_administration(f.store, a, d, f.tick());
       }},
      {Action::override_checklist, true,
       [](StoreFixture& f, const Actor& a) {
         const RowId s = f.planned_session();
         advance_session(f.store, f.nurse, s, vigil::core::SessionPhase::pre_dose, f.tick());
         ChecklistEntry c{s, ChecklistKind::pre_dose, {{"consent_confirmed", true}}, f.now};
         c.override_reason = "consent on paper, scanned later";
         record_checklist(f.store, a, c, f.tick());
       }},
      {Action::record_observation, true,
       [](StoreFixture& f, const Actor& a) {
         record_scale(f.store, a, {f.planned_session(), f.now, Scale::moaas, {5}}, f.tick());
       }},
      {Action::record_checklist, true,
       [](StoreFixture& f, const Actor& a) {
         record_checklist(
             f.store, a,
             {f.planned_session(), ChecklistKind::discharge, {{"escort_present", true}}, f.now},
             f.tick());
       }},
      {Action::record_device_connection, false,
       [](StoreFixture& f, const Actor& a) {
         record_device_connected(
             f.store, a, {std::nullopt, "nonin-df7", "/dev/ttyUSB0", "SN1", f.now}, f.tick());
       }},
      {Action::draft_note, true,
       [](StoreFixture& f, const Actor& a) {
         draft_note(f.store, a, f.planned_session(), NoteType::dosing, "Tolerated well", f.tick());
       }},
      {Action::update_note, true,
       [](StoreFixture& f, const Actor& a) {
         update_note(f.store, a, note_by(f, a, Action::update_note), "Plan: 0.4 mg/kg IV",
                     f.tick());
       }},
      {Action::sign_note, true,
       [](StoreFixture& f, const Actor& a) {
         sign_note(f.store, a, note_by(f, a, Action::sign_note), kPassword,
                   SignatureMeaning::authored, f.tick());
       }},
      {Action::add_addendum, true,
       [](StoreFixture& f, const Actor& a) {
         const RowId note = draft_note(f.store, f.clinician, f.planned_session(), NoteType::dosing,
                                       "Dose given", f.tick());
         sign_note(f.store, f.clinician, note, kPassword, SignatureMeaning::authored, f.tick());
         add_addendum(f.store, a, note, "late entry", "BP 150/90 at 40 min", f.tick());
       }},
      {Action::acknowledge_safety_flag, true,
       [](StoreFixture& f, const Actor& a) {
         const RowId phq9 = record_scale(
             f.store, f.nurse,
             {f.planned_session(), f.now, Scale::phq9, {1, 1, 1, 1, 1, 1, 1, 1, 2}}, f.tick());
         acknowledge_self_harm_flag(f.store, a, phq9, "safety plan reviewed", f.tick());
       }},
      {Action::record_alarm_event, true,
       [](StoreFixture& f, const Actor& a) {
         record_alarm_start(
             f.store, a, {f.planned_session(), "spo2_low", {}, f.now, "below 90 %", 88}, f.tick());
       }},
      {Action::acknowledge_alarm, true,
       [](StoreFixture& f, const Actor& a) {
         const RowId id = record_alarm_start(
             f.store, f.nurse, {f.planned_session(), "spo2_low", {}, f.now, "below 90 %", 88},
             f.tick());
         acknowledge_alarm(f.store, a, id, f.tick());
       }},
      {Action::pause_alarm_audio, true,
       [](StoreFixture& f, const Actor& a) {
         const RowId id = record_alarm_start(
             f.store, f.nurse, {f.planned_session(), "spo2_low", {}, f.now, "below 90 %", 88},
             f.tick());
         pause_alarm_audio(f.store, a, id, f.tick());
       }},
      {Action::read_records, false,
       [](StoreFixture& f, const Actor& a) {
         read_note(f.store, a, note_by(f, f.nurse, Action::draft_note), f.tick());
       }},
      {Action::read_audit_log, false,
       [](StoreFixture& f, const Actor& a) { read_audit_log(f.store, a, f.tick()); }},
      {Action::export_records, true,
       [](StoreFixture& f, const Actor& a) {
         std::ostringstream out;
         export_vitals_csv(f.store, a, f.planned_session(), out, f.tick());
       }},
      {Action::manage_users, true,
       [](StoreFixture& f, const Actor& a) {
         add_user(f.store, a, "newbie", Role::nurse, kPassword, f.tick(), PasswordCost::cheapest());
       }},
      {Action::change_site_settings, true,
       [](StoreFixture& f, const Actor& a) {
         set_site_setting(f.store, a, "latching", "true", f.tick());
       }},
  };
}

}  // namespace

TEST(RoleMatrix, CoversEveryAction) { EXPECT_EQ(all_calls().size(), action_count); }

TEST(RoleMatrix, EveryCallByEveryRole) {
  for (const auto& call : all_calls()) {
    for (std::size_t r = 0; r < role_count; ++r) {
      const Role role = static_cast<Role>(r);
      const std::string what =
          std::string(role_name(role)) + " -> " + std::string(action_name(call.action));
      StoreFixture f;
      const Actor actor = f.as(role);
      ASSERT_EQ(role_may(role, call.action), expected_allowed(role, call.action)) << what;
      if (expected_allowed(role, call.action)) {
        const auto before = f.audit_count();
        EXPECT_NO_THROW(call.run(f, actor)) << what;
        if (call.audited_when_allowed) {
          EXPECT_GT(f.audit_count(), before) << what;
        }
        EXPECT_EQ(f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action='refused'").getInt(),
                  0)
            << what;
      } else {
        try {
          call.run(f, actor);
          ADD_FAILURE() << what << " was allowed";
        } catch (const PermissionDenied& e) {
          const std::string msg = e.what();
          EXPECT_NE(msg.find("role " + std::string(role_name(role)) + " may not "),
                    std::string::npos)
              << what << ": " << msg;
          SQLite::Statement q(f.db,
                              "SELECT entity, actor_id FROM audit_log WHERE action='refused' "
                              "ORDER BY seq DESC LIMIT 1");
          ASSERT_TRUE(q.executeStep()) << what << ": refusal not audited";
          EXPECT_NE(msg.find(q.getColumn(0).getString()), std::string::npos) << what;
          EXPECT_EQ(q.getColumn(1).getInt64(), actor.id) << what;
        }
      }
      const auto v = verify_audit_chain(f.store);
      EXPECT_TRUE(v.ok) << what << ": " << v.problem;
    }
  }
}

TEST(RoleMatrix, RefusalNamesRoleAndAction) {
  StoreFixture f;
  const RowId s = f.dosing_session();
  try {
    record_administration(f.store, f.auditor, test::iv_ketamine(s, 35, f.now), f.tick());
    FAIL();
  } catch (const PermissionDenied& e) {
    EXPECT_STREQ(e.what(), "role auditor may not record_administration");
  }
  EXPECT_EQ(f.last_action(), "refused");
}

TEST(RoleMatrix, ForgedActorIsRefused) {
  StoreFixture f;
  Actor forged = f.nurse;
  forged.role = Role::clinician;  // claims more than the database says
  EXPECT_THROW(create_session(f.store, forged, {}, f.tick()), PermissionDenied);
  const RowId planned = f.planned_session();
  set_user_active(f.store, f.admin, f.nurse.id, false, f.tick());
  EXPECT_THROW(draft_note(f.store, f.nurse, planned, NoteType::dosing, "x", f.tick()),
               PermissionDenied);
}
