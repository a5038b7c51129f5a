#include "history_view.hpp"

#include <QDate>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QVBoxLayout>
#include <tuple>

#include "aftercare_page.hpp"
#include "clinical_time.hpp"
#include "form_style.hpp"
#include "outcome_chart.hpp"
#include "rems_form_html.hpp"
#include "session_panel_text.hpp"
#include "session_timeline_text.hpp"
#include "session_trend_view.hpp"
#include "vigil/db/follow_up_store.hpp"
#include "vigil/db/outcome_trends.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/rems_form.hpp"
#include "vigil/db/session_report.hpp"

namespace vigil::gui {
namespace {

QPushButton* button(const QString& text, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setMinimumHeight(form_style::kTouchHeight);
  return b;
}

QString darkBrowserStyle() {
  return QStringLiteral("QTextBrowser { background: #15181c; color: #e8e8e8; font-size: 14px; }");
}

QString optionalTime(const std::optional<db::UtcMs>& t) {
  return t ? localDateTimeText(*t) : QStringLiteral("-");
}

}  // namespace

HistoryView::HistoryView(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      patient_(new QLineEdit(this)),
      type_(new QComboBox(this)),
      phase_(new QComboBox(this)),
      from_(new QLineEdit(this)),
      to_(new QLineEdit(this)),
      apply_(button(tr("Show sessions"), this)),
      table_(new QTableWidget(0, 6, this)),
      message_(new QLabel(this)),
      overdue_(new QLabel(this)),
      header_(new QLabel(this)),
      report_(button(tr("Session report PDF..."), this)),
      rems_(button(tr("REMS form PDF..."), this)),
      tabs_(new QTabWidget(this)),
      timeline_(new QTextBrowser(this)),
      trends_(new SessionTrendView(gateway, this)),
      outcomes_(new OutcomeChart(this)),
      rems_form_(new QTextBrowser(this)) {
  form_style::apply(this);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(buildList());
  split->addWidget(buildDetail());
  split->setStretchFactor(0, 4);
  split->setStretchFactor(1, 7);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(8, 6, 8, 6);
  col->addWidget(split);
}

QWidget* HistoryView::buildList() {
  auto* w = new QWidget(this);
  patient_->setPlaceholderText(tr("any patient (identifier)"));
  patient_->setAccessibleName(tr("patient identifier"));
  patient_->setClearButtonEnabled(true);
  type_->addItem(tr("any type"), QString());
  for (const auto t : core::enum_values<core::SessionType>) {
    type_->addItem(QString::fromUtf8(core::session_type_name(t).data()),
                   QString::fromUtf8(core::session_type_name(t).data()));
  }
  phase_->addItem(tr("any phase"), QString());
  for (const auto p : core::enum_values<core::SessionPhase>) {
    phase_->addItem(phaseText(p), QString::fromUtf8(core::session_phase_name(p).data()));
  }
  table_->setHorizontalHeaderLabels(
      {tr("id"), tr("patient"), tr("type"), tr("phase"), tr("start"), tr("end")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setStyleSheet(
      QStringLiteral("QTableWidget { background: #15181c; color: #e8e8e8; font-size: 14px; }"
                     "QHeaderView::section { background: #2a2f36; color: #e8e8e8; "
                     "font-weight: bold; padding: 4px; }"));
  message_->setWordWrap(true);
  overdue_->setWordWrap(true);
  overdue_->setStyleSheet(
      QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name()));
  auto* grid = new QGridLayout;
  grid->addWidget(form_style::fieldLabel(tr("Patient"), w), 0, 0);
  grid->addWidget(patient_, 0, 1, 1, 2);
  grid->addWidget(type_, 1, 1);
  grid->addWidget(phase_, 1, 2);
  from_->setPlaceholderText(tr("from YYYY-MM-DD"));
  to_->setPlaceholderText(tr("to YYYY-MM-DD"));
  from_->setAccessibleName(tr("planned from (date)"));
  to_->setAccessibleName(tr("planned to (date, included)"));
  grid->addWidget(form_style::fieldLabel(tr("Dates"), w), 2, 0);
  grid->addWidget(from_, 2, 1);
  grid->addWidget(to_, 2, 2);
  grid->addWidget(apply_, 3, 1, 1, 2);
  auto* col = new QVBoxLayout(w);
  col->setContentsMargins(0, 0, 4, 0);
  col->addWidget(form_style::headingLabel(tr("Sessions on record"), w));
  col->addLayout(grid);
  col->addWidget(message_);
  col->addWidget(overdue_);
  col->addWidget(table_, 1);
  connect(apply_, &QPushButton::clicked, this, &HistoryView::refresh);
  connect(patient_, &QLineEdit::returnPressed, this, &HistoryView::refresh);
  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row, int, int, int) {
    if (row >= 0 && row < static_cast<int>(sessions_.size()))
      openSession(sessions_[static_cast<std::size_t>(row)].id);
  });
  return w;
}

QWidget* HistoryView::buildDetail() {
  auto* w = new QWidget(this);
  header_->setWordWrap(true);
  header_->setStyleSheet(QStringLiteral("font-size: 17px; font-weight: bold;"));
  header_->setText(tr("Choose a session on the left to open its record."));
  timeline_->setStyleSheet(darkBrowserStyle());
  rems_form_->setStyleSheet(darkBrowserStyle());
  tabs_->addTab(timeline_, tr("Timeline"));
  tabs_->addTab(trends_, tr("Trends"));
  tabs_->addTab(outcomes_, tr("Outcomes"));
  tabs_->addTab(rems_form_, tr("REMS form"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(report_);
  buttons->addWidget(rems_);
  buttons->addStretch(1);
  auto* col = new QVBoxLayout(w);
  col->setContentsMargins(4, 0, 0, 0);
  col->addWidget(header_);
  col->addLayout(buttons);
  col->addWidget(tabs_, 1);
  report_->setEnabled(false);
  rems_->setEnabled(false);
  connect(report_, &QPushButton::clicked, this, [this] { askAndPrint(false); });
  connect(rems_, &QPushButton::clicked, this, [this] { askAndPrint(true); });
  return w;
}

void HistoryView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (sessions_.empty()) refresh();
}

void HistoryView::showMessage(const QString& text, bool refusal) {
  message_->setStyleSheet(
      refusal ? QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name())
              : QString());
  message_->setText(text);
}

void HistoryView::refresh() {
  db::SessionHistoryFilter filter;
  const std::string patient = patient_->text().trimmed().toStdString();
  if (!patient.empty()) filter.patient_identifier = patient;
  if (const auto t = type_->currentData().toString(); !t.isEmpty()) {
    filter.type = core::session_type_from_name(t.toStdString());
  }
  if (const auto p = phase_->currentData().toString(); !p.isEmpty()) {
    filter.phase = core::session_phase_from_name(p.toStdString());
  }
  // Local calendar dates; "to" includes its day.
  for (auto [edit, name, slot, days] : {std::tuple{from_, "from", &filter.from_utc_ms, 0},
                                        std::tuple{to_, "to", &filter.to_utc_ms, 1}}) {
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) continue;
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid()) {
      showMessage(tr("%1: must be a date as YYYY-MM-DD, got '%2'").arg(QLatin1String(name), text),
                  true);
      return;
    }
    *slot = QDateTime(date.addDays(days), QTime(0, 0)).toMSecsSinceEpoch();
  }
  try {
    sessions_ = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::list_sessions(s, a, filter, now);
    });
  } catch (const std::exception& e) {
    sessions_.clear();
    table_->setRowCount(0);
    overdue_->clear();
    showMessage(tr("Refused: %1").arg(QString::fromStdString(e.what())), true);
    return;
  }
  const QSignalBlocker block(table_);
  table_->setRowCount(0);
  for (const auto& s : sessions_) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    const QStringList cells{QString::number(s.id),
                            QString::fromStdString(s.patient_identifier),
                            QString::fromUtf8(core::session_type_name(s.type).data()),
                            phaseText(s.phase),
                            optionalTime(s.started_utc_ms),
                            optionalTime(s.ended_utc_ms)};
    for (int c = 0; c < cells.size(); ++c) table_->setItem(row, c, new QTableWidgetItem(cells[c]));
  }
  table_->resizeColumnsToContents();
  showMessage(tr("%1 session(s)").arg(sessions_.size()), false);
  showOverdue(patient);
}

void HistoryView::showOverdue(const std::string& patient_identifier) {
  overdue_->clear();
  if (patient_identifier.empty()) return;
  try {
    const auto overdue = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      std::vector<db::FollowUpView> out;
      for (const auto& p : db::find_patients(s, a, patient_identifier, now, 5)) {
        if (p.identifier == patient_identifier) out = db::read_overdue_follow_ups(s, a, p.id, now);
      }
      return out;
    });
    overdue_->setText(overdue.empty() ? QString() : overdueFollowUpsText(overdue));
  } catch (const std::exception& e) {
    overdue_->setText(QString::fromStdString(e.what()));
  }
}

void HistoryView::clear() {
  patient_->clear();
  from_->clear();
  to_->clear();
  type_->setCurrentIndex(0);
  phase_->setCurrentIndex(0);
  sessions_.clear();
  table_->setRowCount(0);
  open_session_ = 0;
  header_->setText(tr("Choose a session on the left to open its record."));
  timeline_->clear();
  rems_form_->clear();
  outcomes_->setSeries({});
  trends_->clear();
  report_->setEnabled(false);
  rems_->setEnabled(false);
  message_->clear();
  overdue_->clear();
}

}  // namespace vigil::gui
