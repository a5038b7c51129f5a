#include "vigil/core/checkpoint_schedule.hpp"

#include <algorithm>
#include <array>

namespace vigil::core {
namespace {

// A long observation must not grow the list without bound (24 h of 10-min checks).
constexpr int kMaxSeriesLength = 144;

// Where a checkpoint sits in time before readings are looked at.
struct CheckpointWindow {
  CheckpointKind kind;
  int number;
  UtcTime due_at;
  UtcTime window_start;
  std::optional<UtcTime> window_end;
  UtcTime deadline;  // overdue after deadline + grace
  bool accepts_late;
};

class Evaluator {
 public:
  Evaluator(const std::vector<BpReading>& readings, std::chrono::milliseconds grace, UtcTime now,
            std::optional<UtcTime> closed)
      : grace_(grace), now_(closed ? std::min(now, *closed) : now), closed_(closed) {
    for (const auto& r : readings) {
      if (r.time <= now_ && !check_bp_reading(r)) valid_.push_back(r);
    }
    std::sort(valid_.begin(), valid_.end(),
              [](const BpReading& a, const BpReading& b) { return a.time < b.time; });
  }

  UtcTime now() const { return now_; }

  // Adds the checkpoint unless the session closed before its window opened.
  // Returns its state (nullopt when dropped).
  std::optional<CheckpointState> add(const CheckpointWindow& w) {
    if (closed_ && w.window_start > *closed_) return std::nullopt;
    CheckpointStatus s;
    s.kind = w.kind;
    s.number = w.number;
    s.due_at = w.due_at;
    s.window_start = w.window_start;
    s.window_end = w.window_end;
    s.overdue_at = w.deadline + grace_;
    const UtcTime window_last = w.window_end ? std::min(*w.window_end, now_) : now_;
    for (const auto& r : valid_) {
      if (r.time < w.window_start) continue;
      if (r.time <= window_last) {
        s.met_by = r;
        break;
      }
      if (w.accepts_late && r.time <= s.overdue_at) {
        s.met_by = r;
        s.met_late = true;
      }
      break;
    }
    if (s.met_by) {
      s.state = CheckpointState::met;
    } else if (now_ > s.overdue_at) {
      s.state = CheckpointState::overdue;
    } else if (now_ >= w.window_start) {
      s.state = CheckpointState::due;
    } else {
      s.state = CheckpointState::upcoming;
    }
    out_.push_back(s);
    return s.state;
  }

  std::vector<CheckpointStatus> take() {
    std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) {
      return a.due_at != b.due_at ? a.due_at < b.due_at : a.kind < b.kind;
    });
    return std::move(out_);
  }

 private:
  std::chrono::milliseconds grace_;
  UtcTime now_;
  std::optional<UtcTime> closed_;
  std::vector<BpReading> valid_;
  std::vector<CheckpointStatus> out_;
};

// Checks every `interval` from `start` while the phase lasts (until `end`, or, while it is
// ongoing, up to and including the next upcoming one).
void add_series(Evaluator& ev, CheckpointKind kind, UtcTime start, std::optional<UtcTime> end,
                const CheckpointSchedule& schedule, std::chrono::minutes interval) {
  if (interval <= std::chrono::minutes::zero()) return;
  for (int n = 1; n <= kMaxSeriesLength; ++n) {
    const UtcTime due = start + n * interval;
    if (end && due > *end) return;
    const UtcTime window_end = due + schedule.scheduled_window_after;
    const auto state = ev.add(
        {kind, n, due, due - schedule.scheduled_window_before, window_end, window_end, true});
    if (!state || *state == CheckpointState::upcoming) return;
  }
}

}  // namespace

std::vector<CheckpointStatus> evaluate_checkpoints(const CheckpointSchedule& schedule,
                                                   const std::vector<BpReading>& bp_readings,
                                                   const SessionCheckpointTimes& times,
                                                   std::chrono::milliseconds overdue_grace,
                                                   UtcTime now) {
  Evaluator ev(bp_readings, overdue_grace, now, times.closed);

  if (times.pre_dose_started) {
    const UtcTime start = *times.pre_dose_started;
    UtcTime deadline = start + schedule.pre_dose_bp_due_within;
    if (times.first_dose) deadline = std::min(deadline, *times.first_dose);
    ev.add({CheckpointKind::pre_dose_bp, 1, start, start, times.first_dose, deadline, false});
  }
  if (times.first_dose) {
    const UtcTime due = *times.first_dose + schedule.post_dose_bp_at;
    const UtcTime window_end = due + schedule.post_dose_window_after;
    ev.add({CheckpointKind::post_dose_bp, 1, due, due - schedule.post_dose_window_before,
            window_end, window_end, true});
  }
  if (times.infusion_started) {
    add_series(ev, CheckpointKind::infusion_bp, *times.infusion_started, times.infusion_ended,
               schedule, schedule.infusion_bp_interval);
  }
  if (times.observation_started) {
    add_series(ev, CheckpointKind::observation_bp, *times.observation_started,
               times.observation_ended, schedule, schedule.observation_bp_interval);
  }
  if (times.first_dose && times.earliest_discharge) {
    const UtcTime due = *times.earliest_discharge;
    ev.add({CheckpointKind::discharge_bp, 1, due, due - schedule.discharge_bp_lead, times.closed,
            due, false});
  }
  return ev.take();
}

bool all_met(const std::vector<CheckpointStatus>& checkpoints, CheckpointKind kind) {
  bool any = false;
  for (const auto& c : checkpoints) {
    if (c.kind != kind) continue;
    if (c.state != CheckpointState::met) return false;
    any = true;
  }
  return any;
}

bool any_overdue(const std::vector<CheckpointStatus>& checkpoints) {
  return std::any_of(checkpoints.begin(), checkpoints.end(),
                     [](const auto& c) { return c.state == CheckpointState::overdue; });
}

}  // namespace vigil::core
