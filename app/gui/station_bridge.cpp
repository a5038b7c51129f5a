#include "station_bridge.hpp"

#include <QMetaObject>

#include "monitor_window.hpp"

namespace vigil::gui {

StationBridge::StationBridge(MonitorWindow& window, QObject* parent)
    : QObject(parent), window_(window) {}

void StationBridge::attach(station::Station& station, const QString& operator_name) {
  detach();
  station_ = &station;
  operator_ = operator_name.toStdString();
  connections_ << connect(&window_, &MonitorWindow::acknowledgeRequested, this,
                          [this] { station_->acknowledge_all(operator_); });
  connections_ << connect(&window_, &MonitorWindow::audioPauseRequested, this,
                          [this] { station_->pause_audio(operator_); });
  connections_ << connect(&window_, &MonitorWindow::startNibpRequested, this,
                          [this](core::DeviceId device) { station_->request_nibp(device); });
  connections_ << connect(&window_, &MonitorWindow::audioBurstPlayed, this,
                          [this](core::AlarmPriority p, core::SteadyTime start) {
                            station_->audio_burst_played(p, start);
                          });
}

void StationBridge::setOperatorName(const QString& operator_name) {
  operator_ = operator_name.toStdString();
}

void StationBridge::detach() {
  for (const auto& c : connections_) disconnect(c);
  connections_.clear();
  station_ = nullptr;
}

void StationBridge::on_snapshot(station::ScreenSnapshot&& snapshot) {
  if (mailbox_.put(std::move(snapshot))) {
    QMetaObject::invokeMethod(this, &StationBridge::deliver, Qt::QueuedConnection);
  }
}

void StationBridge::deliver() {
  if (auto s = mailbox_.take()) {
    ++delivered_;
    window_.showSnapshot(*s);
  }
}

}  // namespace vigil::gui
