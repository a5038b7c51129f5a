#pragma once
// The alarm bar: the highest-priority visible alarm in its IEC colour (high red and medium
// yellow flashing at the annunciation's rate and duty cycle, low cyan steady), the list of
// visible conditions, Acknowledge and Audio pause buttons, the audio pause countdown ("2:00"),
// channels whose alarms are off, and a technical indicator when no audio output exists.
// It only shows and asks: the buttons emit signals; the alarm engine decides.

#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QWidget>

#include "flash_timer.hpp"
#include "vigil/core/alarm_annunciation.hpp"

namespace vigil::gui {

class AlarmBar : public QWidget {
  Q_OBJECT
 public:
  explicit AlarmBar(QWidget* parent = nullptr);

  // `texts` describes a.conditions one to one (alarm_text.hpp); `alarm_off_channels` names
  // the channels whose alarms are off ("SpO2").
  void setAnnunciation(const core::Annunciation& a, const QStringList& texts,
                       const QStringList& alarm_off_channels);
  // Audio output state: unavailable shows the technical indicator with `reason`.
  void setAudioAvailable(bool available, const QString& reason = {});

  QString headlineText() const { return headline_->text(); }
  QString conditionsText() const { return conditions_->text(); }
  QString countdownText() const { return countdown_->isHidden() ? QString() : countdown_->text(); }
  QString alarmOffText() const { return alarm_off_->isHidden() ? QString() : alarm_off_->text(); }
  bool audioIndicatorShown() const { return !no_audio_->isHidden(); }
  QString audioIndicatorText() const { return no_audio_->text(); }
  QString audioStateText() const { return audio_state_->text(); }
  QWidget* headline() const { return headline_; }
  QPushButton* acknowledgeButton() const { return acknowledge_; }
  QPushButton* audioPauseButton() const { return pause_; }
  FlashTimer& flashTimer() { return flash_; }
  // Tests: force the flash phase (the timer keeps running from there).
  void setPhaseForTest(bool on) { flash_.setPhaseForTest(on); }

 signals:
  void acknowledgeRequested();
  void audioPauseRequested();

 private:
  void applyHeadlineColours();

  QLabel* headline_;
  QLabel* conditions_;
  QLabel* audio_state_;
  QLabel* countdown_;
  QLabel* alarm_off_;
  QLabel* no_audio_;
  QPushButton* acknowledge_;
  QPushButton* pause_;
  FlashTimer flash_;
  std::optional<core::AlarmPriority> highest_;
  core::Annunciation last_;
  bool audio_available_ = true;
};

}  // namespace vigil::gui
