#pragma once
// Internal: one SunTech NIBP measurement at a time. Start -> poll the cuff pressure until the
// module's 'K' ack (measurement done) -> fetch the BP data -> the decoder reports nibp_done or
// nibp_failed. A measurement that does not finish within the timeout is aborted and reported
// failed. Runs on the acquisition thread.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "asio.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::drivers {

class SunTechNibpCycle {
 public:
  struct Timing {
    std::chrono::milliseconds poll{1000};
    std::chrono::milliseconds timeout{150000};
    std::optional<std::chrono::milliseconds> interval;  // automatic schedule
  };
  struct Hooks {
    std::function<void(protocols::SunTechCommand)> send;
    // A failure the module did not report itself (static detail text).
    std::function<void(std::string_view detail)> fail;
  };

  // `alive` guards the timer handlers: when it has expired they do nothing.
  SunTechNibpCycle(boost::asio::io_context& io, Timing timing, Hooks hooks,
                   std::weak_ptr<void> alive);

  void link_up();
  void link_down();
  void request();  // start a measurement if none runs
  void on_reply(const protocols::DeviceReply& reply);
  void on_condition(const core::DeviceCondition& condition);
  void stop();
  bool measuring() const { return phase_ != Phase::idle; }

 private:
  enum class Phase { idle, measuring, fetching };
  void arm_poll();
  void arm_schedule();
  void finish();

  boost::asio::steady_timer poll_timer_;
  boost::asio::steady_timer timeout_timer_;
  boost::asio::steady_timer schedule_timer_;
  Timing timing_;
  Hooks hooks_;
  std::weak_ptr<void> alive_;
  Phase phase_ = Phase::idle;
  bool link_up_ = false;
  bool stopped_ = false;
};

}  // namespace vigil::drivers
