// ScaledClock: steady and UTC time run `speed` times faster than real time from `epoch` on.
// Every check brackets the clock's read between two real reads, so the bounds are exact and the
// test cannot flake on a slow machine.

#include "scaled_clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>

namespace vigil::station {
namespace {

using namespace std::chrono_literals;
using std::chrono::duration;
using std::chrono::steady_clock;
using std::chrono::system_clock;

// Rounding of the double product: far below anything a screen or an alarm delay resolves.
constexpr auto kSlack = 1us;

// Reads `clock` between two real reads; checks the scaled steady and UTC times since the epoch
// against speed x the real time since the epoch, before and after.
void expect_scaled(const ScaledClock& clock, double speed) {
  const auto real_before = steady_clock::now() - clock.epoch();
  const auto steady = clock.steady_now() - clock.epoch();
  const auto utc = clock.utc_now() - clock.utc_at_epoch();
  const auto real_after = steady_clock::now() - clock.epoch();
  const auto lo = duration<double>(real_before) * speed - kSlack;
  const auto hi = duration<double>(real_after) * speed + kSlack;
  EXPECT_GE(duration<double>(steady), lo);
  EXPECT_LE(duration<double>(steady), hi);
  EXPECT_GE(duration<double>(utc), lo);
  EXPECT_LE(duration<double>(utc), hi);
}

TEST(ScaledClock, SpeedOneFollowsRealTime) {
  const auto epoch = steady_clock::now() - 2s;
  const auto utc0 = system_clock::now() - 2s;
  const ScaledClock clock(1.0, epoch, utc0);
  EXPECT_EQ(clock.speed(), 1.0);
  EXPECT_EQ(clock.epoch(), epoch);
  EXPECT_EQ(clock.utc_at_epoch(), utc0);
  expect_scaled(clock, 1.0);
  EXPECT_GE(clock.steady_now() - epoch, 2s);
}

TEST(ScaledClock, SpeedTenRunsTenTimesFaster) {
  const auto epoch = steady_clock::now() - 1s;
  const ScaledClock clock(10.0, epoch, system_clock::time_point{} + 1'790'000'000s);
  expect_scaled(clock, 10.0);
  // One real second since the epoch is at least ten scenario seconds.
  EXPECT_GE(clock.steady_now() - epoch, 10s);
  EXPECT_GE(clock.utc_now() - clock.utc_at_epoch(), 10s);

  // Two reads around a short real pause: the scenario time advanced ten times as much.
  const auto real_a = steady_clock::now();
  const auto a = clock.steady_now();
  std::this_thread::sleep_for(20ms);
  const auto b = clock.steady_now();
  const auto real_b = steady_clock::now();
  EXPECT_GE(b - a, 10 * 20ms - kSlack);
  EXPECT_LE(duration<double>(b - a), duration<double>(real_b - real_a) * 10 + kSlack);
}

TEST(ScaledClock, SlowerThanRealTimeAndDefaultEpochIsNow) {
  const auto before = steady_clock::now();
  const ScaledClock clock(0.5);
  const auto after = steady_clock::now();
  EXPECT_GE(clock.epoch(), before);
  EXPECT_LE(clock.epoch(), after);
  expect_scaled(clock, 0.5);
  // Right after construction the clock reads about its epoch, not real time since boot.
  EXPECT_LT(clock.steady_now() - clock.epoch(), 10s);
}

TEST(ScaledClock, SpeedMustBePositive) {
  for (double bad : {0.0, -1.0, -0.001, std::numeric_limits<double>::quiet_NaN()}) {
    try {
      ScaledClock clock(bad);
      ADD_FAILURE() << "speed " << bad << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("speed"), std::string::npos) << e.what();
    }
  }
  EXPECT_NO_THROW(ScaledClock(1e-3));
}

}  // namespace
}  // namespace vigil::station
