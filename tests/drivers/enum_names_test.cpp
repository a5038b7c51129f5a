// Every named enum of drivers: each enumerator has a name, names are unique and read back.
#include <gtest/gtest.h>

#include "support/enum_round_trip.hpp"
#include "vigil/drivers/device_session.hpp"

namespace vigil::drivers {
namespace {

TEST(DriverEnumNames, SessionStateRoundTripsThroughItsName) {
  test::expect_names_round_trip<SessionState>();
  EXPECT_EQ(session_state_name(SessionState::handshaking), "handshaking");
}

}  // namespace
}  // namespace vigil::drivers
