// Property tests over random value streams (seeded, reproducible): the engine is checked
// against a small independent model of what the rules promise.
#include <map>
#include <random>
#include <set>
#include <utility>

#include "alarm_engine_test_support.hpp"

namespace vigil::core::testing {
namespace {

std::string key(const AlarmConditionId& id) {
  std::string k(alarm_condition_name(id));
  k += '@';
  k += std::to_string(id.device);
  return k;
}

// What the events say about one condition.
struct ModelCondition {
  bool active = false;
  bool latched = false;
  bool acknowledged = false;
};

struct PropertyCase {
  unsigned seed;
  bool latching;
};

class AlarmEngineProperty : public AlarmEngineTest,
                            public ::testing::WithParamInterface<PropertyCase> {
 protected:
  // Folds the events not yet seen into the model, failing on impossible sequences.
  void apply_events() {
    for (; applied_ < log_.events.size(); ++applied_) {
      const std::size_t i = applied_;
      const AlarmEvent& e = log_.events[i];
      if (e.condition.kind == AlarmConditionKind::none ||
          e.condition.kind == AlarmConditionKind::channel) {
        continue;
      }
      ModelCondition& m = model_[key(e.condition)];
      switch (e.kind) {
        case AlarmEventKind::raised:
          ASSERT_FALSE(m.active) << describe(e);
          m = {true, false, false};
          break;
        case AlarmEventKind::escalated:
          ASSERT_TRUE(m.active) << describe(e);
          m.acknowledged = false;
          break;
        case AlarmEventKind::de_escalated:
          ASSERT_TRUE(m.active) << describe(e);
          break;
        case AlarmEventKind::cleared:
          ASSERT_TRUE(m.active) << describe(e);
          m.active = false;
          m.latched = GetParam().latching && !m.acknowledged;
          break;
        case AlarmEventKind::acknowledged:
          ASSERT_TRUE(m.active || m.latched) << describe(e);
          m.acknowledged = true;
          break;
        case AlarmEventKind::latched_cleared:
          ASSERT_TRUE(m.latched && !m.active) << describe(e);
          m.latched = false;
          break;
        default:
          break;
      }
    }
  }

  // The annunciation agrees with the model, and audio sounds for every unacknowledged
  // medium/high condition unless paused.
  void check_annunciation() {
    const Annunciation a = annunciation();
    std::set<std::string> shown;
    std::optional<AlarmPriority> must_sound;
    for (const AnnunciatedCondition& c : a.conditions) {
      const std::string k = key(c.id);
      shown.insert(k);
      const ModelCondition& m = model_[k];
      ASSERT_TRUE(m.active || m.latched) << k;
      EXPECT_EQ(c.active, m.active) << k;
      EXPECT_EQ(c.acknowledged, m.acknowledged) << k << " at step " << step_;
      if (!c.acknowledged && c.priority != AlarmPriority::low &&
          (!must_sound || c.priority > *must_sound)) {
        must_sound = c.priority;
      }
    }
    for (const auto& [k, m] : model_) {
      if (m.active || m.latched) {
        EXPECT_TRUE(shown.count(k)) << k << " missing at " << step_;
      }
    }
    if (a.audio_pause_remaining > Ms::zero()) {
      EXPECT_EQ(a.audio_state, AudioState::audio_paused);
    } else if (must_sound) {
      ASSERT_EQ(a.audio_state, AudioState::sounding) << "step " << step_;
      EXPECT_GE(*a.audio_priority, *must_sound);
    }
  }

  std::map<std::string, ModelCondition> model_;
  std::size_t applied_ = 0;
  int step_ = 0;
};

TEST_P(AlarmEngineProperty, RandomStreamsKeepThePromises) {
  AlarmProfile profile = default_alarm_profile();
  profile.latching = GetParam().latching;
  start(profile, SessionPhase::dosing);
  std::mt19937 rng(GetParam().seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> gap_ms(100, 1500);
  double spo2 = 96;
  double pulse = 80;
  std::optional<SteadyTime> spo2_run;   // first present SpO2 < 90 since the last >= 90
  std::optional<SteadyTime> pulse_run;  // first present pulse > 120 since the last <= 120
  // Time on the alarm side vouched for by present values: each present SpO2 < 90 covers the
  // time until the next reading; absent values cover nothing; a value >= 90 restarts.
  SteadyTime::duration spo2_covered{};
  std::optional<SteadyTime> spo2_vouch;
  const AlarmConditionId spo2_low = limit_condition(Channel::spo2, LimitSide::low);
  const AlarmConditionId pulse_high = limit_condition(Channel::pulse_rate, LimitSide::high);

  for (step_ = 0; step_ < 4000; ++step_) {
    advance(Ms(gap_ms(rng)));
    const std::size_t before = log_.events.size();
    spo2 = std::clamp(spo2 + (unit(rng) - 0.5) * 4 + (96 - spo2) * 0.02, 70.0, 100.0);
    pulse = std::clamp(pulse + (unit(rng) - 0.5) * 12 + (80 - pulse) * 0.02, 30.0, 180.0);
    const bool spo2_absent = unit(rng) < 0.05;
    const std::optional<double> v = spo2_absent ? std::nullopt : std::optional<double>(spo2);
    feed(Channel::spo2, v);
    feed(Channel::pulse_rate, pulse);
    if (v) spo2_run = *v < 90 ? spo2_run.value_or(steady_) : std::optional<SteadyTime>{};
    if (spo2_vouch) spo2_covered += steady_ - *std::exchange(spo2_vouch, std::nullopt);
    if (v && *v < 90) spo2_vouch = steady_;
    if (v && *v >= 90) spo2_covered = {};
    pulse_run = pulse > 120 ? pulse_run.value_or(steady_) : std::optional<SteadyTime>{};
    if (unit(rng) < 0.01) feed(Channel::nibp_systolic, 120 + unit(rng) * 80, 4);
    if (unit(rng) < 0.005) condition(DeviceConditionKind::low_battery, unit(rng) < 0.5, 2);

    // Nothing is raised before its delay; high tiers need a value at or beyond their limit.
    for (std::size_t i = before; i < log_.events.size(); ++i) {
      const AlarmEvent& e = log_.events[i];
      const bool up = e.kind == AlarmEventKind::raised || e.kind == AlarmEventKind::escalated;
      if (!up) continue;
      if (e.condition == spo2_low && e.priority == AlarmPriority::medium) {
        ASSERT_TRUE(spo2_run.has_value()) << step_;
        EXPECT_GE(steady_ - *spo2_run, 10s) << "spo2 medium raised early at step " << step_;
        EXPECT_GE(spo2_covered, 10s) << "absent time counted toward the delay at " << step_;
      }
      if (e.condition == spo2_low && e.priority == AlarmPriority::high) {
        EXPECT_LE(*e.value, 85) << step_;
      }
      if (e.condition == pulse_high && e.priority == AlarmPriority::medium) {
        ASSERT_TRUE(pulse_run.has_value()) << step_;
        EXPECT_GE(steady_ - *pulse_run, 5s) << "pulse medium raised early at step " << step_;
      }
    }
    apply_events();
    // A value back inside by the hysteresis clears the condition.
    if (v && *v >= 91) {
      EXPECT_FALSE(model_[key(spo2_low)].active) << step_;
    }
    if (pulse <= 119) {
      EXPECT_FALSE(model_[key(pulse_high)].active) << step_;
    }

    // Operator actions.
    const double r = unit(rng);
    const Annunciation a = annunciation();
    const std::size_t before_ack = log_.events.size();
    if (r < 0.03) {
      engine_->acknowledge_all(now(), "ana");
      std::set<std::string> expected;
      for (const auto& c : a.conditions) {
        if (!c.acknowledged || c.latched) expected.insert(key(c.id));
      }
      std::set<std::string> got;
      for (std::size_t i = before_ack; i < log_.events.size(); ++i) {
        if (log_.events[i].kind == AlarmEventKind::acknowledged) {
          got.insert(key(log_.events[i].condition));
        }
      }
      EXPECT_EQ(got, expected) << "acknowledge_all touched exactly what was shown";
    } else if (r < 0.05 && !a.conditions.empty()) {
      const auto& target = a.conditions[rng() % a.conditions.size()];
      engine_->acknowledge(target.id, now(), "ana");
      for (std::size_t i = before_ack; i < log_.events.size(); ++i) {
        EXPECT_EQ(log_.events[i].condition, target.id) << "acknowledging one touched another";
      }
    } else if (r < 0.055) {
      engine_->pause_audio(now(), "ana");
    }
    tick();
    apply_events();
    check_annunciation();
    if (::testing::Test::HasFatalFailure()) return;
  }

  // Back to normal values: every condition clears (after acknowledge where latched).
  condition(DeviceConditionKind::low_battery, false, 2);
  for (int i = 0; i < 30; ++i) {
    advance(1s);
    feed(Channel::spo2, 97);
    feed(Channel::pulse_rate, 75);
    feed(Channel::nibp_systolic, 120, 4);
    tick();
    apply_events();
  }
  engine_->acknowledge_all(now(), "ana");
  apply_events();
  EXPECT_TRUE(annunciation().conditions.empty());
  for (const auto& [k, m] : model_) EXPECT_FALSE(m.active || m.latched) << k;
}

std::vector<PropertyCase> property_cases() {
  std::vector<PropertyCase> cases;
  for (unsigned seed = 1; seed <= 6; ++seed) {
    cases.push_back({seed, false});
    cases.push_back({seed, true});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Seeds, AlarmEngineProperty, ::testing::ValuesIn(property_cases()),
                         [](const auto& info) {
                           std::string name = "seed";
                           name += std::to_string(info.param.seed);
                           name += info.param.latching ? "_latching" : "_plain";
                           return name;
                         });

}  // namespace
}  // namespace vigil::core::testing
