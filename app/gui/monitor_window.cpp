#include "monitor_window.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "access_style.hpp"
#include "alarm_bar.hpp"
#include "alarm_sound_player.hpp"
#include "alarm_text.hpp"
#include "colours.hpp"
#include "device_strip.hpp"
#include "lock_overlay.hpp"
#include "numeric_tile.hpp"
#include "pleth_strip.hpp"
#include "session_status.hpp"
#include "sign_in_screen.hpp"
#include "trend_chart.hpp"
#include "user_bar.hpp"

namespace vigil::gui {
namespace {

using core::Channel;
using station::Absence;
using station::ChannelView;

QString reasonText(Absence a) {
  const std::string_view t = station::absence_text(a);
  return QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size()));
}

void showChannel(NumericTile* tile, const ChannelView& c, int decimals) {
  if (c.value) {
    tile->setValue(*c.value, decimals);
  } else {
    tile->setAbsent(reasonText(c.absence == Absence::none ? Absence::no_data : c.absence));
  }
  tile->setLimits(c.low_limit, c.high_limit);
  tile->setAlarmState(c.alarm);
}

// The NIBP tile shows three channels: its alarm state is the worst of them.
station::ChannelAlarmState mergedAlarm(std::initializer_list<const ChannelView*> views) {
  station::ChannelAlarmState m;
  bool all_acknowledged = true;
  for (const ChannelView* v : views) {
    if (v->alarm.priority && (!m.priority || *v->alarm.priority > *m.priority)) {
      m.priority = v->alarm.priority;
    }
    if (v->alarm.priority && !v->alarm.acknowledged) all_acknowledged = false;
    m.alarm_off = m.alarm_off || v->alarm.alarm_off;
  }
  m.acknowledged = m.priority && all_acknowledged;
  return m;
}

QString ageText(std::chrono::steady_clock::duration age) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(age).count();
  if (minutes < 1) return QObject::tr("just now");
  return QObject::tr("%1 min ago").arg(minutes);
}

}  // namespace

MonitorWindow::MonitorWindow(QWidget* parent)
    : QMainWindow(parent),
      spo2_(new NumericTile(tr("SpO2"), QStringLiteral("%"), colours::spo2())),
      pulse_rate_(new NumericTile(tr("Pulse rate"), QStringLiteral("bpm"), colours::pulseRate())),
      nibp_(new NumericTile(tr("NIBP"), QStringLiteral("mmHg"), colours::nibp())),
      perfusion_(new NumericTile(tr("PI"), QStringLiteral("%"), colours::perfusion())),
      alarm_bar_(new AlarmBar),
      pleth_(new PlethStrip),
      trends_(new TrendChart),
      devices_(new DeviceStrip),
      user_bar_(new UserBar),
      session_(new SessionStatus),
      sign_in_(new SignInScreen),
      lock_(new LockOverlay),
      clinical_(new QStackedWidget),
      panel_(nullptr),
      sound_(new AlarmSoundPlayer(this)) {
  qRegisterMetaType<station::ScreenSnapshot>();  // delivered by queued signal
  setWindowTitle(tr("Vigil - bedside monitor"));
  auto* central = new QWidget(this);
  central->setAutoFillBackground(true);
  QPalette pal = central->palette();
  pal.setColor(QPalette::Window, colours::background());
  pal.setColor(QPalette::WindowText, colours::dimText());
  central->setPalette(pal);

  nibp_->setValuePointSize(56);
  perfusion_->setValuePointSize(28);

  auto* tiles = new QGridLayout;
  tiles->setSpacing(2);
  tiles->addWidget(spo2_, 0, 0);
  tiles->addWidget(pulse_rate_, 0, 1);
  tiles->addWidget(nibp_, 1, 0, 1, 2);
  tiles->addWidget(perfusion_, 2, 0, 1, 2);
  tiles->setRowStretch(0, 3);
  tiles->setRowStretch(1, 3);
  tiles->setRowStretch(2, 1);

  auto* waves = new QVBoxLayout;
  waves->addWidget(session_);
  waves->addWidget(pleth_, 1);
  waves->addWidget(trends_, 2);

  auto* middle = new QHBoxLayout;
  middle->addLayout(waves, 4);
  auto* clinical = new QVBoxLayout;
  clinical->setSpacing(4);
  clinical->addWidget(user_bar_);
  clinical->addWidget(buildClinicalArea(), 1);
  middle->addLayout(clinical, 4);
  middle->addLayout(tiles, 3);

  auto* column = new QVBoxLayout(central);
  column->setContentsMargins(4, 2, 4, 2);
  column->setSpacing(2);
  column->addWidget(alarm_bar_);
  column->addLayout(middle, 1);
  column->addWidget(devices_);
  setCentralWidget(central);
  resize(1280, 800);

  connect(alarm_bar_, &AlarmBar::acknowledgeRequested, this, &MonitorWindow::acknowledgeRequested);
  connect(alarm_bar_, &AlarmBar::audioPauseRequested, this, &MonitorWindow::audioPauseRequested);
  connect(devices_, &DeviceStrip::startNibpRequested, this, &MonitorWindow::startNibpRequested);
  connect(sound_, &AlarmSoundPlayer::burstPlayed, this, &MonitorWindow::audioBurstPlayed);
  connect(sound_, &AlarmSoundPlayer::availabilityChanged, alarm_bar_,
          [this](bool available, const QString& reason) {
            alarm_bar_->setAudioAvailable(available, reason);
          });
  alarm_bar_->setAudioAvailable(sound_->available(), sound_->unavailableReason());
  showSnapshot(station::ScreenSnapshot{});
}

void MonitorWindow::showSnapshot(const station::ScreenSnapshot& s) {
  showTiles(s);
  if (!s.pleth.samples.empty()) {
    pleth_->addSamples(s.pleth.samples, s.pleth.rate_hz, s.pleth.scale_min, s.pleth.scale_max);
  } else if (const Absence a = s.channel(Channel::pleth).absence;
             a != Absence::none && !s.channel(Channel::spo2).value) {
    pleth_->setAbsent(reasonText(a));
  }
  trends_->append(s.trend, s.markers, s.now_s);
  showAlarms(s);
  devices_->setDevices(s.devices);
  device_infos_ = s.devices;
  session_->setSession(s.session);
}

QString MonitorWindow::sessionText() const { return session_->text(); }

QWidget* MonitorWindow::buildClinicalArea() {
  auto* placeholder = new QLabel(tr("Clinical panel"));
  access_style::paintPanel(placeholder);
  placeholder->setAlignment(Qt::AlignCenter);
  panel_ = placeholder;
  clinical_->addWidget(sign_in_);
  clinical_->addWidget(lock_);
  clinical_->addWidget(panel_);
  clinical_->setMinimumWidth(360);
  clinical_->setCurrentWidget(sign_in_);
  return clinical_;
}

QWidget* MonitorWindow::clinicalArea() const { return clinical_; }

void MonitorWindow::setClinicalCover(ClinicalCover cover) {
  cover_ = cover;
  switch (cover) {
    case ClinicalCover::sign_in:
      clinical_->setCurrentWidget(sign_in_);
      break;
    case ClinicalCover::locked:
      clinical_->setCurrentWidget(lock_);
      break;
    case ClinicalCover::none:
      clinical_->setCurrentWidget(panel_);
      break;
  }
}

void MonitorWindow::setClinicalPanel(QWidget* panel) {
  if (panel == nullptr || panel == panel_) return;
  clinical_->removeWidget(panel_);
  panel_->deleteLater();
  panel_ = panel;
  clinical_->addWidget(panel_);
  setClinicalCover(cover_);
}

void MonitorWindow::showTiles(const station::ScreenSnapshot& s) {
  showChannel(spo2_, s.channel(Channel::spo2), 0);
  showChannel(pulse_rate_, s.channel(Channel::pulse_rate), 0);
  showChannel(perfusion_, s.channel(Channel::perfusion_index), 2);

  const ChannelView& sys = s.channel(Channel::nibp_systolic);
  const ChannelView& dia = s.channel(Channel::nibp_diastolic);
  const ChannelView& mean = s.channel(Channel::nibp_mean);
  if (sys.value && dia.value) {
    nibp_->setValueText(
        QStringLiteral("%1/%2").arg(*sys.value, 0, 'f', 0).arg(*dia.value, 0, 'f', 0));
  } else {
    nibp_->setAbsent(reasonText(sys.absence == Absence::none ? Absence::no_data : sys.absence));
  }
  QStringList detail;
  if (mean.value) detail << QStringLiteral("(%1)").arg(*mean.value, 0, 'f', 0);
  if (s.nibp.measuring && !sys.value) {  // the tile itself says "measuring"
    if (s.nibp.cuff_pressure) detail << tr("cuff %1").arg(*s.nibp.cuff_pressure, 0, 'f', 0);
  } else if (s.nibp.measuring) {
    detail << (s.nibp.cuff_pressure ? tr("measuring, cuff %1").arg(*s.nibp.cuff_pressure, 0, 'f', 0)
                                    : tr("measuring"));
  } else if (s.nibp.measured_at && sys.value) {
    detail << ageText(s.now - *s.nibp.measured_at);
  }
  nibp_->setDetail(detail.join(QStringLiteral("  ")));
  nibp_->setLimits(sys.low_limit, sys.high_limit);
  nibp_->setAlarmState(mergedAlarm({&sys, &dia, &mean}));
}

void MonitorWindow::showAlarms(const station::ScreenSnapshot& s) {
  const core::Annunciation& a = s.annunciation;
  QStringList texts;
  texts.reserve(static_cast<qsizetype>(a.conditions.size()));
  for (const core::AnnunciatedCondition& c : a.conditions) {
    QString device;
    if (c.id.kind == core::AlarmConditionKind::technical) {
      const auto it =
          std::find_if(s.devices.begin(), s.devices.end(),
                       [&](const station::DeviceInfo& d) { return d.id == c.id.device; });
      if (it != s.devices.end()) device = QString::fromStdString(it->name);
    }
    texts << describeCondition(c, device);
  }
  QStringList off;
  for (const core::ChannelAlarmOff& o : a.alarms_off) off << channelLabel(o.channel);
  alarm_bar_->setAnnunciation(a, texts, off);
  sound_->update(a, s.now);
}

}  // namespace vigil::gui
