#pragma once
// One serial port of one device: opens it by path with the protocol's line settings, reads
// asynchronously on the acquisition thread, writes host commands, and survives unplugging.
//
// EOF or an I/O error on the open port means the device is gone: reading stops (no busy loop on
// a dead pty), the port is closed and reopened on a back-off timer (first_retry doubling to
// max_retry). The path is resolved again at every attempt, so a device that returns under another
// ttyUSBn is found. Between attempts the path is probed every first_retry: a device that
// reappears is opened at once instead of waiting out a long back-off; the back-off only spaces
// out attempts on a port that is present but refuses to open.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/line_settings.hpp"

namespace vigil::drivers {

struct ReconnectPolicy {
  std::chrono::milliseconds first_retry{500};
  std::chrono::milliseconds max_retry{5000};
};

// Called on the acquisition thread. Reasons are static text.
class SerialLinkListener {
 public:
  virtual void on_link_opened(std::string_view path) = 0;
  virtual void on_link_bytes(std::span<const std::uint8_t> bytes) = 0;
  // The open port failed ("end of file", "i/o error"): it is closed, a reopen is scheduled.
  virtual void on_link_lost(std::string_view reason) = 0;
  // An open attempt failed ("port absent", "open failed", ...): the next one is scheduled.
  virtual void on_open_failed(std::string_view reason) = 0;

 protected:
  ~SerialLinkListener() = default;
};

struct SerialLinkStats {
  std::uint64_t read_completions = 0;  // every completed read, data or error
  std::uint64_t bytes_read = 0;
  std::uint64_t opens = 0;
  std::uint64_t open_failures = 0;
  std::uint64_t losses = 0;  // EOF / I/O errors on an open port
  std::uint64_t bytes_written = 0;
};

class SerialLink {
 public:
  // Returns the device node to open now, or nullopt when the device is absent.
  using PathResolver = std::function<std::optional<std::string>()>;

  SerialLink(AcquisitionThread& thread, PathResolver resolve, LineSettings settings,
             SerialLinkListener& listener, ReconnectPolicy policy = {});
  // Closes the port. Call on the acquisition thread or while it is stopped.
  ~SerialLink();
  SerialLink(const SerialLink&) = delete;
  SerialLink& operator=(const SerialLink&) = delete;

  // Acquisition thread only.
  void open();   // first attempt now; retries on failure
  void close();  // closes, stops retrying; no listener call afterwards
  bool is_open() const;
  // Queues bytes for the port (copied); dropped when the port is not open.
  void write(std::span<const std::uint8_t> bytes);
  // The wait before the next attempt after a failure (ms).
  std::chrono::milliseconds current_backoff() const;
  const std::string& current_path() const;  // last path opened

  SerialLinkStats stats() const;  // any thread

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::drivers
