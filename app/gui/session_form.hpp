#pragma once
// A minimal session start/stop form: patient identifier and name, Start and Stop buttons that
// emit signals, and the running session's patient and phase. (The full clinical workflow is its
// own issue.)

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

#include "screen_snapshot.hpp"

namespace vigil::gui {

class SessionForm : public QWidget {
  Q_OBJECT
 public:
  explicit SessionForm(QWidget* parent = nullptr);

  void setSession(const station::SessionInfo& session);

  QLineEdit* patientIdEdit() const { return patient_id_; }
  QLineEdit* patientNameEdit() const { return patient_name_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* stopButton() const { return stop_; }
  QString statusText() const { return status_->text(); }

 signals:
  void startRequested(const QString& patient_id, const QString& patient_name);
  void stopRequested();

 private:
  void updateButtons();
  void onStart();

  QLineEdit* patient_id_;
  QLineEdit* patient_name_;
  QPushButton* start_;
  QPushButton* stop_;
  QLabel* status_;
  bool active_ = false;
};

}  // namespace vigil::gui
