#pragma once
// The station pipeline (docs/architecture.md): one chair, one active session, any number of
// devices. On the one acquisition thread: device sessions -> alarm engine -> recorder queues,
// and screen snapshots at most every snapshot_period. Nothing on that path waits for the
// screen or the database: snapshots leave through StationListener::on_snapshot (hand them to a
// SnapshotMailbox), vitals through the recorder's non-blocking rings, alarm events through an
// SessionEventLog worker. So a frozen screen or a slow disk never delays an alarm decision.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nibp_measurement.hpp"
#include "screen_snapshot.hpp"
#include "session_record_watch.hpp"
#include "vigil/core/alarm_engine.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/drivers/device_clock.hpp"
#include "vigil/drivers/device_hub.hpp"
#include "vigil/drivers/device_session.hpp"
#include "vigil/drivers/periodic_timer.hpp"

namespace vigil::station {

class SessionEventLog;
class SnapshotBuilder;
class WaveformRecording;

struct StationConfig {
  core::AlarmProfile profile = core::default_alarm_profile();
  std::vector<drivers::DeviceSessionConfig> devices;  // ids 1..n, unique
  const drivers::DeviceClock* clock = nullptr;        // null: the system clocks
  drivers::PortDiscovery* discovery = nullptr;        // null: ports by path or by-id link
  // Real time between screen snapshots (>= 34 ms: at most 30 per second); zero = no snapshots.
  std::chrono::milliseconds snapshot_period{34};
  // Real time between alarm engine ticks (technical delays, silence, end of audio pause).
  std::chrono::milliseconds tick_period{100};
};

// Called on the acquisition thread: keep it short, never block (it delays every device).
class StationListener {
 public:
  virtual ~StationListener() = default;
  virtual void on_alarm_event(const core::AlarmEvent& /*event*/) {}
  virtual void on_device_condition(const core::DeviceCondition& /*condition*/) {}
  virtual void on_snapshot(ScreenSnapshot&& /*snapshot*/) {}
};

// What the station records into while a session runs.
struct SessionRecording {
  db::Recorder* recorder = nullptr;  // must outlive the recording
  db::Actor actor;                   // the nurse or clinician the station records for
  db::RowId session_id = 0;
  SessionInfo info;  // shown on screen
  // The session's alarm profile (assumed validated); empty: keep the profile in force.
  std::optional<core::AlarmProfile> profile;
  // Session time already past when recording begins (the demo's --start-at): the screen's
  // timeline starts that much earlier.
  std::chrono::milliseconds elapsed_before{0};
  // The database file the recorder writes: when set, the session's phase and pre-dose BP are
  // followed there (SessionRecordWatch), so what is documented through the store reaches the
  // alarm engine (phase-dependent priorities, the NIBP rise baseline).
  std::optional<std::filesystem::path> database_file;
};

struct StationCounters {
  std::uint64_t readings = 0;
  std::uint64_t device_conditions = 0;
  std::uint64_t alarm_events = 0;
  std::uint64_t snapshots = 0;
  std::uint64_t vitals_not_queued = 0;  // refused by the recorder's rings (counted there too)
};

class Station final : private drivers::DeviceSessionListener, private core::AlarmEventSink {
 public:
  // Throws std::invalid_argument for a device the hub refuses (unknown protocol, duplicate id).
  Station(StationConfig config, StationListener& listener);
  ~Station();  // end_session(), stop()
  Station(const Station&) = delete;
  Station& operator=(const Station&) = delete;

  void start();  // opens every device, starts the timer
  void stop();   // closes every device; no listener call after it returns

  // Starts recording vitals, alarm events and device connections into the session; the screen
  // timeline restarts.
  void begin_session(SessionRecording recording);
  // Stops recording: writes held waveform, closes alarm rows still open, flushes the vitals.
  void end_session();

  // Operator actions and reports; thread-safe (run on the acquisition thread).
  void acknowledge_all(const std::string& who);
  void pause_audio(const std::string& who);
  bool request_nibp(core::DeviceId device);
  void audio_burst_played(core::AlarmPriority priority, core::SteadyTime burst_start);
  void set_phase(core::SessionPhase phase);
  // A marker on the trend charts (a dose) at steady time `at` on the station's clock.
  void add_marker(TrendMarker::Kind kind, core::SteadyTime at, std::string label);
  // Pre-dose baseline for the NIBP rise rule, mmHg.
  void set_nibp_baseline(double systolic_mmhg, double diastolic_mmhg);
  // The session watch's bp_overdue verdict (any thread): raises or ends the technical condition.
  void set_bp_overdue(bool overdue);
  // The recorder's recording_behind reports (RecorderOptions::on_condition): any thread.
  void report_recorder_condition(const core::DeviceCondition& condition);

  StationCounters counters() const;
  drivers::DeviceHub& hub() { return *hub_; }
  const drivers::DeviceClock& clock() const { return *clock_; }

 private:
  void on_reading(const core::Reading& reading) override;
  void on_condition(const core::DeviceCondition& condition) override;
  void on_state(core::DeviceId device, drivers::SessionState from, drivers::SessionState to,
                std::string_view reason) override;
  void on_alarm_event(const core::AlarmEvent& event) override;
  void log_link(core::DeviceId device, bool connected, core::UtcTime at);
  void replace_engine(const core::AlarmProfile& profile);
  void on_tick();
  void on_snapshot_timer();
  core::AlarmTime now() const;

  StationConfig config_;
  StationListener& listener_;
  const drivers::DeviceClock* clock_;
  std::unique_ptr<core::AlarmEngine> engine_;  // replaced when a session brings its profile
  std::unique_ptr<SnapshotBuilder> builder_;
  std::unique_ptr<drivers::DeviceHub> hub_;
  std::unique_ptr<drivers::PeriodicTimer> tick_timer_;
  std::unique_ptr<drivers::PeriodicTimer> snapshot_timer_;  // null without snapshots
  // Recording (acquisition thread; swapped in and out with run_and_wait).
  SessionRecording recording_;
  std::unique_ptr<SessionEventLog> log_;
  std::unique_ptr<SessionRecordWatch> record_watch_;  // the caller's thread (begin/end_session)
  std::vector<WaveformRecording> waveforms_;
  std::vector<core::DeviceId> connected_;  // devices whose port is open (acquisition thread)
  // What the engine was told that a replacement engine must know too (acquisition thread): the
  // device conditions in force (no data, sensor off, low battery, ...; a driver reports each
  // once) and the NIBP baseline.
  struct ConditionInForce {
    core::DeviceCondition condition;  // its detail views `detail` below
    std::string detail;
  };
  std::vector<ConditionInForce> conditions_in_force_;
  std::optional<std::pair<double, double>> nibp_baseline_;
  bool bp_overdue_ = false;                     // acquisition thread
  NibpMeasurementAssembler nibp_measurements_;  // acquisition thread
  StationCounters counters_;                    // acquisition thread; read with run_and_wait
};

}  // namespace vigil::station
