#include "alarm_sound_player.hpp"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include "alarm_tone.hpp"

namespace vigil::gui {
namespace {

constexpr int kSampleRate = 44100;
// IEC: low priority repeats no faster than every 15 s (Vigil plays it once per condition; the
// engine reports low_played once told, this guards the snapshots in between).
constexpr std::chrono::seconds kLowRepeatGuard{15};

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
    if (state == QAudio::IdleState && playing_) {
      finished();
    } else if (state == QAudio::StoppedState && sink_->error() != QAudio::NoError && playing_) {
      playing_.reset();
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
  const bool sounding = a.audio_state == core::AudioState::sounding && a.audio_priority;
  if (!sounding) {
    was_sounding_ = false;
    if (playing_ && sink_) {
      // Acknowledged or paused: stop at once (the burst was not played in full, not reported).
      sink_->stop();
      playing_.reset();
      done_timer_.stop();
    }
    return;
  }
  const core::AlarmPriority p = *a.audio_priority;
  if (playing_) {
    if (p > *playing_ && sink_) {  // a worse condition: switch to its burst now
      sink_->stop();
      playing_.reset();
      done_timer_.stop();
    } else {
      return;
    }
  }
  bool due = !was_sounding_ || !last_priority_ || p > *last_priority_;
  if (!due) {
    const auto interval =
        a.audio.burst_interval.count() > 0
            ? std::chrono::duration_cast<core::SteadyTime::duration>(a.audio.burst_interval)
            : std::chrono::duration_cast<core::SteadyTime::duration>(kLowRepeatGuard);
    due = now - last_start_ >= interval;
  }
  was_sounding_ = true;
  if (due) start(p, now);
}

void AlarmSoundPlayer::start(core::AlarmPriority p, core::SteadyTime now) {
  last_priority_ = p;
  last_start_ = now;
  if (!available_ || !sink_) return;  // the indicator is on screen; nothing to report
  const std::vector<std::int16_t> pcm = burst_pcm(p, kSampleRate);
  pcm_ = QByteArray(reinterpret_cast<const char*>(pcm.data()),
                    static_cast<qsizetype>(pcm.size() * sizeof(std::int16_t)));
  buffer_.close();
  buffer_.setData(pcm_);
  buffer_.open(QIODevice::ReadOnly);
  playing_ = p;
  playing_since_ = now;
  sink_->start(&buffer_);
  if (sink_->error() != QAudio::NoError) {
    playing_.reset();
    setAvailable(false, tr("audio output failed"));
    return;
  }
  done_timer_.start(burst_spec(p).length_ms + 500);
}

void AlarmSoundPlayer::finished() {
  if (!playing_) return;
  const core::AlarmPriority p = *playing_;
  playing_.reset();
  done_timer_.stop();
  if (sink_) sink_->stop();
  emit burstPlayed(p, playing_since_);
}

}  // namespace vigil::gui
