#include "session_form.hpp"

#include <QHBoxLayout>

#include "colours.hpp"

namespace vigil::gui {

SessionForm::SessionForm(QWidget* parent)
    : QWidget(parent),
      patient_id_(new QLineEdit(this)),
      patient_name_(new QLineEdit(this)),
      start_(new QPushButton(tr("Start session"), this)),
      stop_(new QPushButton(tr("Stop session"), this)),
      status_(new QLabel(tr("no session"), this)) {
  patient_id_->setPlaceholderText(tr("patient identifier"));
  patient_name_->setPlaceholderText(tr("patient name"));
  QFont f = status_->font();
  f.setPointSize(13);
  f.setBold(true);
  status_->setFont(f);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(6, 2, 6, 2);
  row->addWidget(status_, 1);
  row->addWidget(patient_id_);
  row->addWidget(patient_name_);
  row->addWidget(start_);
  row->addWidget(stop_);
  connect(patient_id_, &QLineEdit::textChanged, this, &SessionForm::updateButtons);
  connect(start_, &QPushButton::clicked, this, &SessionForm::onStart);
  connect(stop_, &QPushButton::clicked, this, &SessionForm::stopRequested);
  updateButtons();
}

void SessionForm::onStart() {
  const QString id = patient_id_->text().trimmed();
  if (id.isEmpty()) {
    status_->setText(tr("patient identifier: required to start a session"));
    return;
  }
  emit startRequested(id, patient_name_->text().trimmed());
}

void SessionForm::setSession(const station::SessionInfo& s) {
  active_ = s.active;
  QString text = tr("no session");
  if (s.active) {
    const auto phase = core::session_phase_name(s.phase);
    const long long secs = s.elapsed.count();
    text = tr("%1 (%2)  phase: %3  %4:%5")
               .arg(QString::fromStdString(s.patient_name), QString::fromStdString(s.patient_id),
                    QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size())))
               .arg(secs / 3600)
               .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'));
  }
  if (status_->text() != text) status_->setText(text);
  updateButtons();
}

void SessionForm::updateButtons() {
  patient_id_->setEnabled(!active_);
  patient_name_->setEnabled(!active_);
  start_->setEnabled(!active_ && !patient_id_->text().trimmed().isEmpty());
  stop_->setEnabled(active_);
}

}  // namespace vigil::gui
