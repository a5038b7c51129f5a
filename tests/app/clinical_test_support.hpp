#pragma once
// A real Vigil database behind a ClinicalGateway, for the clinical form tests: users nina and
// nora (nurses), carl (clinician), aud (auditor) with cheap passwords, patient MRN-1 (70 kg),
// the store behind a Recorder (as the station has it) and a gateway whose clock the test sets.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QStringList>
#include <QWidget>
#include <filesystem>
#include <memory>
#include <string>

#include "clinical_gateway.hpp"
#include "db/db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/session_reader.hpp"

namespace vigil::gui::test {

using db::test::kPassword;

struct ClinicalFixture {
  vigil::test::TempDir dir;
  std::filesystem::path file = dir / "vigil.db";
  db::UtcMs now = db::test::kT0;
  db::Actor admin, nurse, nurse2, clinician, auditor;
  db::RowId patient = 0;
  std::unique_ptr<db::Recorder> recorder;
  std::unique_ptr<ClinicalGateway> gateway;

  ClinicalFixture() {
    db::Store s = db::Store::open(file, db::OpenMode::create_or_open);
    const auto cheap = db::PasswordCost::cheapest();
    admin = db::create_first_admin(s, "admin", kPassword, now, cheap);
    nurse = db::add_user(s, admin, "nina", db::Role::nurse, kPassword, now, cheap);
    nurse2 = db::add_user(s, admin, "nora", db::Role::nurse, kPassword, now, cheap);
    clinician = db::add_user(s, admin, "carl", db::Role::clinician, kPassword, now, cheap);
    auditor = db::add_user(s, admin, "aud", db::Role::auditor, kPassword, now, cheap);
    patient = db::create_patient(s, nurse, {"MRN-1", "Pat Doe", "1980-04-02", "female", 70.0}, now);
    recorder = std::make_unique<db::Recorder>(std::move(s));
    gateway = std::make_unique<ClinicalGateway>(
        *recorder, [this] { return now; }, "chair 2");
  }

  template <class F>
  auto store(F&& f) {
    return recorder->run_clinical(std::forward<F>(f));
  }
  void signIn(const db::Actor& who) { gateway->signIn(who.name, kPassword); }
  db::UtcMs tick(db::UtcMs ms = 1000) { return now += ms; }

  std::size_t records(std::string_view table, db::RowId session) {
    return store([&](db::Store& s) {
      return db::read_session_records(s, auditor, table, session, now).size();
    });
  }
  std::size_t auditCount() {
    return store([&](db::Store& s) { return db::read_audit_log(s, auditor, now).size(); });
  }
  std::vector<db::PlannedSession> plannedToday() {
    return store([&](db::Store& s) {
      return db::sessions_planned_for_chair(s, auditor, "chair 2", now - 12 * 3600 * 1000,
                                            now + 12 * 3600 * 1000, now);
    });
  }

  db::RowId plannedSession(core::DoseRoute route, std::optional<double> dose_mg,
                           db::UtcMs at_offset_ms = 0) {
    db::NewSession n;
    n.patient_id = patient;
    n.chair = "chair 2";
    n.planned_utc_ms = now + at_offset_ms;
    n.clinician_id = clinician.id;
    n.planned_dose_mg = dose_mg;
    n.planned_route = route;
    return store([&](db::Store& s) { return db::create_session(s, clinician, n, tick()); });
  }

  // planned -> pre_dose -> BP 120/80 and a complete checklist -> dosing
  db::RowId dosingSession(core::DoseRoute route, std::optional<double> dose_mg) {
    const db::RowId id = plannedSession(route, dose_mg);
    store([&](db::Store& s) {
      db::advance_session(s, nurse, id, core::SessionPhase::pre_dose, tick());
      db::record_bp(s, nurse, {id, now, 120, 80, std::nullopt, core::BpSource::device}, tick());
      db::ChecklistEntry c{id, db::ChecklistKind::pre_dose, {}, now, std::nullopt};
      for (const char* item : {"identity_confirmed", "consent_confirmed", "fasting_confirmed",
                               "medication_review_done", "escort_arranged",
                               "no_driving_acknowledged", "rems_enrollment_verified"}) {
        c.items.emplace_back(item, true);
      }
      db::record_checklist(s, nurse, c, tick());
      db::advance_session(s, nurse, id, core::SessionPhase::dosing, tick());
    });
    return id;
  }

  // `value` of `channel` from device 1 as the recorder stores it, at the fixture's clock.
  void recordVital(db::RowId session, core::Channel channel, double value) {
    core::Reading r;
    r.channel = channel;
    r.value = value;
    r.device = 1;
    r.utc_time = core::UtcTime(std::chrono::milliseconds(now));
    ASSERT_TRUE(recorder->record_reading(session, r));
    recorder->flush();
  }

  // Ketamine 35 mg IV given, the session in observation and the clock 121 min after the dose,
  // with every discharge fact but the discharge checklist: MOAA/S 5, modified Aldrete 10, BP
  // 124/80 from the device, SpO2 97 % and pulse rate 72 bpm from the oximeter.
  db::RowId observedSession() {
    const db::RowId id = dosingSession(core::DoseRoute::iv, 35);
    const db::UtcMs dosed = now;
    store([&](db::Store& s) {
      db::record_administration(s, nurse, db::test::iv_ketamine(id, 35, dosed), tick());
      db::advance_session(s, nurse, id, core::SessionPhase::observation, tick());
    });
    now = dosed + 121 * 60 * 1000;
    store([&](db::Store& s) {
      db::record_scale(s, nurse, {id, now, db::Scale::moaas, {5}}, tick());
      db::record_scale(s, nurse, {id, now, db::Scale::aldrete, {2, 2, 2, 2, 2}}, tick());
      db::record_bp(s, nurse, {id, now, 124, 80, std::nullopt, core::BpSource::device}, tick());
    });
    recordVital(id, core::Channel::spo2, 97);
    recordVital(id, core::Channel::pulse_rate, 72);
    return id;
  }
};

// Renders `w` at the size it has in the 1280x800 window's clinical area and saves it beside
// the test binary (the README and reviewers look at these).
inline QString savePng(QWidget& w, const QString& name) {
  QCoreApplication::processEvents();
  const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
  w.grab().toImage().save(path, "PNG");
  return path;
}

// The visible buttons, fields and boxes of `w` shorter than a 48 px touch target ("" if none).
inline QString shortTouchTargets(QWidget& w) {
  QCoreApplication::processEvents();
  QStringList shortOnes;
  for (QWidget* c : w.findChildren<QWidget*>()) {
    const bool target = qobject_cast<QAbstractButton*>(c) || qobject_cast<QLineEdit*>(c) ||
                        qobject_cast<QComboBox*>(c) || qobject_cast<QAbstractSpinBox*>(c);
    if (!target || !c->isVisibleTo(&w) || qobject_cast<QLineEdit*>(c->parentWidget())) continue;
    if (qobject_cast<QAbstractSpinBox*>(c->parentWidget())) continue;  // the box's own editor
    if (c->height() < 48) {
      shortOnes << QStringLiteral("%1 '%2' %3 px")
                       .arg(QString::fromUtf8(c->metaObject()->className()), c->accessibleName())
                       .arg(c->height());
    }
  }
  return shortOnes.join(QStringLiteral(", "));
}

inline constexpr int kPanelWidth = 760;
inline constexpr int kPanelHeight = 470;

}  // namespace vigil::gui::test
