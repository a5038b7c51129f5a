#pragma once
// The acquisition side of a station: one AcquisitionThread and the DeviceSessions it serves.
// All methods are thread-safe; listener calls come from the acquisition thread.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"

namespace vigil::drivers {

class DeviceHub {
 public:
  // `listener`, `clock` and `discovery` (may be null) must outlive the hub.
  explicit DeviceHub(DeviceSessionListener& listener,
                     const DeviceClock& clock = system_device_clock(),
                     PortDiscovery* discovery = nullptr);
  ~DeviceHub();  // stops every session, then the thread

  // Adds a device (started at once when the hub runs). Throws std::invalid_argument for an
  // unknown protocol or a device id already in use.
  void add_device(DeviceSessionConfig config);
  bool remove_device(core::DeviceId id);  // false when unknown

  void start();  // starts the thread and every session
  void stop();   // stops every session and the thread; start() again resumes
  bool running() const;

  bool request_nibp(core::DeviceId id);  // false when unknown
  std::optional<SessionState> state(core::DeviceId id) const;
  std::optional<DeviceSessionStats> stats(core::DeviceId id) const;
  std::vector<core::DeviceId> devices() const;

  AcquisitionThread& thread() { return thread_; }

 private:
  DeviceSessionListener& listener_;
  const DeviceClock& clock_;
  PortDiscovery* discovery_;
  AcquisitionThread thread_;  // declared before the sessions: destroyed after them
  mutable std::mutex mutex_;
  std::map<core::DeviceId, std::unique_ptr<DeviceSession>> sessions_;
  bool running_ = false;
};

}  // namespace vigil::drivers
