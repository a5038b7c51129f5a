#include "flash_timer.hpp"

#include <algorithm>
#include <cmath>

namespace vigil::gui {

FlashTimer::FlashTimer(QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  timer_.setTimerType(Qt::PreciseTimer);
  connect(&timer_, &QTimer::timeout, this, &FlashTimer::toggle);
}

void FlashTimer::setPattern(double flash_hz, double duty_cycle) {
  if (flash_hz == hz_ && duty_cycle == duty_) return;
  hz_ = flash_hz;
  duty_ = duty_cycle;
  timer_.stop();
  if (flash_hz <= 0 || duty_cycle >= 1) {
    on_ms_ = off_ms_ = 0;
    setOn(true);
    return;
  }
  const double period_ms = 1000.0 / flash_hz;
  const double duty = std::clamp(duty_cycle, 0.05, 0.95);
  on_ms_ = static_cast<int>(std::lround(period_ms * duty));
  off_ms_ = static_cast<int>(std::lround(period_ms * (1 - duty)));
  setOn(true);
  timer_.start(on_ms_);
}

void FlashTimer::stop() {
  hz_ = duty_ = -1;
  timer_.stop();
  setOn(false);
}

void FlashTimer::setPhaseForTest(bool on) {
  if (timer_.isActive()) timer_.start(on ? on_ms_ : off_ms_);
  setOn(on);
}

void FlashTimer::toggle() {
  setOn(!on_);
  timer_.start(on_ ? on_ms_ : off_ms_);
}

void FlashTimer::setOn(bool on) {
  if (on == on_) return;
  on_ = on;
  emit phaseChanged(on_);
}

}  // namespace vigil::gui
