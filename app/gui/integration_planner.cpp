#include "integration_planner.hpp"

#include <QHBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "session_panel_text.hpp"

namespace vigil::gui {
namespace {

constexpr db::UtcMs kDay = 24LL * 3600 * 1000;

QString rowTextOf(const db::LinkedIntegrationSession& s) {
  const QString mode = s.visit_mode == "video" ? QObject::tr("Video") : QObject::tr("In person");
  QString state = phaseText(s.phase);
  if (s.note_signed) state += QObject::tr(", note signed");
  return QObject::tr("%1, planned %2: %3").arg(mode, localDateTimeText(s.planned_utc_ms), state);
}

}  // namespace

IntegrationPlanner::IntegrationPlanner(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      list_(new QVBoxLayout),
      mode_(new QButtonGroup(this)),
      planned_at_(new QDateTimeEdit(this)),
      plan_(new QPushButton(tr("Plan &integration session"), this)),
      refusal_(form_style::refusalLabel(this)) {
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(4);
  list_->setSpacing(4);
  col->addLayout(list_);
  auto* row = new QHBoxLayout;
  for (db::VisitMode m : {db::VisitMode::in_person, db::VisitMode::video}) {
    auto* b = new QPushButton(m == db::VisitMode::video ? tr("Vi&deo") : tr("In pe&rson"), this);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    mode_->addButton(b, static_cast<int>(m));
    row->addWidget(b);
  }
  mode_->setExclusive(true);
  mode_->button(static_cast<int>(db::VisitMode::in_person))->setChecked(true);
  planned_at_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
  planned_at_->setMinimumHeight(form_style::kTouchHeight);
  plan_->setMinimumHeight(form_style::kTouchHeight);
  row->addWidget(planned_at_, 1);
  row->addWidget(plan_);
  col->addLayout(row);
  col->addWidget(refusal_);
  connect(plan_, &QPushButton::clicked, this, &IntegrationPlanner::plan);
}

QPushButton* IntegrationPlanner::modeButton(db::VisitMode mode) const {
  return static_cast<QPushButton*>(mode_->button(static_cast<int>(mode)));
}

void IntegrationPlanner::setSession(const db::ClosedDosingSession& session) {
  if (session.id != dosing_session_) {
    planned_at_->setDateTime(localDateTime(gateway_.now() + kDay));
    form_style::setRefusal(refusal_, QString());
  }
  dosing_session_ = session.id;
  ids_.clear();
  while (rows_.size() < session.integrations.size()) {
    auto* line = new QWidget(this);
    auto* row = new QHBoxLayout(line);
    row->setContentsMargins(0, 0, 0, 0);
    auto* text = new QLabel(line);
    text->setWordWrap(true);
    auto* open = new QPushButton(tr("Open note"), line);
    open->setMinimumHeight(form_style::kTouchHeight);
    row->addWidget(text, 1);
    row->addWidget(open);
    list_->addWidget(line);
    const std::size_t index = rows_.size();
    connect(open, &QPushButton::clicked, this, [this, index] {
      if (index < ids_.size()) emit openRequested(ids_[index]);
    });
    rows_.push_back(text);
    open_.push_back(open);
  }
  shown_ = session.integrations.size();
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    rows_[i]->parentWidget()->setVisible(i < shown_);
    if (i >= shown_) continue;
    ids_.push_back(session.integrations[i].id);
    form_style::setTextIfChanged(rows_[i], rowTextOf(session.integrations[i]));
  }
}

bool IntegrationPlanner::plan() {
  form_style::setRefusal(refusal_, QString());
  db::NewIntegrationSession n;
  n.dosing_session_id = dosing_session_;
  n.mode = static_cast<db::VisitMode>(mode_->checkedId());
  n.planned_utc_ms = utcMs(planned_at_->dateTime());
  try {
    const db::RowId id = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::create_integration_session(s, a, n, now);
    });
    gateway_.notifyRecordChanged(dosing_session_);
    emit planned(id);
    return true;
  } catch (const std::exception& e) {
    form_style::setRefusal(refusal_, vigil::gui::refusalText(e));
    return false;
  }
}

}  // namespace vigil::gui
