#pragma once
// An SpO2 device on our own pty, sending what the real device sends: its frames (lines, packets)
// at the device's frame rate, each frame's bytes paced at the serial line's byte rate, and every
// frame's first and last byte write times logged. The SpO2 it reports changes only where the
// device starts a new value: each frame, but a Nonin DF2/DF7 packet (25 frames) as a whole.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace vigil::bench {

long long steady_now_ns();

// How a protocol's device sends (lines/frames per second and line settings).
struct DeviceTiming {
  std::string_view protocol;
  std::chrono::nanoseconds frame_period;
  int baud = 9600;
  int bits_per_byte = 10;   // start + data + parity + stop
  int frames_per_unit = 1;  // frames that carry one SpO2 value together (a Nonin packet: 25)
  int bytes_after_end = 0;  // bytes sent after the one that completes a frame (Masimo: LF)
};

// The SpO2 protocols the bench measures, at their real rates.
const std::vector<DeviceTiming>& measured_protocols();

// The frames of one device, as its simulator would write them.
class DeviceFrameEncoder {
 public:
  explicit DeviceFrameEncoder(const DeviceTiming& timing);
  ~DeviceFrameEncoder();
  DeviceFrameEncoder(const DeviceFrameEncoder&) = delete;
  DeviceFrameEncoder& operator=(const DeviceFrameEncoder&) = delete;

  // True when the next frame starts a unit (a Nonin DF2/DF7 packet latches its values at its
  // SYNC frame; every frame of the other protocols).
  bool unit_starts() const;
  // Appends the next frame, carrying `spo2` % (pulse rate 72, PI 4.2 %, a pleth wave).
  void encode(int spo2, std::vector<std::uint8_t>& out);

 private:
  struct Encoders;
  DeviceTiming timing_;
  Encoders* encoders_;
  std::uint64_t frames_ = 0;
  std::int64_t clock_s_ = 1'790'000'000;  // Masimo line clock
};

struct SentFrame {
  std::uint64_t index = 0;  // frames since the stream started
  int spo2 = 0;             // % carried by the frame (a Nonin packet's value in all its frames)
  long long first_byte_ns = 0;
  long long completing_byte_ns = 0;  // the byte after which the decoder has the whole frame
};

class PacedDeviceStream {
 public:
  explicit PacedDeviceStream(const DeviceTiming& timing, int spo2);
  ~PacedDeviceStream();
  PacedDeviceStream(const PacedDeviceStream&) = delete;
  PacedDeviceStream& operator=(const PacedDeviceStream&) = delete;

  const std::string& port() const { return slave_name_; }
  const DeviceTiming& timing() const { return timing_; }
  // The SpO2 the device sends from the next unit on.
  void set_spo2(int spo2) { spo2_ = spo2; }
  // Frames sent since the last call (oldest first), and the log emptied.
  std::vector<SentFrame> take_log();

 private:
  void run();

  DeviceTiming timing_;
  int master_ = -1;
  int slave_ = -1;
  std::string slave_name_;
  std::atomic<int> spo2_;
  std::atomic<bool> stop_{false};
  std::mutex log_mutex_;
  std::vector<SentFrame> log_;
  DeviceFrameEncoder encoder_;
  std::uint64_t sent_ = 0;  // frames written
  std::thread writer_;
};

}  // namespace vigil::bench
