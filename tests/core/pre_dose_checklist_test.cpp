#include <gtest/gtest.h>

#include "vigil/core/pre_dose_checklist.hpp"

using namespace vigil::core;
using I = PreDoseItem;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
PreDoseChecklistTicks all_ticked() {
  PreDoseChecklistTicks t;
  for (std::size_t i = 0; i < pre_dose_item_count; ++i) t.tick(static_cast<I>(i));
  return t;
}
BpReading bp(double s, double d) { return {s, d, t0, BpSource::manual}; }
}  // namespace

TEST(PreDoseChecklist, CompleteWhenRequiredItemsDoneAndBpRecorded) {
  const auto r = evaluate_pre_dose_checklist(all_ticked(), bp(128, 82));
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.missing.empty());
  EXPECT_FALSE(r.advisory);
}

TEST(PreDoseChecklist, MissingItemsTable) {
  struct Case {
    std::vector<I> unticked;
    bool with_bp;
    std::vector<I> missing;
  };
  const std::vector<Case> cases{
      {{I::consent_confirmed}, true, {I::consent_confirmed}},
      {{I::identity_confirmed, I::escort_arranged},
       true,
       {I::identity_confirmed, I::escort_arranged}},
      {{}, false, {I::baseline_bp_recorded}},     // a tick alone does not count
      {{I::rems_enrollment_verified}, true, {}},  // not required by default
  };
  for (const auto& c : cases) {
    auto ticks = all_ticked();
    for (auto item : c.unticked) ticks.tick(item, false);
    const auto r =
        evaluate_pre_dose_checklist(ticks, c.with_bp ? std::optional{bp(120, 80)} : std::nullopt);
    EXPECT_EQ(r.missing, c.missing);
    EXPECT_EQ(r.complete, c.missing.empty());
  }
}

TEST(PreDoseChecklist, RequiredItemsAreConfigurable) {
  PreDoseChecklistConfig config;
  config.required[static_cast<std::size_t>(I::rems_enrollment_verified)] = true;
  auto ticks = all_ticked().tick(I::rems_enrollment_verified, false);
  const auto r = evaluate_pre_dose_checklist(ticks, bp(120, 80), config);
  EXPECT_EQ(r.missing, std::vector<I>{I::rems_enrollment_verified});
}

TEST(PreDoseChecklist, HighBpAdvisoryIsAdviceNotABlock) {
  struct Case {
    double s, d;
    bool advisory;
  };
  const std::vector<Case> cases{
      {140, 90, false}, {141, 80, true}, {130, 91, true}, {150, 85, true}, {139, 89, false}};
  for (const auto& c : cases) {
    const auto r = evaluate_pre_dose_checklist(all_ticked(), bp(c.s, c.d));
    EXPECT_EQ(r.advisory.has_value(), c.advisory) << c.s << "/" << c.d;
    EXPECT_TRUE(r.complete);
  }
  EXPECT_EQ(*evaluate_pre_dose_checklist(all_ticked(), bp(150, 85)).advisory,
            "BP above 140/90: consider deferring (pre-dose BP 150/85 mmHg)");
}

TEST(PreDoseChecklist, InvalidBpDoesNotCount) {
  const auto r = evaluate_pre_dose_checklist(all_ticked(), bp(80, 120));
  EXPECT_FALSE(r.complete);
  EXPECT_FALSE(r.advisory);
  EXPECT_TRUE(check_bp_reading(bp(0, 0)));
  EXPECT_EQ(*check_bp_reading(bp(350, 80)),
            "systolic_mmhg: 350 mmHg is outside the valid range (above 0, at most 300 mmHg)");
}
