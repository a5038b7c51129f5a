// Paced device streams for the alarm latency bench: see paced_device_stream.hpp.
#include "paced_device_stream.hpp"

#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>

#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/masimo.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::bench {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

long long steady_now_ns() { return Clock::now().time_since_epoch().count(); }

const std::vector<DeviceTiming>& measured_protocols() {
  // Rates and line settings as the simulators and drivers/src/line_settings.cpp have them.
  static const std::vector<DeviceTiming> kProtocols{
      {"masimo-ascii", 1s, 9600, 10, 1, 1},  // a line ends at its CR
      {"nonin-df8", 1s, 9600, 10, 1},
      {"nonin-df2", std::chrono::nanoseconds(1s) / 75, 9600, 10,
       protocols::nonin::kFramesPerPacket},
      {"nonin-df7", std::chrono::nanoseconds(1s) / 75, 9600, 10,
       protocols::nonin::kFramesPerPacket},
      {"contec-legacy", std::chrono::nanoseconds(1s) / 60, 19200, 11, 1},
      {"contec-v7", std::chrono::nanoseconds(1s) / 60, 115200, 10, 1},
  };
  return kProtocols;
}

struct DeviceFrameEncoder::Encoders {
  protocols::MasimoAsciiEncoder masimo;
  protocols::NoninEncoder nonin;
  explicit Encoders(std::string_view protocol)
      : nonin(protocol == "nonin-df7"   ? protocols::NoninFormat::df7
              : protocol == "nonin-df8" ? protocols::NoninFormat::df8
                                        : protocols::NoninFormat::df2) {}
};

DeviceFrameEncoder::DeviceFrameEncoder(const DeviceTiming& timing)
    : timing_(timing), encoders_(new Encoders(timing.protocol)) {}

DeviceFrameEncoder::~DeviceFrameEncoder() { delete encoders_; }

bool DeviceFrameEncoder::unit_starts() const {
  return timing_.frames_per_unit == 1 || encoders_->nonin.next_frame() == 1;
}

PacedDeviceStream::PacedDeviceStream(const DeviceTiming& timing, int spo2)
    : timing_(timing), spo2_(spo2), encoder_(timing) {
  std::array<char, 256> name{};
  if (openpty(&master_, &slave_, name.data(), nullptr, nullptr) != 0) {
    std::perror("openpty");
    std::exit(1);
  }
  termios t{};
  tcgetattr(slave_, &t);
  cfmakeraw(&t);
  tcsetattr(slave_, TCSANOW, &t);
  slave_name_ = name.data();
  writer_ = std::thread([this] { run(); });
}

PacedDeviceStream::~PacedDeviceStream() {
  stop_ = true;
  writer_.join();
  ::close(master_);
  ::close(slave_);
}

std::vector<SentFrame> PacedDeviceStream::take_log() {
  std::lock_guard lock(log_mutex_);
  std::vector<SentFrame> out;
  out.swap(log_);
  return out;
}

void DeviceFrameEncoder::encode(int spo2, std::vector<std::uint8_t>& out) {
  protocols::OximeterState s;
  s.spo2 = spo2;
  s.pulse_rate = 72;
  s.perfusion_index = 4.2;
  // A pleth wave at 72 bpm, so the waveform channel looks like a finger's.
  const double phase = static_cast<double>(frames_) * 1.2 *
                       std::chrono::duration<double>(timing_.frame_period).count();
  const double level = 0.5 + 0.4 * std::sin(2 * std::numbers::pi * phase);
  const std::string_view p = timing_.protocol;
  if (p == "masimo-ascii") {
    encoders_->masimo.encode_line(s, clock_s_++, 0, protocols::masimo_exc::set, out);
  } else if (p == "nonin-df8") {
    encoders_->nonin.encode_df8(s, out);
  } else if (p == "nonin-df2" || p == "nonin-df7") {
    const double full_scale = p == "nonin-df2" ? 255.0 : 65535.0;
    encoders_->nonin.encode_frame(s, static_cast<std::uint16_t>(std::lround(level * full_scale)),
                                  out);
  } else if (p == "contec-legacy") {
    protocols::ContecLegacyEncoder::encode(s, static_cast<int>(level * 127), 8, out);
  } else {
    protocols::ContecV7Encoder::encode_live(s, static_cast<int>(level * 127), 8, out);
  }
  ++frames_;
}

void PacedDeviceStream::run() {
  const auto byte_time = std::chrono::nanoseconds(1s) * timing_.bits_per_byte / timing_.baud;
  std::vector<std::uint8_t> frame;
  int unit_spo2 = spo2_.load();
  const auto start = Clock::now();
  while (!stop_) {
    const auto frame_due = start + timing_.frame_period * static_cast<long long>(sent_);
    std::this_thread::sleep_until(frame_due);
    if (encoder_.unit_starts()) unit_spo2 = spo2_.load();
    frame.clear();
    encoder_.encode(unit_spo2, frame);
    SentFrame sent{sent_, unit_spo2, 0, 0};
    for (std::size_t i = 0; i < frame.size(); ++i) {
      std::this_thread::sleep_until(frame_due + byte_time * static_cast<long long>(i));
      const long long t = steady_now_ns();
      if (i == 0) sent.first_byte_ns = t;
      if (i + 1 + static_cast<std::size_t>(timing_.bytes_after_end) == frame.size()) {
        sent.completing_byte_ns = t;
      }
      if (::write(master_, &frame[i], 1) != 1) {
        std::perror("write on the pty master");
        std::exit(1);
      }
    }
    {
      std::lock_guard lock(log_mutex_);
      log_.push_back(sent);
    }
    ++sent_;
  }
}

}  // namespace vigil::bench
