#include "vigil/drivers/device_hub.hpp"

#include <stdexcept>
#include <string>

namespace vigil::drivers {

DeviceHub::DeviceHub(DeviceSessionListener& listener, const DeviceClock& clock,
                     PortDiscovery* discovery)
    : listener_(listener), clock_(clock), discovery_(discovery) {}

DeviceHub::~DeviceHub() {
  stop();
  std::lock_guard lock(mutex_);
  sessions_.clear();
}

void DeviceHub::add_device(DeviceSessionConfig config) {
  std::lock_guard lock(mutex_);
  const core::DeviceId id = config.device_id;
  if (sessions_.count(id)) {
    throw std::invalid_argument("device id already in use: " + std::to_string(id));
  }
  auto session =
      std::make_unique<DeviceSession>(thread_, std::move(config), listener_, clock_, discovery_);
  if (running_) session->start();
  sessions_.emplace(id, std::move(session));
}

bool DeviceHub::remove_device(core::DeviceId id) {
  std::unique_ptr<DeviceSession> removed;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return false;
    removed = std::move(it->second);
    sessions_.erase(it);
  }
  removed.reset();  // stops it on the acquisition thread
  return true;
}

void DeviceHub::start() {
  std::lock_guard lock(mutex_);
  if (running_) return;
  running_ = true;
  thread_.start();
  for (auto& [id, session] : sessions_) session->start();
}

void DeviceHub::stop() {
  std::lock_guard lock(mutex_);
  if (!running_) return;
  running_ = false;
  for (auto& [id, session] : sessions_) session->stop();
  thread_.stop();
}

bool DeviceHub::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

bool DeviceHub::request_nibp(core::DeviceId id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return false;
  it->second->request_nibp();
  return true;
}

std::optional<SessionState> DeviceHub::state(core::DeviceId id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second->state();
}

std::optional<DeviceSessionStats> DeviceHub::stats(core::DeviceId id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second->stats();
}

std::vector<core::DeviceId> DeviceHub::devices() const {
  std::lock_guard lock(mutex_);
  std::vector<core::DeviceId> out;
  for (const auto& [id, session] : sessions_) out.push_back(id);
  return out;
}

}  // namespace vigil::drivers
