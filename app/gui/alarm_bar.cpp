#include "alarm_bar.hpp"

#include <QGridLayout>
#include <QVBoxLayout>

#include "alarm_text.hpp"
#include "colours.hpp"

namespace vigil::gui {
namespace {

QString audioStateLabel(const core::Annunciation& a, bool audio_available) {
  switch (a.audio_state) {
    case core::AudioState::sounding:
      return audio_available ? QObject::tr("audio sounding") : QObject::tr("audio NOT sounding");
    case core::AudioState::no_condition:
      return {};
    case core::AudioState::acknowledged:
      return QObject::tr("acknowledged");
    case core::AudioState::audio_paused:
      return QObject::tr("audio paused");
    case core::AudioState::alarm_off:
      return QObject::tr("alarm off");
    case core::AudioState::low_played:
      return QObject::tr("low alarm signalled");
  }
  return {};
}

void setIfChanged(QLabel* label, const QString& text) {
  if (label->text() != text) label->setText(text);
}

}  // namespace

AlarmBar::AlarmBar(QWidget* parent)
    : QWidget(parent),
      headline_(new QLabel(tr("no alarms"), this)),
      conditions_(new QLabel(this)),
      audio_state_(new QLabel(this)),
      countdown_(new QLabel(this)),
      alarm_off_(new QLabel(this)),
      no_audio_(new QLabel(tr("no audio output"), this)),
      acknowledge_(new QPushButton(tr("Acknowledge"), this)),
      pause_(new QPushButton(tr("Audio pause"), this)) {
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, colours::panel());
  pal.setColor(QPalette::WindowText, colours::dimText());
  setPalette(pal);

  QFont big = headline_->font();
  big.setPointSize(26);
  big.setBold(true);
  headline_->setFont(big);
  headline_->setAutoFillBackground(true);
  headline_->setMinimumHeight(56);
  headline_->setContentsMargins(12, 0, 12, 0);
  QFont status = countdown_->font();
  status.setPointSize(14);
  status.setBold(true);
  for (QLabel* l : {countdown_, alarm_off_, no_audio_, audio_state_}) l->setFont(status);
  countdown_->setStyleSheet(QStringLiteral("color: rgb(255,220,0)"));
  alarm_off_->setStyleSheet(QStringLiteral("background: rgb(230,0,0); color: white; padding: 2px"));
  no_audio_->setStyleSheet(
      QStringLiteral("background: rgb(255,160,0); color: black; padding: 2px"));
  countdown_->hide();
  alarm_off_->hide();
  no_audio_->hide();
  QFont list = conditions_->font();
  list.setPointSize(12);
  conditions_->setFont(list);
  for (QPushButton* b : {acknowledge_, pause_}) {
    QFont f = b->font();
    f.setPointSize(14);
    b->setFont(f);
    b->setMinimumSize(150, 48);  // a glove-sized target
  }

  auto* grid = new QGridLayout(this);
  grid->addWidget(headline_, 0, 0);
  grid->addWidget(conditions_, 1, 0);
  auto* status_column = new QVBoxLayout;
  status_column->addWidget(audio_state_);
  status_column->addWidget(countdown_);
  status_column->addWidget(alarm_off_);
  status_column->addWidget(no_audio_);
  status_column->addStretch();
  grid->addLayout(status_column, 0, 1, 2, 1);
  grid->addWidget(acknowledge_, 0, 2, 2, 1);
  grid->addWidget(pause_, 0, 3, 2, 1);
  grid->setColumnStretch(0, 1);

  connect(acknowledge_, &QPushButton::clicked, this, &AlarmBar::acknowledgeRequested);
  connect(pause_, &QPushButton::clicked, this, &AlarmBar::audioPauseRequested);
  connect(&flash_, &FlashTimer::phaseChanged, this, [this] { applyHeadlineColours(); });
  acknowledge_->setEnabled(false);  // nothing to acknowledge yet
  applyHeadlineColours();
}

void AlarmBar::setAnnunciation(const core::Annunciation& a, const QStringList& texts,
                               const QStringList& alarm_off_channels) {
  highest_ = a.highest;
  if (a.highest && !texts.isEmpty()) {
    setIfChanged(headline_, texts.front());
    flash_.setPattern(a.visual.flash_hz, a.visual.duty_cycle);
  } else {
    setIfChanged(headline_, tr("no alarms"));
    flash_.stop();
  }
  setIfChanged(conditions_, texts.size() > 1 ? texts.mid(1).join(QLatin1Char('\n')) : QString());
  last_ = a;
  setIfChanged(audio_state_, audioStateLabel(a, audio_available_));

  const bool paused = a.audio_pause_remaining.count() > 0;
  countdown_->setVisible(paused);
  if (paused) {
    setIfChanged(countdown_,
                 tr("Audio paused %1").arg(gui::countdownText(a.audio_pause_remaining)));
  }
  alarm_off_->setVisible(!alarm_off_channels.isEmpty());
  setIfChanged(alarm_off_, tr("ALARM OFF: %1").arg(alarm_off_channels.join(QStringLiteral(", "))));
  acknowledge_->setEnabled(a.highest.has_value());
  applyHeadlineColours();
}

void AlarmBar::setAudioAvailable(bool available, const QString& reason) {
  audio_available_ = available;
  setIfChanged(audio_state_, audioStateLabel(last_, audio_available_));
  no_audio_->setVisible(!available);
  no_audio_->setText(reason.isEmpty() ? tr("no audio output") : reason);
}

void AlarmBar::applyHeadlineColours() {
  QPalette pal = headline_->palette();
  if (highest_ && flash_.isOn()) {
    pal.setColor(QPalette::Window, colours::alarm(*highest_));
    pal.setColor(QPalette::WindowText, colours::onAlarm(*highest_));
  } else if (highest_) {
    pal.setColor(QPalette::Window, colours::background());
    pal.setColor(QPalette::WindowText, colours::alarm(*highest_));
  } else {
    pal.setColor(QPalette::Window, colours::panel());
    pal.setColor(QPalette::WindowText, colours::dimText());
  }
  headline_->setPalette(pal);
}

}  // namespace vigil::gui
