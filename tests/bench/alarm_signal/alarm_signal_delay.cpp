// Alarm signal generation delay: from the alarm engine's decision ("raised") to the visual
// signal painted on the monitor window, and from the last byte of the breaching line written on
// the serial port to the same paint. Release build, offscreen:
//   QT_QPA_PLATFORM=offscreen ./build/release/tests/bench/vigil_alarm_signal_bench [TRIALS]
// A Masimo ASCII line stream on a pseudo-terminal (one line = one reading, so the breaching
// value is known to the byte) feeds the real station pipeline and the real window through the
// same mailbox hand-over as `vigil`. Each trial: normal lines (SpO2 98) until the alarm has
// cleared, then two lines with SpO2 80 (the default profile's high tier, SpO2 <= 85 %, has no
// condition delay, so "raised" is the decision itself). Masimo ASCII has no checksum, so the
// decoder holds a jump back until the next line agrees (value confirmation): the second line is
// the one that makes the value shown, and the port-to-paint figure is measured from its last
// byte. The line the confirmation waits for is the protocol's own delay (README, condition
// delays per protocol), which vigil_alarm_latency_bench measures at the device's real rate.
#include <pty.h>
#include <unistd.h>

#include <QApplication>
#include <QMetaObject>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alarm_bar.hpp"
#include "monitor_window.hpp"
#include "snapshot_mailbox.hpp"
#include "station.hpp"
#include "vigil/protocols/masimo.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
namespace station = vigil::station;

// Hands snapshots to the window exactly as StationBridge does, and notes the moment the first
// frame showing the high SpO2 alarm has been painted.
class SignalProbe : public QObject, public station::StationListener {
 public:
  explicit SignalProbe(vigil::gui::MonitorWindow& w) : window_(w) {}

  void on_alarm_event(const vigil::core::AlarmEvent& e) override {
    if (e.kind == vigil::core::AlarmEventKind::raised &&
        e.priority == vigil::core::AlarmPriority::high) {
      raised_at_.store(Clock::now().time_since_epoch().count());
    }
  }
  void on_snapshot(station::ScreenSnapshot&& s) override {
    if (mailbox_.put(std::move(s))) {
      QMetaObject::invokeMethod(
          this, [this] { deliver(); }, Qt::QueuedConnection);
    }
  }
  void arm() {
    raised_at_ = 0;
    painted_at_ = 0;
    armed_ = true;
  }
  long long raised_at() const { return raised_at_.load(); }
  long long painted_at() const { return painted_at_.load(); }

 private:
  void deliver() {
    auto s = mailbox_.take();
    if (!s) return;
    window_.showSnapshot(*s);
    if (armed_ && window_.alarmBar()->headlineText().startsWith("!!! SpO2")) {
      window_.alarmBar()->repaint();  // the frame is on screen once painted
      painted_at_.store(Clock::now().time_since_epoch().count());
      armed_ = false;
    }
  }

  vigil::gui::MonitorWindow& window_;
  station::SnapshotMailbox mailbox_;
  std::atomic<long long> raised_at_{0};
  std::atomic<long long> painted_at_{0};
  std::atomic<bool> armed_{false};
};

double ms(long long ns) { return static_cast<double>(ns) / 1e6; }

void print_row(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
  };
  std::printf("%-44s %8.2f %8.2f %8.2f %8.2f %8.2f\n", what, v.front(), at(0.5), at(0.95), at(0.99),
              v.back());
}

}  // namespace

int main(int argc, char** argv) {
  const int trials = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
  QApplication app(argc, argv);
  int master = -1;
  int slave = -1;
  std::array<char, 256> name{};
  if (openpty(&master, &slave, name.data(), nullptr, nullptr) != 0) {
    std::perror("openpty");
    return 1;
  }
  vigil::gui::MonitorWindow window;
  window.resize(1280, 800);
  window.show();
  SignalProbe probe(window);
  station::StationConfig config;
  vigil::drivers::DeviceSessionConfig d;
  d.protocol = "masimo-ascii";
  d.name = "Masimo";
  d.identity = vigil::drivers::DeviceIdentity::parse(name.data());
  config.devices.push_back(d);
  station::Station st(std::move(config), probe);
  st.start();

  std::vector<double> decide_to_paint;
  std::vector<double> write_to_paint;
  std::thread writer([&] {
    const vigil::protocols::MasimoAsciiEncoder encoder;
    auto write_line = [&](int spo2) {
      vigil::protocols::OximeterState s;
      s.spo2 = spo2;
      s.pulse_rate = 72;
      std::string line;
      encoder.encode_line(s, 1'790'000'000, 0, 0, line);
      if (::write(master, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        std::perror("write");
      }
      return Clock::now();  // the last byte is written
    };
    std::this_thread::sleep_for(1s);  // the port opens
    for (int i = 0; i < trials; ++i) {
      for (int k = 0; k < 3; ++k) {  // normal values (confirmed) clear the previous alarm
        write_line(98);
        std::this_thread::sleep_for(100ms);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(i % 37));  // any snapshot phase
      probe.arm();
      write_line(80);  // held back by value confirmation until the next line agrees
      std::this_thread::sleep_for(100ms);
      const auto written = write_line(80);
      const auto deadline = Clock::now() + 3s;
      while (probe.painted_at() == 0 && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
      if (probe.painted_at() == 0 || probe.raised_at() == 0) {
        std::fprintf(stderr, "trial %d: no alarm on screen within 3 s\n", i);
        continue;
      }
      decide_to_paint.push_back(ms(probe.painted_at() - probe.raised_at()));
      write_to_paint.push_back(ms(probe.painted_at() - written.time_since_epoch().count()));
    }
    QMetaObject::invokeMethod(
        &app, [] { QApplication::quit(); }, Qt::QueuedConnection);
  });
  QApplication::exec();
  writer.join();
  st.stop();
  ::close(master);
  ::close(slave);
  if (decide_to_paint.empty()) return 1;
  std::printf("alarm signal generation delay, %zu trials, snapshots every 34 ms (ms):\n",
              decide_to_paint.size());
  std::printf("%-44s %8s %8s %8s %8s %8s\n", "", "min", "p50", "p95", "p99", "max");
  print_row("alarm raised -> alarm bar painted", decide_to_paint);
  print_row("last byte on the port -> alarm bar painted", write_to_paint);
  return 0;
}
