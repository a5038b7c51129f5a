#include <gtest/gtest.h>

#include <sstream>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/alarm_event_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/vitals_export.hpp"

using namespace vigil::db;
using namespace vigil::db::test;
using vigil::core::DoseRoute;
using vigil::core::SessionPhase;

TEST(DbObservations, ScaleRangesNameTheFieldAndTheRule) {
  EXPECT_EQ(validate_scale(Scale::moaas, {5}), 5);
  EXPECT_EQ(validate_scale(Scale::rass, {-5}), -5);
  EXPECT_EQ(validate_scale(Scale::cadss, std::vector<int>(23, 4)), 92);
  EXPECT_EQ(validate_scale(Scale::phq9, std::vector<int>(9, 3)), 27);
  EXPECT_EQ(validate_scale(Scale::gad7, std::vector<int>(7, 3)), 21);
  EXPECT_EQ(validate_scale(Scale::aldrete, {2, 2, 2, 2, 1}), 9);
  EXPECT_EQ(validation_message([] { validate_scale(Scale::moaas, {6}); }),
            "moaas.items[1]: must be 0-5 (got 6)");
  EXPECT_EQ(validation_message([] { validate_scale(Scale::rass, {5}); }),
            "rass.items[1]: must be -5..+4 (got 5)");
  EXPECT_EQ(validation_message([] { validate_scale(Scale::cadss, std::vector<int>(22, 0)); }),
            "cadss.items: 23 answers required (got 22)");
  auto cadss = std::vector<int>(23, 0);
  cadss[3] = 5;
  EXPECT_EQ(validation_message([&] { validate_scale(Scale::cadss, cadss); }),
            "cadss.items[4]: must be 0-4 (got 5)");
  EXPECT_EQ(validation_message([] {
              validate_scale(Scale::phq9, {0, 0, 0, 0, 0, 0, 0, 0, -1});
            }),
            "phq9.items[9]: must be 0-3 (got -1)");
  EXPECT_EQ(validation_message([] {
              validate_scale(Scale::gad7, {0, 0, 0, 4, 0, 0, 0});
            }),
            "gad7.items[4]: must be 0-3 (got 4)");
  EXPECT_EQ(validation_message([] {
              validate_scale(Scale::aldrete, {2, 2, 3, 2, 2});
            }),
            "aldrete.items[3]: must be 0-2 (got 3)");
}

TEST(DbObservations, StoredWithTotalsPhaseAndAudit) {
  StoreFixture f;
  const RowId s = f.planned_session();
  record_scale(f.store, f.nurse, {s, f.now, Scale::phq9, {1, 2, 3, 0, 1, 2, 3, 0, 1}}, f.tick());
  EXPECT_EQ(f.db.execAndGet("SELECT total FROM observations").getInt(), 13);
  EXPECT_EQ(f.db.execAndGet("SELECT items FROM observations").getString(), "[1,2,3,0,1,2,3,0,1]");
  EXPECT_EQ(f.db.execAndGet("SELECT phase FROM observations").getString(), "planned");
  EXPECT_EQ(f.last_action(), "record_observation");
  EXPECT_THROW(
      record_bp(f.store, f.nurse, {s, f.now, 80, 120, {}, vigil::core::BpSource::manual}, f.tick()),
      ValidationError);
  EXPECT_NE(validation_message([&] {
              record_adverse_event(f.store, f.nurse, {s, f.now, "nausea", "awful", f.now, "none"},
                                   f.tick());
            }).find("severity:"),
            std::string::npos);
  record_adverse_event(f.store, f.nurse, {s, f.now, "nausea", "mild", f.now - 60000, "ondansetron"},
                       f.tick());
  const auto rows = read_session_records(f.store, f.auditor, "observations", s, f.tick());
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbSessions, PhasesFollowTheCoreRules) {
  StoreFixture f;
  const RowId s = f.planned_session();
  EXPECT_NE(validation_message([&] {
              advance_session(f.store, f.nurse, s, SessionPhase::dosing, f.tick());
            }).find("phase: "),
            std::string::npos);
  advance_session(f.store, f.nurse, s, SessionPhase::pre_dose, f.tick());
  EXPECT_THROW(advance_session(f.store, f.nurse, s, SessionPhase::dosing, f.tick()),
               ValidationError)
      << "no checklist and no BP yet";
  const RowId d = f.dosing_session();
  EXPECT_THROW(advance_session(f.store, f.nurse, d, SessionPhase::observation, f.tick()),
               ValidationError)
      << "no dose yet";
  record_administration(f.store, f.nurse, dose(d, DoseRoute::iv, 35, f.now), f.tick());
  advance_session(f.store, f.nurse, d, SessionPhase::observation, f.tick());
  EXPECT_THROW(advance_session(f.store, f.nurse, d, SessionPhase::discharge_ready, f.tick()),
               ValidationError);
  f.now += 120 * 60'000;  // core's minimum observation after the first dose
  record_discharge_facts(f, d, f.now);
  advance_session(f.store, f.nurse, d, SessionPhase::discharge_ready, f.tick());
  record_close_facts(f, d);
  advance_session(f.store, f.nurse, d, SessionPhase::closed, f.tick());
  EXPECT_FALSE(f.db.execAndGet("SELECT ended_utc_ms FROM sessions WHERE id = " + std::to_string(d))
                   .isNull());
  EXPECT_THROW(record_scale(f.store, f.nurse, {d, f.now, Scale::moaas, {5}}, f.tick()),
               ValidationError)
      << "closed";
}

// Checklists are append-only: a later, incomplete pre-dose checklist (an item found unmet on a
// second look) is the one in force, and dosing may not start on the earlier complete one.
TEST(DbSessions, TheNewestPreDoseChecklistIsTheOneInForce) {
  StoreFixture f;
  const RowId s = f.planned_session();
  advance_session(f.store, f.nurse, s, SessionPhase::pre_dose, f.tick());
  record_bp(f.store, f.nurse, {s, f.now, 120, 80, std::nullopt, vigil::core::BpSource::device},
            f.tick());
  ChecklistEntry c{s, ChecklistKind::pre_dose, {}, f.now};
  for (const char* item :
       {"identity_confirmed", "consent_confirmed", "fasting_confirmed", "medication_review_done",
        "escort_arranged", "no_driving_acknowledged"}) {
    c.items.emplace_back(item, true);
  }
  record_checklist(f.store, f.nurse, c, f.tick());
  c.items[2].second = false;  // fasting not confirmed after all
  c.t_utc_ms = f.now;
  record_checklist(f.store, f.nurse, c, f.tick());
  EXPECT_NE(validation_message([&] {
              advance_session(f.store, f.nurse, s, SessionPhase::dosing, f.tick());
            }).find("checklist"),
            std::string::npos);
  c.items[2].second = true;
  c.t_utc_ms = f.now;
  record_checklist(f.store, f.nurse, c, f.tick());
  advance_session(f.store, f.nurse, s, SessionPhase::dosing, f.tick());
}

TEST(DbSessions, EarlyEndAfterDosingNeedsAClinician) {
  StoreFixture f;
  const RowId d = f.dosing_session();
  EXPECT_THROW(end_session_early(f.store, f.nurse, d, "patient withdrew", f.tick()),
               ValidationError);
  end_session_early(f.store, f.clinician, d, "patient withdrew", f.tick());
  EXPECT_EQ(
      f.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(d)).getString(),
      "closed");
}

TEST(DbSessions, IntegrationSessionMustLinkADosingSession) {
  StoreFixture f;
  NewSession s;
  s.type = vigil::core::SessionType::integration;
  s.patient_id = f.patient;
  s.chair = "room 3";
  EXPECT_THROW(create_session(f.store, f.clinician, s, f.tick()), ValidationError);
  s.linked_session_id = f.planned_session();
  EXPECT_NO_THROW(create_session(f.store, f.clinician, s, f.tick()));
}

TEST(DbAdministrations, DoseRulesAndClinicianOverride) {
  StoreFixture f;
  const RowId d = f.dosing_session();
  const auto ok =
      record_administration(f.store, f.nurse, dose(d, DoseRoute::iv, 35, f.now), f.tick());
  EXPECT_EQ(ok.check.decision, vigil::core::DoseDecision::accepted);
  EXPECT_DOUBLE_EQ(f.db.execAndGet("SELECT dose_mg_per_kg FROM administrations").getDouble(), 0.5);
  const std::string refused = validation_message([&] {
    record_administration(f.store, f.nurse, dose(d, DoseRoute::iv, 35, f.now), f.tick());
  });
  EXPECT_NE(refused.find("dose refused"), std::string::npos) << refused;
  auto over = dose(d, DoseRoute::iv, 35, f.now);
  over.override_reason = "planned higher total";
  EXPECT_THROW(record_administration(f.store, f.nurse, over, f.tick()), PermissionDenied);
  const auto r = record_administration(f.store, f.clinician, over, f.tick());
  EXPECT_EQ(r.check.decision, vigil::core::DoseDecision::accepted_with_override);
  SQLite::Statement q(f.db,
                      "SELECT override_by, override_reason, violations FROM administrations "
                      "WHERE id = ?");
  q.bind(1, r.id);
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt64(), f.clinician.id);
  EXPECT_EQ(q.getColumn(1).getString(), "planned higher total");
  EXPECT_NE(q.getColumn(2).getString(), "[]");
}

TEST(DbAdministrations, OnlyInTheDosingPhaseAndWithRequiredFields) {
  StoreFixture f;
  const RowId p = f.planned_session();
  EXPECT_NE(validation_message([&] {
              record_administration(f.store, f.nurse, dose(p, DoseRoute::iv, 35, f.now), f.tick());
            }).find("dosing phase"),
            std::string::npos);
  const RowId d = f.dosing_session();
  auto no_lot = dose(d, DoseRoute::iv, 35, f.now);
  no_lot.lot = "";
  EXPECT_EQ(validation_message([&] { record_administration(f.store, f.nurse, no_lot, f.tick()); }),
            "lot: required, must not be blank");
}

TEST(DbAdministrations, EsketamineDevicesFollowTheLabel) {
  StoreFixture f;
  const RowId d = f.dosing_session(56);
  record_administration(f.store, f.nurse, dose(d, DoseRoute::esketamine_nasal, 28, f.now),
                        f.tick());
  EXPECT_THROW(
      record_administration(f.store, f.nurse,
                            dose(d, DoseRoute::esketamine_nasal, 28, f.now + 60'000), f.tick()),
      ValidationError)
      << "5 min between devices";
  EXPECT_NO_THROW(record_administration(
      f.store, f.nurse, dose(d, DoseRoute::esketamine_nasal, 28, f.now + 300'000), f.tick()));
}

TEST(DbAlarmEvents, ABedsideAcknowledgementWithNobodySignedInNamesTheOperatorAndNoUser) {
  StoreFixture f;
  const RowId s = f.planned_session();
  const RowId a = record_alarm_start(
      f.store, f.nurse,
      {s, "spo2_low", vigil::core::AlarmPriority::medium, f.now, "below 90 %", 88}, f.tick());
  acknowledge_alarm_by_operator(f.store, f.nurse, a, "bedside (not signed in)", f.tick());
  SQLite::Statement q(f.db, "SELECT acknowledged_by, acknowledged_utc_ms FROM alarm_events");
  ASSERT_TRUE(q.executeStep());
  EXPECT_TRUE(q.getColumn(0).isNull()) << "no user acknowledged it";
  EXPECT_EQ(q.getColumn(1).getInt64(), f.now);
  SQLite::Statement audit(f.db,
                          "SELECT actor_id, actor_name, action FROM audit_log ORDER BY seq DESC "
                          "LIMIT 1");
  ASSERT_TRUE(audit.executeStep());
  EXPECT_TRUE(audit.getColumn(0).isNull());
  EXPECT_EQ(audit.getColumn(1).getString(), "bedside (not signed in)");
  EXPECT_EQ(audit.getColumn(2).getString(), "alarm_acknowledged");
  // A signed-in clinician named by the station is stamped as that user.
  pause_alarm_audio_by_operator(f.store, f.nurse, a, f.clinician.name, f.tick());
  EXPECT_EQ(f.db.execAndGet("SELECT audio_paused_by FROM alarm_events").getInt64(), f.clinician.id);
  EXPECT_EQ(test::validation_message(
                [&] { acknowledge_alarm_by_operator(f.store, f.nurse, a, " ", f.tick()); }),
            "operator_name: required, must not be blank");
  EXPECT_THROW(acknowledge_alarm_by_operator(f.store, f.auditor, a, "bedside", f.tick()),
               PermissionDenied)
      << "only a station recording for a nurse or clinician writes it";
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbAlarmEvents, AcknowledgeAndPauseRecordWhoAndWhen) {
  StoreFixture f;
  const RowId s = f.planned_session();
  const RowId a = record_alarm_start(
      f.store, f.nurse,
      {s, "spo2_low", vigil::core::AlarmPriority::medium, f.now, "below 90 %", 88}, f.tick());
  acknowledge_alarm(f.store, f.nurse, a, f.tick());
  pause_alarm_audio(f.store, f.clinician, a, f.tick());
  record_alarm_escalation(f.store, f.nurse, a, vigil::core::AlarmPriority::high, "at or below 85 %",
                          83, f.tick());
  record_alarm_end(f.store, f.nurse, a, f.now, f.tick());
  SQLite::Statement q(f.db,
                      "SELECT acknowledged_by, audio_paused_by, priority, end_utc_ms, "
                      "limit_in_force, triggering_value FROM alarm_events");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt64(), f.nurse.id);
  EXPECT_EQ(q.getColumn(1).getInt64(), f.clinician.id);
  EXPECT_EQ(q.getColumn(2).getString(), "high");
  EXPECT_FALSE(q.getColumn(3).isNull());
  EXPECT_EQ(q.getColumn(4).getString(), "at or below 85 %");
  EXPECT_EQ(q.getColumn(5).getDouble(), 83);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbVitalsExport, OneRowPerTimestampOneColumnPerChannelEmptyForAbsent) {
  StoreFixture f;
  const RowId s = f.planned_session();
  f.db.exec(
      "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags) VALUES "
      "(" +
      std::to_string(s) +
      ", 'pulse_rate', 1000, 72, 0),"
      "(" +
      std::to_string(s) +
      ", 'spo2', 1000, 97, 0),"
      "(" +
      std::to_string(s) +
      ", 'spo2', 2000, NULL, 1),"
      "(" +
      std::to_string(s) +
      ", 'pulse_rate', 2000, 71.5, 0),"
      "(" +
      std::to_string(s) + ", 'spo2', 3000, 96, 0)");
  std::ostringstream out;
  const auto summary = export_vitals_csv(f.store, f.auditor, s, out, f.tick());
  EXPECT_EQ(out.str(),
            "t_utc_ms,spo2,pulse_rate\n"
            "1000,97,72\n"
            "2000,,71.5\n"
            "3000,96,\n");
  EXPECT_EQ(summary.rows, 3u);
  EXPECT_EQ(f.last_action(), "export");
  std::ostringstream denied;
  EXPECT_THROW(export_vitals_csv(f.store, f.nurse, s, denied, f.tick()), PermissionDenied);
  EXPECT_TRUE(denied.str().empty());
}
