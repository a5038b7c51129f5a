#pragma once
// The bedside monitor window: the alarm bar with audio across the top; under it the session
// recording over the pleth strip over the trend charts, beside them the user bar (who is signed
// in, Lock and Switch user) over the clinical area, then the numeric tiles (SpO2, pulse rate,
// NIBP, PI); the device strip at the bottom.
// The clinical area holds the clinical panel (setClinicalPanel), or the sign-in screen or the
// lock over it: they never cover the tiles, the alarm bar or the pleth.
// The station pipeline delivers ScreenSnapshots to showSnapshot by queued signal; operator
// actions leave as signals. The window decides nothing about alarms: the engine does.

#include <QMainWindow>
#include <QMetaType>

class QStackedWidget;

#include "screen_snapshot.hpp"

namespace vigil::gui {

class AlarmBar;
class AlarmSoundPlayer;
class DeviceStrip;
class NumericTile;
class LockOverlay;
class PlethStrip;
class SessionStatus;
class SignInScreen;
class TrendChart;
class UserBar;

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
  UserBar* userBar() const { return user_bar_; }
  QString sessionText() const;
  SignInScreen* signInScreen() const { return sign_in_; }
  LockOverlay* lockOverlay() const { return lock_; }
  QWidget* clinicalArea() const;
  AlarmSoundPlayer* soundPlayer() const { return sound_; }
  // The devices as the last snapshot showed them.
  const std::vector<station::DeviceInfo>& devices() const { return device_infos_; }

  // What the clinical area shows: the sign-in screen, the lock, or the clinical panel.
  enum class ClinicalCover { sign_in, locked, none };
  void setClinicalCover(ClinicalCover cover);
  ClinicalCover clinicalCover() const { return cover_; }
  // Puts `panel` in the clinical area (the window takes ownership; replaces the placeholder
  // or an earlier panel). It shows when no cover is up.
  void setClinicalPanel(QWidget* panel);
  QWidget* clinicalPanel() const { return panel_; }

 public slots:
  void showSnapshot(const vigil::station::ScreenSnapshot& snapshot);

 signals:
  void acknowledgeRequested();
  void audioPauseRequested();
  void startNibpRequested(vigil::core::DeviceId device);
  // A full alarm burst was played (feed AlarmEngine::audio_burst_played).
  void audioBurstPlayed(vigil::core::AlarmPriority priority, vigil::core::SteadyTime burst_start);

 private:
  void showTiles(const station::ScreenSnapshot& s);
  void showAlarms(const station::ScreenSnapshot& s);
  QWidget* buildClinicalArea();

  NumericTile* spo2_;
  NumericTile* pulse_rate_;
  NumericTile* nibp_;
  NumericTile* perfusion_;
  AlarmBar* alarm_bar_;
  PlethStrip* pleth_;
  TrendChart* trends_;
  DeviceStrip* devices_;
  UserBar* user_bar_;
  SessionStatus* session_;
  SignInScreen* sign_in_;
  LockOverlay* lock_;
  QStackedWidget* clinical_;
  QWidget* panel_;  // the clinical panel, or the placeholder until one is set
  ClinicalCover cover_ = ClinicalCover::sign_in;
  std::vector<station::DeviceInfo> device_infos_;
  AlarmSoundPlayer* sound_;
};

}  // namespace vigil::gui

Q_DECLARE_METATYPE(vigil::station::ScreenSnapshot)
