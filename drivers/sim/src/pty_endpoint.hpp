#pragma once
// One pseudo-terminal pair as a simulated device's end of the wire: a non-blocking master the
// simulator reads and writes, a raw slave for the host, and a symlink to the slave. Internal.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vigil::drivers::sim {

class PtyEndpoint {
 public:
  PtyEndpoint() = default;
  ~PtyEndpoint() { close(); }
  PtyEndpoint(const PtyEndpoint&) = delete;
  PtyEndpoint& operator=(const PtyEndpoint&) = delete;

  // Makes a new pty pair (raw slave, non-blocking master). Throws std::system_error.
  void open();
  // Closes both sides: a host holding the slave gets EOF / EIO (the device was unplugged).
  void close();
  bool is_open() const { return master_ >= 0; }
  int master_fd() const { return master_; }
  const std::string& slave_path() const { return slave_path_; }

  // Points `link` at the slave, atomically replacing what was there. Throws std::system_error.
  void publish(const std::string& link) const;

  // Host bytes waiting on the master (none when there are none or on error).
  void read_host(std::vector<std::uint8_t>& out);
  // Writes device bytes; what the pty cannot take now is dropped, as on a wire nobody reads.
  // If more than `backlog_limit` unread bytes wait for the host, they are discarded first (an
  // overrun), so a host that opens the port late does not read minutes-old data.
  void write_device(std::span<const std::uint8_t> bytes, std::size_t backlog_limit);

 private:
  int master_ = -1;
  int slave_ = -1;  // kept open so the pty survives hosts opening and closing it
  std::string slave_path_;
};

}  // namespace vigil::drivers::sim
