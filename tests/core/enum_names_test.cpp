// Every named enum of core: each enumerator has a name, names are unique and read back.
#include <gtest/gtest.h>

#include "support/enum_round_trip.hpp"
#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_event.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/core/discharge_readiness.hpp"
#include "vigil/core/dose_check_result.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/core/pre_dose_checklist.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/core/session_bp_reading.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"

namespace vigil::core {
namespace {

template <typename E>
class CoreEnumNames : public ::testing::Test {};

using CoreNamedEnums =
    ::testing::Types<AlarmColour, AudioState, AlarmEventKind, AlarmPriority, LimitComparison,
                     TechnicalCondition, Channel, CheckpointKind, CheckpointState,
                     DeviceConditionKind, DischargeCriterion, DoseDecision, DoseRoute, PreDoseItem,
                     ReadingFlag, BpSource, SessionPhase, SessionType>;
TYPED_TEST_SUITE(CoreEnumNames, CoreNamedEnums);

TYPED_TEST(CoreEnumNames, EveryEnumeratorRoundTripsThroughItsName) {
  test::expect_names_round_trip<TypeParam>();
}

// The derived counts are what the enums declare (formerly kept by hand).
TEST(EnumNames, CountsAreDerivedFromTheNames) {
  static_assert(channel_count == 12);
  static_assert(reading_flag_count == 19);
  static_assert(technical_condition_count == 7);
  static_assert(enum_count<AlarmPriority>() == 3);
  EXPECT_EQ(enum_values<SessionPhase>.front(), SessionPhase::planned);
  EXPECT_EQ(enum_values<SessionPhase>.back(), SessionPhase::closed);
  EXPECT_EQ(enum_names<DoseRoute>[4], "esketamine_nasal");
}

// The exact strings are stored in databases and printed: a few pinned examples per style.
TEST(EnumNames, NamesAreTheStoredStrings) {
  EXPECT_EQ(session_phase_name(SessionPhase::discharge_ready), "discharge_ready");
  EXPECT_EQ(alarm_event_kind_name(AlarmEventKind::alarm_off_reminder), "alarm_off_reminder");
  EXPECT_EQ(channel_from_name("nibp_mean"), Channel::nibp_mean);
  EXPECT_EQ(device_condition_from_name("recording_behind"), DeviceConditionKind::recording_behind);
  EXPECT_EQ(dose_route_from_name("IV"), std::nullopt);  // labels are not names
}

}  // namespace
}  // namespace vigil::core
