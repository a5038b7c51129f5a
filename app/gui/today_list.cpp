#include "today_list.hpp"

#include <QHBoxLayout>
#include <QScrollArea>

#include "clinical_time.hpp"
#include "form_style.hpp"

namespace vigil::gui {

TodayList::TodayList(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      title_(form_style::headingLabel({}, this)),
      message_(new QLabel(this)),
      rows_(new QVBoxLayout) {
  form_style::apply(this);
  message_->setWordWrap(true);
  auto* inner = new QWidget(this);
  rows_->setContentsMargins(0, 0, 0, 0);
  rows_->setSpacing(6);
  auto* inner_col = new QVBoxLayout(inner);
  inner_col->setContentsMargins(0, 0, 0, 0);
  inner_col->addLayout(rows_);
  inner_col->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(inner);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(10, 6, 10, 6);
  col->addWidget(title_);
  col->addWidget(message_);
  col->addWidget(scroll, 1);
  connect(&gateway_, &ClinicalGateway::recordChanged, this, [this] {
    if (isVisible()) refresh();
  });
  connect(&gateway_, &ClinicalGateway::userChanged, this, &TodayList::refresh);
  connect(&gateway_, &ClinicalGateway::activeSessionChanged, this, [this] {
    if (isVisible()) refresh();
  });
}

void TodayList::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void TodayList::refresh() {
  const auto [from, to] = localDayWindow(gateway_.now());
  title_->setText(tr("Today at %1, %2")
                      .arg(QString::fromStdString(gateway_.chair()),
                           localDateTime(gateway_.now()).date().toString(Qt::ISODate)));
  try {
    sessions_ = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::sessions_planned_for_chair(s, a, gateway_.chair(), from, to, now);
    });
    message_->setText(sessions_.empty() ? tr("No session planned at this chair today.")
                                        : QString());
  } catch (const std::exception& e) {
    sessions_.clear();
    message_->setText(refusalText(e));
  }
  message_->setVisible(!message_->text().isEmpty());
  rebuildRows();
}

QString TodayList::rowText(std::size_t row) const { return labels_.at(row)->text(); }

void TodayList::rebuildRows() {
  for (QPushButton* b : buttons_) b->parentWidget()->deleteLater();
  buttons_.clear();
  labels_.clear();
  QWidget* host = rows_->parentWidget();
  for (const db::PlannedSession& s : sessions_) {
    auto* row = new QWidget(host);
    auto* line = new QHBoxLayout(row);
    line->setContentsMargins(0, 0, 0, 0);
    QString text =
        QStringLiteral("%1  %2 (%3)")
            .arg(localClockText(s.planned_utc_ms), QString::fromStdString(s.patient_name),
                 QString::fromStdString(s.patient_identifier));
    if (s.planned_dose_mg) text += tr("  %1 mg").arg(*s.planned_dose_mg);
    const auto phase = core::session_phase_name(s.phase);
    if (s.phase != core::SessionPhase::planned) {
      text += QStringLiteral("  [%1]").arg(QString::fromUtf8(phase.data(), phase.size()));
    }
    auto* label = new QLabel(text, row);
    label->setStyleSheet(QStringLiteral("font-size: 18px;"));
    const bool active = s.id == gateway_.activeSession();
    auto* start = new QPushButton(active ? tr("Recording") : tr("Start"), row);
    start->setEnabled(!active);
    start->setMinimumWidth(120);
    start->setAccessibleName(tr("Start session of %1").arg(QString::fromStdString(s.patient_name)));
    const db::RowId id = s.id;
    connect(start, &QPushButton::clicked, this, [this, id] { gateway_.requestStart(id); });
    line->addWidget(label, 1);
    line->addWidget(start);
    rows_->addWidget(row);
    buttons_.push_back(start);
    labels_.push_back(label);
  }
}

}  // namespace vigil::gui
