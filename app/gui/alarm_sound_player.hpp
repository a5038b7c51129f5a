#pragma once
// Plays the alarm engine's audio pattern as generated tones through Qt Multimedia (QAudioSink):
// core::AlarmBurstSchedule says when to start which burst (repeat intervals, stopping on
// acknowledge or audio pause, switching to a louder priority). After a full burst it emits
// burstPlayed(priority, start) so the pipeline can call
// AlarmEngine::audio_burst_played. Where no audio output exists (QMediaDevices::audioOutputs()
// empty) or the sink fails, it reports unavailable with a reason: the window shows a technical
// indicator, never a silent failure.

#include <QBuffer>
#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <memory>

#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_burst_schedule.hpp"

QT_BEGIN_NAMESPACE
class QAudioSink;
class QMediaDevices;
QT_END_NAMESPACE

namespace vigil::gui {

class AlarmSoundPlayer : public QObject {
  Q_OBJECT
 public:
  explicit AlarmSoundPlayer(QObject* parent = nullptr);
  ~AlarmSoundPlayer() override;

  bool available() const { return available_; }
  QString unavailableReason() const { return reason_; }
  bool playing() const { return schedule_.playing(); }

  // Called with every snapshot: starts a burst when the annunciation is sounding and the
  // pattern says one is due. `now` is the pipeline's steady time (the engine's time base).
  void update(const core::Annunciation& a, core::SteadyTime now);

 signals:
  void availabilityChanged(bool available, const QString& reason);
  void burstPlayed(core::AlarmPriority priority, core::SteadyTime burst_start);

 private:
  void checkDevices();
  void start(core::AlarmPriority p);
  void stop();
  void finished();
  void setAvailable(bool available, const QString& reason);

  QMediaDevices* devices_;
  std::unique_ptr<QAudioSink> sink_;
  QBuffer buffer_;
  QByteArray pcm_;
  QTimer done_timer_;  // fallback end of burst if the sink never reports idle
  bool available_ = false;
  QString reason_;
  core::AlarmBurstSchedule schedule_;
};

}  // namespace vigil::gui
