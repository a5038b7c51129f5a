#include "suntech_nibp_cycle.hpp"

namespace vigil::drivers {

using protocols::SunTechCommand;

SunTechNibpCycle::SunTechNibpCycle(boost::asio::io_context& io, Timing timing, Hooks hooks,
                                   std::weak_ptr<void> alive)
    : poll_timer_(io),
      timeout_timer_(io),
      schedule_timer_(io),
      timing_(timing),
      hooks_(std::move(hooks)),
      alive_(std::move(alive)) {}

void SunTechNibpCycle::link_up() {
  link_up_ = true;
  stopped_ = false;
  if (timing_.interval && timing_.interval->count() > 0) arm_schedule();
}

void SunTechNibpCycle::link_down() {
  link_up_ = false;
  schedule_timer_.cancel();
  if (phase_ != Phase::idle) {
    finish();
    hooks_.fail("disconnected during measurement");
  }
}

void SunTechNibpCycle::request() {
  if (stopped_) return;
  if (!link_up_) {
    hooks_.fail("not connected");
    return;
  }
  if (phase_ != Phase::idle) return;
  phase_ = Phase::measuring;
  hooks_.send(SunTechCommand::start_adult);
  arm_poll();
  timeout_timer_.expires_after(timing_.timeout);
  timeout_timer_.async_wait([this, alive = alive_](auto ec) {
    if (ec || alive.expired() || phase_ == Phase::idle) return;
    hooks_.send(SunTechCommand::abort);
    finish();
    hooks_.fail("measurement timed out");
  });
}

void SunTechNibpCycle::arm_poll() {
  poll_timer_.expires_after(timing_.poll);
  poll_timer_.async_wait([this, alive = alive_](auto ec) {
    if (ec || alive.expired() || phase_ != Phase::measuring) return;
    hooks_.send(SunTechCommand::get_cuff_pressure);
    arm_poll();
  });
}

void SunTechNibpCycle::arm_schedule() {
  schedule_timer_.expires_after(*timing_.interval);
  schedule_timer_.async_wait([this, alive = alive_](auto ec) {
    if (ec || alive.expired() || !link_up_) return;
    request();
    arm_schedule();
  });
}

void SunTechNibpCycle::on_reply(const protocols::DeviceReply& reply) {
  if (reply.kind != protocols::ReplyKind::measurement_done || phase_ != Phase::measuring) return;
  phase_ = Phase::fetching;
  poll_timer_.cancel();
  hooks_.send(SunTechCommand::get_bp_data);
}

void SunTechNibpCycle::on_condition(const core::DeviceCondition& condition) {
  using K = core::DeviceConditionKind;
  if (condition.kind == K::nibp_done || condition.kind == K::nibp_failed) finish();
}

void SunTechNibpCycle::finish() {
  phase_ = Phase::idle;
  poll_timer_.cancel();
  timeout_timer_.cancel();
}

void SunTechNibpCycle::stop() {
  stopped_ = true;
  link_up_ = false;
  finish();
  schedule_timer_.cancel();
}

}  // namespace vigil::drivers
