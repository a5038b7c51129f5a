#pragma once
// One session's phase history: the current phase, when each phase was entered, and how the
// session ended. Moves only through the rules of session_transition.hpp.
//
// Times are UtcTime (wall clock, as charted in the record), passed in by the caller: nothing
// here reads a clock. A change dated before the previous change is refused.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "vigil/core/reading.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_transition.hpp"
#include "vigil/core/session_type.hpp"

namespace vigil::core {

struct SessionPhaseChange {
  SessionPhase from = SessionPhase::planned;
  SessionPhase to = SessionPhase::planned;
  UtcTime at{};
  bool early_end = false;
  std::string early_end_reason;  // empty unless early_end
};

class SessionTimeline {
 public:
  // A new session starts in `planned`, entered at `created`.
  SessionTimeline(SessionType type, UtcTime created);

  SessionType type() const { return type_; }
  SessionPhase phase() const { return phase_; }
  bool ended_early() const { return ended_early_; }
  const std::vector<SessionPhaseChange>& history() const { return history_; }

  // When the session first / last entered `p`; nullopt if never.
  std::optional<UtcTime> first_entered(SessionPhase p) const;
  std::optional<UtcTime> last_entered(SessionPhase p) const;
  // When the session last left `p`; nullopt if it never left it (or never entered it).
  std::optional<UtcTime> last_left(SessionPhase p) const;

  // Applies a normal transition at `now` if check_transition() allows it; otherwise nothing
  // changes and the refusal is returned.
  TransitionResult advance(SessionPhase to, const TransitionGuards& guards, UtcTime now);
  // Closes the session early at `now` if check_early_end() allows it.
  TransitionResult end_early(const EarlyEnd& early_end, UtcTime now);

 private:
  TransitionResult check_time(SessionPhase to, UtcTime now) const;
  void record(SessionPhase to, UtcTime now, const EarlyEnd* early_end);

  SessionType type_;
  SessionPhase phase_ = SessionPhase::planned;
  bool ended_early_ = false;
  std::array<std::optional<UtcTime>, session_phase_count> first_entered_{};
  std::array<std::optional<UtcTime>, session_phase_count> last_entered_{};
  std::array<std::optional<UtcTime>, session_phase_count> last_left_{};
  std::vector<SessionPhaseChange> history_;
};

}  // namespace vigil::core
