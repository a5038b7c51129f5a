#include "vigil/drivers/device_session.hpp"

#include <array>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "acquisition_io.hpp"
#include "suntech_nibp_cycle.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"
#include "vigil/protocols/registry.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::drivers {

using core::DeviceConditionKind;
using RealClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct DeviceSession::Impl final : std::enable_shared_from_this<DeviceSession::Impl>,
                                   SerialLinkListener,
                                   protocols::DecoderSink {
  Impl(AcquisitionThread& t, DeviceSessionConfig c, DeviceSessionListener& l,
       const DeviceClock& clk, PortDiscovery* d, SessionProtocol p,
       std::unique_ptr<protocols::Decoder> dec)
      : thread(t),
        config(std::move(c)),
        listener(l),
        clock(clk),
        discovery(d),
        proto(p),
        decoder(std::move(dec)),
        link(
            t, [this] { return resolve_port_path(config.identity, discovery); },
            *line_settings_for(config.protocol), *this, config.reconnect),
        watchdog(io_context_of(t)),
        keep_alive(io_context_of(t)) {
    const milliseconds limit = config.silence_limit.value_or(proto.silence_limit);
    silence_limit = scaled(limit);
  }

  void init_nibp() {  // needs weak_from_this(), so not in the constructor
    if (proto.handshake != Handshake::suntech) return;
    SunTechNibpCycle::Timing timing{scaled(config.nibp_poll_interval), scaled(config.nibp_timeout),
                                    std::nullopt};
    if (config.nibp_interval) timing.interval = scaled(*config.nibp_interval);
    nibp = std::make_unique<SunTechNibpCycle>(
        io_context_of(thread), timing,
        SunTechNibpCycle::Hooks{[this](protocols::SunTechCommand c) {
                                  command.clear();
                                  protocols::encode_command(c, command);
                                  send_command();
                                },
                                [this](std::string_view detail) {
                                  stamp_now();
                                  report(DeviceConditionKind::nibp_failed, true, detail);
                                }},
        weak_from_this());
  }

  milliseconds scaled(milliseconds d) const {
    if (config.time_scale <= 0.0 || config.time_scale == 1.0) return d;
    return milliseconds(static_cast<long long>(static_cast<double>(d.count()) / config.time_scale));
  }

  // --- state and reports ----------------------------------------------------------------------
  void set_state(SessionState to, std::string_view reason) {
    const SessionState from = state.exchange(to);
    if (from != to && running) listener.on_state(config.device_id, from, to, reason);
  }
  void stamp_now() {
    now_steady = clock.steady_now();
    now_utc = clock.utc_now();
  }
  void report(DeviceConditionKind kind, bool active, std::string_view detail) {
    core::DeviceCondition c;
    c.kind = kind;
    c.active = active;
    c.detail = detail;
    on_condition(c);
  }

  // --- lifecycle ------------------------------------------------------------------------------
  void do_start() {
    if (running) return;
    running = true;
    set_state(SessionState::opening, "opening port");
    link.open();
  }
  void do_stop() {
    if (!running) return;
    running = false;  // no listener call from here on
    link.close();
    watchdog.cancel();
    keep_alive.cancel();
    if (nibp) nibp->stop();
    state = SessionState::disconnected;
  }

  // --- SerialLinkListener ---------------------------------------------------------------------
  void on_link_opened(std::string_view /*path*/) override {
    stamp_now();
    last_frame = RealClock::now();
    disconnected_reported = false;
    report(DeviceConditionKind::connected, true, "port opened");
    if (proto.handshake == Handshake::suntech) {
      set_state(SessionState::streaming, "NIBP module ready");
      nibp->link_up();
    } else {
      set_state(SessionState::handshaking, "port opened");
      send_handshake();
    }
    if (proto.handshake == Handshake::contec_v7) arm_keep_alive();
    arm_watchdog(silence_limit);
  }

  void on_link_bytes(std::span<const std::uint8_t> bytes) override {
    stamp_now();
    const std::uint64_t before = decoder->counters().frames;
    decoder->feed(bytes, *this);
    frames = decoder->counters().frames;
    discarded = decoder->counters().bytes_discarded;
    if (frames == before) return;  // garbage or a partial frame: not data
    last_frame = RealClock::now();
    const SessionState s = state.load();
    if (s == SessionState::silent) {
      report(DeviceConditionKind::no_data, false, "data again");
      set_state(SessionState::streaming, "data again");
    } else if (s == SessionState::handshaking) {
      set_state(SessionState::streaming, "first valid frame");
    }
  }

  void on_link_lost(std::string_view reason) override { went_away(reason); }

  void on_open_failed(std::string_view reason) override {
    if (!disconnected_reported) went_away(reason);
  }

  void went_away(std::string_view reason) {
    stamp_now();
    watchdog.cancel();
    keep_alive.cancel();
    if (state.load() == SessionState::silent) report(DeviceConditionKind::no_data, false, reason);
    if (nibp) nibp->link_down();
    set_state(SessionState::disconnected, reason);
    if (!disconnected_reported) report(DeviceConditionKind::disconnected, true, reason);
    disconnected_reported = true;
  }

  // --- DecoderSink: stamp and forward, no allocation -------------------------------------------
  void on_reading(const core::Reading& r) override {
    if (!running) return;
    core::Reading out = r;
    out.device = config.device_id;
    out.steady_time = now_steady;
    out.utc_time = now_utc;
    listener.on_reading(out);
  }
  void on_condition(const core::DeviceCondition& c) override {
    if (!running) return;
    core::DeviceCondition out = c;
    out.device = config.device_id;
    out.steady_time = now_steady;
    out.utc_time = now_utc;
    listener.on_condition(out);
    if (nibp) nibp->on_condition(c);
  }
  void on_reply(const protocols::DeviceReply& reply) override {
    if (nibp) nibp->on_reply(reply);
  }

  // --- handshakes, keep-alive, watchdog -------------------------------------------------------
  void send_handshake() {
    command.clear();
    if (proto.handshake == Handshake::contec_v7) {
      protocols::ContecV7Encoder::encode_command(protocols::ContecCommand::start_live, command);
    } else if (proto.handshake == Handshake::ge_s5) {
      protocols::encode_displayed_values_request(config.ge_request_interval_s, command);
    }
    send_command();
  }
  void send_command() {
    if (command.empty() || !link.is_open()) return;
    link.write(command);
    ++commands_sent;
  }

  void arm_keep_alive() {
    keep_alive.expires_after(scaled(config.contec_keep_alive));
    keep_alive.async_wait([this, alive = weak_from_this()](auto ec) {
      if (ec || alive.expired() || !running || !link.is_open()) return;
      command.clear();
      protocols::ContecV7Encoder::encode_command(protocols::ContecCommand::keep_alive, command);
      send_command();
      arm_keep_alive();
    });
  }

  void arm_watchdog(milliseconds after) {
    if (silence_limit.count() <= 0) return;
    watchdog.expires_after(after);
    watchdog.async_wait([this, alive = weak_from_this()](auto ec) {
      if (ec || alive.expired() || !running || !link.is_open()) return;
      on_watchdog();
    });
  }

  void on_watchdog() {
    const auto quiet = std::chrono::duration_cast<milliseconds>(RealClock::now() - last_frame);
    if (quiet < silence_limit) {
      arm_watchdog(silence_limit - quiet);
      return;
    }
    const SessionState s = state.load();
    if (s == SessionState::handshaking || s == SessionState::streaming) {
      stamp_now();
      const std::string_view why =
          s == SessionState::handshaking ? "no answer after opening" : "no valid frame";
      report(DeviceConditionKind::no_data, true, why);
      set_state(SessionState::silent, why);
    }
    // A device that stopped may have lost our handshake: ask again at each silence period.
    send_handshake();
    arm_watchdog(silence_limit);
  }

  AcquisitionThread& thread;
  DeviceSessionConfig config;
  DeviceSessionListener& listener;
  const DeviceClock& clock;
  PortDiscovery* discovery;
  SessionProtocol proto;
  std::unique_ptr<protocols::Decoder> decoder;
  SerialLink link;
  boost::asio::steady_timer watchdog;
  boost::asio::steady_timer keep_alive;
  std::unique_ptr<SunTechNibpCycle> nibp;
  milliseconds silence_limit{0};

  bool running = false;  // acquisition thread only
  bool disconnected_reported = false;
  RealClock::time_point last_frame{};
  core::SteadyTime now_steady{};
  core::UtcTime now_utc{};
  std::vector<std::uint8_t> command;  // reused for every host command

  std::atomic<SessionState> state{SessionState::disconnected};
  std::atomic<std::uint64_t> frames{0}, discarded{0}, commands_sent{0};
};

DeviceSession::DeviceSession(AcquisitionThread& thread, DeviceSessionConfig config,
                             DeviceSessionListener& listener, const DeviceClock& clock,
                             PortDiscovery* discovery) {
  auto proto = session_protocol_for(config.protocol);
  auto decoder = protocols::make_decoder(config.protocol);
  if (decoder) decoder->set_confirmation(true);  // live: no wrong value from one bad byte
  if (!proto || !decoder || !line_settings_for(config.protocol)) {
    throw std::invalid_argument("unknown protocol: " + config.protocol);
  }
  impl_ = std::make_shared<Impl>(thread, std::move(config), listener, clock, discovery, *proto,
                                 std::move(decoder));
  impl_->command.reserve(64);
  impl_->init_nibp();
}

DeviceSession::~DeviceSession() {
  stop();
  // Timers and the port belong to the acquisition thread: release them there.
  AcquisitionThread& thread = impl_->thread;
  thread.run_and_wait([impl = std::move(impl_)]() mutable { impl.reset(); });
}

void DeviceSession::start() {
  impl_->thread.post([impl = impl_] { impl->do_start(); });
}

void DeviceSession::stop() {
  impl_->thread.run_and_wait([impl = impl_.get()] { impl->do_stop(); });
}

void DeviceSession::request_nibp() {
  impl_->thread.post([impl = impl_] {
    if (impl->running && impl->nibp) impl->nibp->request();
  });
}

SessionState DeviceSession::state() const { return impl_->state.load(); }

DeviceSessionStats DeviceSession::stats() const {
  DeviceSessionStats s;
  s.link = impl_->link.stats();
  s.decoder.frames = impl_->frames;
  s.decoder.bytes_discarded = impl_->discarded;
  s.commands_sent = impl_->commands_sent;
  return s;
}

const DeviceSessionConfig& DeviceSession::config() const { return impl_->config; }

}  // namespace vigil::drivers
