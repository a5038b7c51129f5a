#pragma once
// The bedside monitor window: numeric tiles (SpO2, pulse rate, NIBP, PI), the pleth strip,
// trend charts, the alarm bar with audio, the device strip and a minimal session form.
// The station pipeline delivers ScreenSnapshots to showSnapshot by queued signal; operator
// actions leave as signals. The window decides nothing about alarms: the engine does.

#include <QMainWindow>
#include <QMetaType>

#include "screen_snapshot.hpp"

namespace vigil::gui {

class AlarmBar;
class AlarmSoundPlayer;
class DeviceStrip;
class NumericTile;
class PlethStrip;
class SessionForm;
class TrendChart;

class MonitorWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MonitorWindow(QWidget* parent = nullptr);

  NumericTile* spo2Tile() const { return spo2_; }
  NumericTile* pulseRateTile() const { return pulse_rate_; }
  NumericTile* nibpTile() const { return nibp_; }
  NumericTile* perfusionTile() const { return perfusion_; }
  AlarmBar* alarmBar() const { return alarm_bar_; }
  PlethStrip* plethStrip() const { return pleth_; }
  TrendChart* trendChart() const { return trends_; }
  DeviceStrip* deviceStrip() const { return devices_; }
  SessionForm* sessionForm() const { return session_; }
  AlarmSoundPlayer* soundPlayer() const { return sound_; }

 public slots:
  void showSnapshot(const vigil::station::ScreenSnapshot& snapshot);

 signals:
  void acknowledgeRequested();
  void audioPauseRequested();
  void startNibpRequested(vigil::core::DeviceId device);
  void sessionStartRequested(const QString& patient_id, const QString& patient_name);
  void sessionStopRequested();
  // A full alarm burst was played (feed AlarmEngine::audio_burst_played).
  void audioBurstPlayed(vigil::core::AlarmPriority priority, vigil::core::SteadyTime burst_start);

 private:
  void showTiles(const station::ScreenSnapshot& s);
  void showAlarms(const station::ScreenSnapshot& s);

  NumericTile* spo2_;
  NumericTile* pulse_rate_;
  NumericTile* nibp_;
  NumericTile* perfusion_;
  AlarmBar* alarm_bar_;
  PlethStrip* pleth_;
  TrendChart* trends_;
  DeviceStrip* devices_;
  SessionForm* session_;
  AlarmSoundPlayer* sound_;
};

}  // namespace vigil::gui

Q_DECLARE_METATYPE(vigil::station::ScreenSnapshot)
