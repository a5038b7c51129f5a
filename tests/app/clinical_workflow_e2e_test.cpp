// The two whole-session walks on the real station (clinical_workflow_fixture.hpp), from sign-in
// to close: the clinician plans, the nurse starts from the Today list, completes the checklist
// with the device's baseline BP, gives the doses with the clinician witnessing by password, sees
// the 40-minute checkpoint met by the device, records the scales and an adverse event; the
// clinician signs the dosing note (a wrong password refused first) and adds an addendum; the
// discharge criteria turn met as the simulated tachycardia recovers; ready to leave; Close is
// refused with the missing fields listed, then closes; and the integration session that follows
// is planned, its note signed and closed. Afterwards the record holds every entry with the right
// actor, the signature manifests the right name and meaning, the audit chain verifies, and a raw
// SQL edit of the signed note is refused by the trigger.
#include "clinical_workflow_fixture.hpp"
#include "session_end_walk.hpp"
#include "session_report_walk.hpp"

namespace {

using namespace vigil::gui::e2e;

TEST_F(ClinicalWorkflow, EsketamineSessionFromSignInToCloseThenItsIntegrationSession) {
  clinicianPlansAndNurseStarts(DoseRoute::esketamine_nasal, "56");
  auto& form = openDoseForm("");
  EXPECT_EQ(form.route(), DoseRoute::esketamine_nasal);
  // A dose without its lot is refused at the field, in words, and nothing is written.
  QTest::mouseClick(form.giveButton(), Qt::LeftButton);
  EXPECT_FALSE(form.refusalAt("lot").isEmpty());
  EXPECT_TRUE(state().doses.empty());
  vigil::gui::test::savePng(window, "window-dose-refused.png");
  form.lotEdit()->setText("LOT-E1");
  QTest::mouseClick(form.giveButton(), Qt::LeftButton);
  ASSERT_EQ(state().doses.size(), 1u) << form.statusText().toStdString();
  EXPECT_FALSE(form.giveButton()->isEnabled()) << "the 5-minute rest between devices";
  EXPECT_TRUE(form.spacingText().contains("Next device")) << form.spacingText().toStdString();
  // 5 scenario minutes are 5 s here: the button comes back by itself.
  ASSERT_TRUE(QTest::qWaitFor([&] { return form.giveButton()->isEnabled(); }, 10000));
  form.witness()->nameEdit()->setText("carl");
  form.witness()->passwordEdit()->setText(db::test::kPassword);
  QTest::mouseClick(form.giveButton(), Qt::LeftButton);
  ASSERT_EQ(state().doses.size(), 2u) << form.statusText().toStdString();
  EXPECT_EQ(state().total_dose_mg, 56);
  QTest::keyClick(form.lotEdit(), Qt::Key_Escape);
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.trendChart()->markers().size() >= 2; }, 2000))
      << "each dose marks the trends";

  // The device's automatic measurement in the 35-50 min window meets the 40-minute check.
  ASSERT_TRUE(waitFor(
      [](const auto& s) {
        const auto* c = checkpoint(s, CheckpointKind::post_dose_bp);
        return c && c->state == CheckpointState::met;
      },
      70000))
      << panel().sessionPanel()->checkpointsText().toStdString();
  const auto* post = checkpoint(state(), CheckpointKind::post_dose_bp);
  EXPECT_EQ(post->met_by->source, vigil::core::BpSource::device);
  EXPECT_TRUE(panel().sessionPanel()->checkpointsText().contains("device"))
      << panel().sessionPanel()->checkpointsText().toStdString();
  vigil::gui::test::savePng(window, "window-session-panel.png");

  const auto doses = rows("administrations");
  ASSERT_EQ(doses.size(), 2u);
  EXPECT_EQ(count_containing(doses, "\"witness_id\":" + std::to_string(store.clinician.id)), 2);
  EXPECT_EQ(count_containing(doses, "\"administered_by\":" + std::to_string(store.nurse.id)), 2);
  EXPECT_GE(count_containing(rows("observations"), "\"bp_source\":\"device\""), 2);

  SessionEnd end{*this};
  end.recordRecoveryScales();
  end.recordAdverseEvent("nausea", "mild", "ondansetron 4 mg orally");
  advanceTo(SessionPhase::observation);
  switchTo("carl");
  end.signDosingNoteWithAddendum(
      "Treatment given: esketamine 56 mg, two devices 5 min apart, lots LOT-E1.\n"
      "Vital signs: SpO2 97-99 %, BP within limits; 40-minute BP met by the device.\n"
      "Sedation and dissociation: MOAA/S 4 at 30 min, mild dissociation, resolved.\n"
      "Adverse events: mild nausea, ondansetron 4 mg orally.",
      "Patient reported transient dizziness at 60 min; resolved without treatment.");
  switchTo("nina");
  end.waitForDischargeReadiness();
  end.recordReadyToLeave("100");
  end.expectCloseRefused({"rems.monitoring_provider: site setting", "rems.setting: site setting"});
  db::set_site_setting(store.store, store.admin, "rems.monitoring_provider",
                       "Dr Carl, 555-0100, clinic@example.org", store.tick());
  db::set_site_setting(store.store, store.admin, "rems.setting", "Vigil Clinic, 1 Main St",
                       store.tick());
  end.closeSession();
  switchTo("carl");
  end.integrationSession(db::VisitMode::video,
                         "Visit by video. The patient describes the session as meaningful; "
                         "sleeping better. PHQ-9 to be repeated at the 1-week follow-up.");
  expectRecordAudited();
  end.expectEndRecorded();
  ReportWalk{*this}.printAndCheck();
}

TEST_F(ClinicalWorkflow, IvInfusionSessionFromSignInToCloseThenItsIntegrationSession) {
  clinicianPlansAndNurseStarts(DoseRoute::iv, "35");
  const db::UtcMs started = now();
  // The infusion runs 40 min (40 s here); the nurse records it with its start and end.
  QTest::qWait(static_cast<int>(40 * kMin / kSpeed));
  auto& form = openDoseForm("LOT-K1");
  EXPECT_EQ(form.route(), DoseRoute::iv);
  form.doseEdit()->setText("35");
  EXPECT_TRUE(form.perKgText().contains("0.50 mg/kg")) << form.perKgText().toStdString();
  form.givenNowBox()->setChecked(false);
  form.givenAtEdit()->setDateTime(vigil::gui::localDateTime(started));
  form.endedBox()->setChecked(true);
  form.endedAtEdit()->setDateTime(vigil::gui::localDateTime(now()));
  QTest::mouseClick(form.giveButton(), Qt::LeftButton);
  ASSERT_EQ(state().doses.size(), 1u)
      << form.statusText().toStdString() << form.refusalAt("").toStdString();
  ASSERT_TRUE(state().doses[0].end_utc_ms);
  QTest::keyClick(form.lotEdit(), Qt::Key_Escape);

  // The device measured every 5 min through the infusion: its 10-minute checks are met.
  const auto& s = state();
  int infusion_met = 0;
  for (const auto& c : s.checkpoints) {
    if (c.kind == CheckpointKind::infusion_bp && c.state == CheckpointState::met) ++infusion_met;
  }
  EXPECT_GE(infusion_met, 2) << panel().sessionPanel()->checkpointsText().toStdString();
  ASSERT_TRUE(waitFor(
      [](const auto& st) {
        const auto* c = checkpoint(st, CheckpointKind::post_dose_bp);
        return c && c->state == CheckpointState::met;
      },
      30000))
      << panel().sessionPanel()->checkpointsText().toStdString();
  advanceTo(SessionPhase::observation);

  const auto doses = rows("administrations");
  ASSERT_EQ(doses.size(), 1u);
  EXPECT_EQ(count_containing(doses, "\"route\":\"iv\""), 1);
  EXPECT_EQ(count_containing(doses, "\"witness_id\":" + std::to_string(store.clinician.id)), 1);

  SessionEnd end{*this};
  end.recordRecoveryScales();
  end.recordAdverseEvent("hypertension", "moderate", "infusion rate reviewed; no treatment");
  end.waitForDischargeReadiness();
  end.recordReadyToLeave("95");
  end.expectCloseRefused({"dosing note: no signed dosing note"});
  switchTo("carl");
  end.signDosingNoteWithAddendum(
      "Treatment given: ketamine 35 mg IV over 40 min, lot LOT-K1.\n"
      "Vital signs: BP peaked 146/90 at 30 min; infusion checks met by the device.\n"
      "Recovery: MOAA/S 5, modified Aldrete 10.",
      "Escort confirmed by phone before discharge.");
  switchTo("nina");
  end.closeSession();
  switchTo("carl");
  end.integrationSession(db::VisitMode::in_person,
                         "In person. Discussed the experience and the plan for the next session.");
  expectRecordAudited();
  end.expectEndRecorded();
}

}  // namespace
