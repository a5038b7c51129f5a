#pragma once
// Connects the station pipeline to the monitor window. Snapshots arrive on the acquisition
// thread and go into a SnapshotMailbox; the window is woken by one queued call at most, so a
// frozen or slow window never makes the acquisition thread wait and never builds a backlog
// (it gets one merged snapshot when it wakes). The window's operator actions go back to the
// station, which runs them on the acquisition thread.

#include <QObject>
#include <QString>

#include "snapshot_mailbox.hpp"
#include "station.hpp"

namespace vigil::gui {

class MonitorWindow;

class StationBridge : public QObject, public station::StationListener {
  Q_OBJECT
 public:
  // `window` must outlive the bridge. Call attach() once the station exists.
  explicit StationBridge(MonitorWindow& window, QObject* parent = nullptr);

  // Wires the window's buttons to `station`; `operator_name` is who acknowledges and pauses.
  void attach(station::Station& station, const QString& operator_name);
  void detach();
  // Who acknowledges and pauses from now on (sign-in, lock, switch user). GUI thread.
  void setOperatorName(const QString& operator_name);
  QString operatorName() const { return QString::fromStdString(operator_); }

  // StationListener (acquisition thread).
  void on_snapshot(station::ScreenSnapshot&& snapshot) override;

  std::uint64_t delivered() const { return delivered_; }      // GUI thread
  std::uint64_t merged() const { return mailbox_.merged(); }  // any thread

 private slots:
  void deliver();  // GUI thread

 private:
  MonitorWindow& window_;
  station::SnapshotMailbox mailbox_;
  station::Station* station_ = nullptr;
  std::string operator_;
  std::uint64_t delivered_ = 0;
  QList<QMetaObject::Connection> connections_;
};

}  // namespace vigil::gui
