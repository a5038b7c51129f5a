// SunTech Advantage NIBP module: a start command begins a ~30 s measurement (the cuff inflates,
// then deflates in steps); the module sends 'K' when done and the result on request. Failures
// (scenario nibp_error_code) end after inflation with that error code. Acks: 'O' for every
// accepted command; the meaning of 'A' / 'B' is unverified, so they are never sent.
#include <algorithm>
#include <cmath>

#include "models.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::drivers::sim {
namespace {

using protocols::SunTechCommand;

constexpr double kInflate_s = 6.0;
constexpr double kDeflateEnd_s = kSunTechMeasurement_s - 2.0;  // then the cuff dumps
constexpr double kPollInterval_s = 1.0;                        // assume_host cuff polls
constexpr int kUserAbort = 86;

class SunTechModel final : public DeviceModel {
 public:
  explicit SunTechModel(const DeviceModelOptions& options) : cycle_s_(options.nibp_cycle_s) {}

  std::string_view protocol() const override {
    return protocols::protocol_name(protocols::ProtocolFamily::suntech);
  }

  void on_host_bytes(std::span<const std::uint8_t> bytes, double now_s, const Timeline& timeline,
                     std::vector<std::uint8_t>& out) override {
    for (std::uint8_t b : bytes) {
      const auto command = parser_.push(b);
      if (!command) continue;
      advance(now_s, timeline, out);
      answer(*command, now_s, timeline, out);
    }
  }

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    for (;;) {
      const double due = next_due_s();
      if (due > now_s) return;
      if (measuring_ && due >= end_s_) {
        finish(timeline, out);
      } else if (measuring_) {  // assume_host poll
        protocols::encode_cuff_pressure(cuff_pressure(due), out);
        next_poll_s_ += kPollInterval_s;
      } else {  // assume_host: the next measurement of the cycle
        start(due, timeline);
        next_cycle_s_ += cycle_s_;
      }
    }
  }

  double next_due_s() const override {
    if (measuring_) return assumed_ ? std::min(end_s_, next_poll_s_) : end_s_;
    return assumed_ ? next_cycle_s_ : kForever;
  }

  void reset(double) override {
    measuring_ = false;
    assumed_ = false;
    result_ = protocols::NibpState{};
    beats_ = 0;
    parser_ = protocols::SunTechCommandParser();
  }

  void assume_host(double now_s) override {
    assumed_ = true;
    next_cycle_s_ = now_s;
  }

 private:
  void answer(SunTechCommand command, double now_s, const Timeline& timeline,
              std::vector<std::uint8_t>& out) {
    switch (command) {
      case SunTechCommand::start_adult:
      case SunTechCommand::start_pediatric:
      case SunTechCommand::start_neonatal:
        if (!measuring_) start(now_s, timeline);
        protocols::encode_ack('O', out);
        break;
      case SunTechCommand::abort:
        if (measuring_) {
          measuring_ = false;
          result_ = protocols::NibpState{};
          result_.error_code = kUserAbort;
          beats_ = 0;
        }
        protocols::encode_ack('O', out);
        break;
      case SunTechCommand::get_cuff_pressure:
        protocols::encode_cuff_pressure(measuring_ ? cuff_pressure(now_s) : 0, out);
        break;
      case SunTechCommand::get_bp_data:
        protocols::encode_bp_result(result_, beats_, out);
        break;
    }
  }

  void start(double now_s, const Timeline& timeline) {
    const VitalSigns v = timeline.at(now_s);
    measuring_ = true;
    start_s_ = now_s;
    failing_ = v.nibp_error_code != 0 || !v.nibp_systolic || !v.nibp_diastolic;
    end_s_ = now_s + (failing_ ? kSunTechFailure_s : kSunTechMeasurement_s);
    peak_ = std::max(v.nibp_systolic.value_or(120) + 30, 150);
    next_poll_s_ = now_s;
  }

  void finish(const Timeline& timeline, std::vector<std::uint8_t>& out) {
    const VitalSigns v = timeline.at(end_s_);
    measuring_ = false;
    result_ = protocols::NibpState{};
    beats_ = 0;
    if (failing_) {
      // No pressure found without an explicit code: "weak signal".
      result_.error_code = v.nibp_error_code != 0 ? v.nibp_error_code : 1;
    } else {
      result_.systolic = v.nibp_systolic;
      result_.diastolic = v.nibp_diastolic;
      result_.mean = nibp_mean(v);
      result_.pulse_rate = v.pulse_rate;
      const double counted = v.pulse_rate.value_or(0) * kSunTechMeasurement_s / 60;
      beats_ = std::clamp(static_cast<int>(std::lround(counted)), 0, 255);
    }
    protocols::encode_ack('K', out);
    if (assumed_) protocols::encode_bp_result(result_, beats_, out);
  }

  // mmHg: linear inflation to the peak, stepwise deflation to 40, then the dump.
  int cuff_pressure(double now_s) const {
    const double t = now_s - start_s_;
    if (t < 0) return 0;
    if (t < kInflate_s) return static_cast<int>(std::lround(peak_ * t / kInflate_s));
    if (failing_) return static_cast<int>(std::lround(peak_ * std::max(0.0, 1 - (t - kInflate_s))));
    if (t < kDeflateEnd_s) {
      const double steps = std::floor((t - kInflate_s) / 1.0);  // one 8 mmHg-ish step a second
      const double span = kDeflateEnd_s - kInflate_s;
      return static_cast<int>(std::lround(peak_ - (peak_ - 40.0) * steps / span));
    }
    return static_cast<int>(std::lround(40.0 * std::max(0.0, 1 - (t - kDeflateEnd_s) / 2.0)));
  }

  double cycle_s_;
  protocols::SunTechCommandParser parser_;
  protocols::NibpState result_;
  int beats_ = 0;
  bool measuring_ = false;
  bool failing_ = false;
  bool assumed_ = false;
  double start_s_ = 0;
  double end_s_ = 0;
  double next_poll_s_ = 0;
  double next_cycle_s_ = 0;
  int peak_ = 150;
};

}  // namespace

std::unique_ptr<DeviceModel> make_suntech_model(const DeviceModelOptions& options) {
  return std::make_unique<SunTechModel>(options);
}

}  // namespace vigil::drivers::sim
