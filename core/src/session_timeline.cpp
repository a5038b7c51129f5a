#include "vigil/core/session_timeline.hpp"

namespace vigil::core {
namespace {
std::size_t index(SessionPhase p) { return static_cast<std::size_t>(p); }
}  // namespace

SessionTimeline::SessionTimeline(SessionType type, UtcTime created) : type_(type) {
  first_entered_[index(SessionPhase::planned)] = created;
  last_entered_[index(SessionPhase::planned)] = created;
}

std::optional<UtcTime> SessionTimeline::first_entered(SessionPhase p) const {
  return first_entered_[index(p)];
}
std::optional<UtcTime> SessionTimeline::last_entered(SessionPhase p) const {
  return last_entered_[index(p)];
}
std::optional<UtcTime> SessionTimeline::last_left(SessionPhase p) const {
  return last_left_[index(p)];
}

TransitionResult SessionTimeline::check_time(SessionPhase to, UtcTime now) const {
  if (now < *last_entered_[index(phase_)]) {
    std::string reason = "cannot go from ";
    reason += session_phase_name(phase_);
    reason += " to ";
    reason += session_phase_name(to);
    reason += ": the time given is before the session entered ";
    reason += session_phase_name(phase_);
    return {false, false, "time_before_last_change", std::move(reason)};
  }
  return {true, false, {}, {}};
}

void SessionTimeline::record(SessionPhase to, UtcTime now, const EarlyEnd* early_end) {
  SessionPhaseChange change{phase_, to, now, early_end != nullptr,
                            early_end ? early_end->reason : std::string{}};
  last_left_[index(phase_)] = now;
  if (!first_entered_[index(to)]) first_entered_[index(to)] = now;
  last_entered_[index(to)] = now;
  phase_ = to;
  if (early_end) ended_early_ = true;
  history_.push_back(std::move(change));
}

TransitionResult SessionTimeline::advance(SessionPhase to, const TransitionGuards& guards,
                                          UtcTime now) {
  auto result = check_transition(type_, phase_, to, guards);
  if (!result) return result;
  if (auto time = check_time(to, now); !time) return time;
  record(to, now, nullptr);
  return result;
}

TransitionResult SessionTimeline::end_early(const EarlyEnd& early_end, UtcTime now) {
  auto result = check_early_end(type_, phase_, early_end);
  if (!result) return result;
  if (auto time = check_time(SessionPhase::closed, now); !time) return time;
  record(SessionPhase::closed, now, &early_end);
  return result;
}

}  // namespace vigil::core
