#pragma once
// One device: its serial link, decoder, handshake, keep-alives, NIBP polling (SunTech) and
// silence watchdog, running on the acquisition thread.
//
// States: disconnected -> opening -> handshaking -> streaming -> silent -> (back). Every
// transition goes to DeviceSessionListener::on_state with a reason, and the ones that matter to
// the alarm engine also as a core::DeviceCondition:
//   port opened          -> connected            (handshaking; SunTech: streaming)
//   port lost / absent   -> disconnected         (disconnected; reopened with back-off)
//   no valid frame for the silence limit -> no_data active (silent); data again -> no_data ended
// Garbage never counts as data: only decoded frames (Decoder::counters().frames) do.
// Readings and device conditions are stamped with the session's device id and the clock's
// steady and UTC time of the read that completed them. No allocation per byte.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/core/device_condition.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_clock.hpp"
#include "vigil/drivers/device_identity.hpp"
#include "vigil/drivers/port_discovery.hpp"
#include "vigil/drivers/serial_link.hpp"
#include "vigil/protocols/decoder.hpp"

namespace vigil::drivers {

enum class SessionState : std::uint8_t { disconnected, opening, handshaking, streaming, silent };
constexpr std::string_view session_state_name(SessionState v) {
  switch (v) {
    case SessionState::disconnected:
      return "disconnected";
    case SessionState::opening:
      return "opening";
    case SessionState::handshaking:
      return "handshaking";
    case SessionState::streaming:
      return "streaming";
    case SessionState::silent:
      return "silent";
  }
  return {};
}
constexpr std::string_view enum_name(SessionState v) { return session_state_name(v); }

struct DeviceSessionConfig {
  core::DeviceId device_id = 0;
  std::string name;      // operator's label ("finger", "cuff")
  std::string protocol;  // CLI protocol name ("nonin-df2", "contec-v7", "ge-s5", "suntech", ...)
  DeviceIdentity identity;
  // No valid frame for this long -> no_data. Default: per protocol (session_protocol_for);
  // zero turns the watchdog off.
  std::optional<std::chrono::milliseconds> silence_limit;
  ReconnectPolicy reconnect;
  std::chrono::milliseconds contec_keep_alive{5000};  // Contec V7 keep-alive period
  int ge_request_interval_s = 5;                      // GE S/5 displayed-values interval (s)
  // SunTech: automatic measurements every nibp_interval (none: on request only); the cuff is
  // polled every nibp_poll_interval until the module says done, for at most nibp_timeout.
  std::optional<std::chrono::milliseconds> nibp_interval;
  std::chrono::milliseconds nibp_poll_interval{1000};
  std::chrono::milliseconds nibp_timeout{150000};
  // Simulated speed: every session delay above (not the reconnect back-off) is divided by it.
  double time_scale = 1.0;
};

// Called on the acquisition thread; keep the work short (it delays every other device).
class DeviceSessionListener {
 public:
  virtual ~DeviceSessionListener() = default;
  virtual void on_reading(const core::Reading& reading) = 0;
  virtual void on_condition(const core::DeviceCondition& condition) = 0;
  virtual void on_state(core::DeviceId /*device*/, SessionState /*from*/, SessionState /*to*/,
                        std::string_view /*reason*/) {}
};

struct DeviceSessionStats {
  SerialLinkStats link;
  protocols::DecoderCounters decoder;
  std::uint64_t commands_sent = 0;
};

class DeviceSession {
 public:
  // Throws std::invalid_argument when config.protocol has no decoder. `clock` and `discovery`
  // (may be null: identities are then paths or by-id links) must outlive the session.
  DeviceSession(AcquisitionThread& thread, DeviceSessionConfig config,
                DeviceSessionListener& listener, const DeviceClock& clock = system_device_clock(),
                PortDiscovery* discovery = nullptr);
  ~DeviceSession();  // stop()
  DeviceSession(const DeviceSession&) = delete;
  DeviceSession& operator=(const DeviceSession&) = delete;

  // Thread-safe. start() posts to the acquisition thread; stop() returns once the session is
  // stopped there, and no listener call happens after it returns.
  void start();
  void stop();
  // SunTech: start a measurement now (ignored while one runs; nibp_failed "not connected" when
  // the port is closed). Thread-safe: posts to the acquisition thread.
  void request_nibp();

  SessionState state() const;        // any thread
  DeviceSessionStats stats() const;  // any thread
  const DeviceSessionConfig& config() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::drivers
