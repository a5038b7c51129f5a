#include "alarm_sound_player.hpp"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include "alarm_tone.hpp"

namespace vigil::gui {
namespace {

constexpr int kSampleRate = 44100;

}  // namespace

AlarmSoundPlayer::AlarmSoundPlayer(QObject* parent)
    : QObject(parent), devices_(new QMediaDevices(this)) {
  done_timer_.setSingleShot(true);
  connect(&done_timer_, &QTimer::timeout, this, &AlarmSoundPlayer::finished);
  connect(devices_, &QMediaDevices::audioOutputsChanged, this, &AlarmSoundPlayer::checkDevices);
  checkDevices();
}

AlarmSoundPlayer::~AlarmSoundPlayer() {
  if (sink_) sink_->stop();
}

void AlarmSoundPlayer::checkDevices() {
  const QAudioDevice device = QMediaDevices::defaultAudioOutput();
  if (QMediaDevices::audioOutputs().isEmpty() || device.isNull()) {
    sink_.reset();
    setAvailable(false, tr("no audio output"));
    return;
  }
  QAudioFormat format;
  format.setSampleRate(kSampleRate);
  format.setChannelCount(1);
  format.setSampleFormat(QAudioFormat::Int16);
  if (!device.isFormatSupported(format)) {
    sink_.reset();
    setAvailable(false, tr("no audio output (format not supported)"));
    return;
  }
  sink_ = std::make_unique<QAudioSink>(device, format);
  connect(sink_.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
    if (state == QAudio::IdleState && schedule_.playing()) {
      finished();
    } else if (state == QAudio::StoppedState && sink_->error() != QAudio::NoError &&
               schedule_.playing()) {
      schedule_.not_completed();
      done_timer_.stop();
      setAvailable(false, tr("audio output failed"));
    }
  });
  setAvailable(true, {});
}

void AlarmSoundPlayer::setAvailable(bool available, const QString& reason) {
  if (available == available_ && reason == reason_) return;
  available_ = available;
  reason_ = reason;
  emit availabilityChanged(available_, reason_);
}

void AlarmSoundPlayer::update(const core::Annunciation& a, core::SteadyTime now) {
  const core::BurstStep step = schedule_.update(a, now);
  if (step.stop) stop();
  if (step.start) start(*step.start);
}

void AlarmSoundPlayer::stop() {
  // Not played in full: the schedule does not report it.
  done_timer_.stop();
  if (sink_) sink_->stop();
}

void AlarmSoundPlayer::start(core::AlarmPriority p) {
  if (!available_ || !sink_) {  // the indicator is on screen; nothing to report
    schedule_.not_completed();
    return;
  }
  const std::vector<std::int16_t> pcm = burst_pcm(p, kSampleRate);
  pcm_ = QByteArray(reinterpret_cast<const char*>(pcm.data()),
                    static_cast<qsizetype>(pcm.size() * sizeof(std::int16_t)));
  buffer_.close();
  buffer_.setData(pcm_);
  buffer_.open(QIODevice::ReadOnly);
  sink_->start(&buffer_);
  if (sink_->error() != QAudio::NoError) {
    schedule_.not_completed();
    setAvailable(false, tr("audio output failed"));
    return;
  }
  done_timer_.start(burst_spec(p).length_ms + 500);
}

void AlarmSoundPlayer::finished() {
  const std::optional<core::PlayedBurst> played = schedule_.finished();
  if (!played) return;
  done_timer_.stop();
  if (sink_) sink_->stop();
  emit burstPlayed(played->priority, played->start);
}

}  // namespace vigil::gui
