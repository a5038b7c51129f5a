#include "vigil/drivers/serial_link.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <string>
#include <system_error>
#include <vector>

#include "acquisition_io.hpp"
#include "serial_options.hpp"

namespace vigil::drivers {

using Clock = std::chrono::steady_clock;

struct SerialLink::Impl : std::enable_shared_from_this<SerialLink::Impl> {
  Impl(boost::asio::io_context& io, PathResolver r, LineSettings s, SerialLinkListener& l,
       ReconnectPolicy p)
      : port(io),
        probe_timer(io),
        resolve(std::move(r)),
        settings(s),
        listener(&l),
        policy(p),
        backoff(p.first_retry) {}

  boost::asio::serial_port port;
  boost::asio::steady_timer probe_timer;
  PathResolver resolve;
  LineSettings settings;
  SerialLinkListener* listener;  // called only while active
  ReconnectPolicy policy;

  bool active = false;           // owner wants the port open
  std::uint64_t generation = 0;  // bumped at every open/close: stale completions are ignored
  std::chrono::milliseconds backoff;
  Clock::time_point next_attempt{};
  bool was_present = false;
  std::string path;

  std::array<std::uint8_t, 1024> read_buffer{};
  std::vector<std::uint8_t> write_queue;
  std::vector<std::uint8_t> write_in_flight;

  std::atomic<std::uint64_t> read_completions{0}, bytes_read{0}, opens{0}, open_failures{0},
      losses{0}, bytes_written{0};

  void attempt_open();
  void open_failed(std::string_view reason);
  void arm_probe();
  void on_probe();
  void start_read();
  void lost(std::string_view reason);
  void start_write();
  void shut_port();
};

void SerialLink::Impl::shut_port() {
  ++generation;
  boost::system::error_code ignored;
  if (port.is_open()) port.close(ignored);
  write_queue.clear();
  write_in_flight.clear();
}

void SerialLink::Impl::attempt_open() {
  const std::optional<std::string> resolved = resolve ? resolve() : std::nullopt;
  if (!resolved) {
    was_present = false;
    open_failed("port absent");
    return;
  }
  was_present = true;
  boost::system::error_code ec;
  port.open(*resolved, ec);
  if (ec) {  // the reason says why: no permission, not a terminal, a directory, ...
    open_failed("open failed: " + ec.message());
    return;
  }
  if (const std::error_code settings_error = apply_line_settings(port, settings)) {
    port.close(ec);
    open_failed("line settings refused: " + settings_error.message());
    return;
  }
  ++generation;
  ++opens;
  path = *resolved;
  backoff = policy.first_retry;
  if (active) listener->on_link_opened(path);
  if (active && port.is_open()) start_read();
}

void SerialLink::Impl::open_failed(std::string_view reason) {
  ++open_failures;
  next_attempt = Clock::now() + backoff;
  backoff = std::min(backoff * 2, policy.max_retry);
  if (active) listener->on_open_failed(reason);
  if (active) arm_probe();
}

void SerialLink::Impl::arm_probe() {
  probe_timer.expires_after(policy.first_retry);
  probe_timer.async_wait([self = shared_from_this(), gen = generation](auto ec) {
    if (ec || !self->active || gen != self->generation || self->port.is_open()) return;
    self->on_probe();
  });
}

void SerialLink::Impl::on_probe() {
  // A device that reappears is opened at once; otherwise attempts follow the back-off.
  if (Clock::now() + std::chrono::milliseconds(1) >= next_attempt) {
    attempt_open();
    return;
  }
  const bool present = resolve && resolve().has_value();
  if (present && !was_present) {
    attempt_open();
    return;
  }
  was_present = present;
  arm_probe();
}

void SerialLink::Impl::start_read() {
  port.async_read_some(boost::asio::buffer(read_buffer),
                       [self = shared_from_this(), gen = generation](
                           const boost::system::error_code& ec, std::size_t n) {
                         ++self->read_completions;
                         if (gen != self->generation || !self->active) return;
                         if (ec) {
                           if (ec == boost::asio::error::operation_aborted) return;
                           self->lost(ec == boost::asio::error::eof ? "end of file" : "i/o error");
                           return;
                         }
                         self->bytes_read += n;
                         self->listener->on_link_bytes({self->read_buffer.data(), n});
                         // The listener may have closed the link.
                         if (gen == self->generation && self->active) self->start_read();
                       });
}

void SerialLink::Impl::lost(std::string_view reason) {
  ++losses;
  shut_port();
  backoff = policy.first_retry;
  next_attempt = Clock::now() + backoff;
  backoff = std::min(backoff * 2, policy.max_retry);
  was_present = false;
  if (active) listener->on_link_lost(reason);
  if (active) arm_probe();
}

void SerialLink::Impl::start_write() {
  if (!write_in_flight.empty() || write_queue.empty() || !port.is_open()) return;
  write_in_flight.swap(write_queue);
  boost::asio::async_write(port, boost::asio::buffer(write_in_flight),
                           [self = shared_from_this(), gen = generation](
                               const boost::system::error_code& ec, std::size_t n) {
                             if (gen != self->generation || !self->active) return;
                             self->bytes_written += n;
                             self->write_in_flight.clear();
                             if (ec) {
                               if (ec != boost::asio::error::operation_aborted)
                                 self->lost("i/o error");
                               return;
                             }
                             self->start_write();
                           });
}

SerialLink::SerialLink(AcquisitionThread& thread, PathResolver resolve, LineSettings settings,
                       SerialLinkListener& listener, ReconnectPolicy policy)
    : impl_(std::make_shared<Impl>(io_context_of(thread), std::move(resolve), settings, listener,
                                   policy)) {}

SerialLink::~SerialLink() { close(); }

void SerialLink::open() {
  if (impl_->active) return;
  impl_->active = true;
  impl_->backoff = impl_->policy.first_retry;
  impl_->attempt_open();
}

void SerialLink::close() {
  impl_->active = false;
  impl_->probe_timer.cancel();
  impl_->shut_port();
}

bool SerialLink::is_open() const { return impl_->port.is_open(); }

void SerialLink::write(std::span<const std::uint8_t> bytes) {
  if (!impl_->port.is_open()) return;
  impl_->write_queue.insert(impl_->write_queue.end(), bytes.begin(), bytes.end());
  impl_->start_write();
}

std::chrono::milliseconds SerialLink::current_backoff() const { return impl_->backoff; }

const std::string& SerialLink::current_path() const { return impl_->path; }

SerialLinkStats SerialLink::stats() const {
  return {impl_->read_completions, impl_->bytes_read, impl_->opens,
          impl_->open_failures,    impl_->losses,     impl_->bytes_written};
}

}  // namespace vigil::drivers
