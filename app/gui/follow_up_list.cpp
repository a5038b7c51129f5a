#include "follow_up_list.hpp"

#include <QHBoxLayout>
#include <QStringList>

#include "clinical_time.hpp"
#include "form_style.hpp"

namespace vigil::gui {
namespace {

QString scalesText(const db::FollowUpView& v) {
  QStringList parts;
  for (const auto& s : v.scales) {
    const QString name = s.scale == db::Scale::phq9 ? QStringLiteral("PHQ-9")
                         : s.scale == db::Scale::gad7
                             ? QStringLiteral("GAD-7")
                             : QString::fromUtf8(db::scale_name(s.scale).data());
    const std::string_view band = db::severity_band(s.scale, s.total);
    parts << (band.empty()
                  ? QStringLiteral("%1 %2").arg(name).arg(s.total)
                  : QStringLiteral("%1 %2 (%3)")
                        .arg(name)
                        .arg(s.total)
                        .arg(QString::fromUtf8(band.data(), static_cast<int>(band.size()))));
  }
  return parts.join(QStringLiteral(", "));
}

}  // namespace

QString followUpText(const db::FollowUpView& v) {
  const QString label = QString::fromUtf8(db::follow_up_interval_label(v.interval).data());
  switch (v.status) {
    case db::FollowUpStatus::done: {
      QString text = QObject::tr("%1: done %2 by %3 (%4)")
                         .arg(label, localDateTimeText(v.done_utc_ms.value_or(0)),
                              QString::fromStdString(v.done_by),
                              QString::fromStdString(v.contact).replace('_', ' '));
      const QString scales = scalesText(v);
      if (!scales.isEmpty()) text += QStringLiteral(", ") + scales;
      return text;
    }
    case db::FollowUpStatus::due:
      return QObject::tr("%1: DUE since %2 (overdue from %3)")
          .arg(label, localDateTimeText(v.due_utc_ms), localDateTimeText(v.overdue_utc_ms));
    case db::FollowUpStatus::overdue:
      return QObject::tr("%1: OVERDUE since %2 (due %3)")
          .arg(label, localDateTimeText(v.overdue_utc_ms), localDateTimeText(v.due_utc_ms));
    case db::FollowUpStatus::upcoming:
      return QObject::tr("%1: due %2").arg(label, localDateTimeText(v.due_utc_ms));
  }
  return label;
}

FollowUpList::FollowUpList(QWidget* parent) : QWidget(parent), col_(new QVBoxLayout(this)) {
  col_->setContentsMargins(0, 0, 0, 0);
  col_->setSpacing(4);
}

void FollowUpList::setSchedule(const std::vector<db::FollowUpView>& schedule) {
  schedule_ = schedule;
  while (rows_.size() < schedule.size()) {
    Row r;
    auto* line = new QWidget(this);
    auto* row = new QHBoxLayout(line);
    row->setContentsMargins(0, 0, 0, 0);
    r.text = new QLabel(line);
    r.text->setWordWrap(true);
    r.record = new QPushButton(tr("Record"), line);
    r.record->setMinimumHeight(form_style::kTouchHeight);
    row->addWidget(r.text, 1);
    row->addWidget(r.record);
    col_->addWidget(line);
    const std::size_t index = rows_.size();
    connect(r.record, &QPushButton::clicked, this, [this, index] {
      if (index < schedule_.size()) emit recordRequested(schedule_[index].interval);
    });
    rows_.push_back(r);
  }
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const bool shown = i < schedule.size();
    rows_[i].text->parentWidget()->setVisible(shown);
    if (!shown) continue;
    const auto& v = schedule[i];
    form_style::setTextIfChanged(rows_[i].text, followUpText(v));
    const bool late = v.status == db::FollowUpStatus::overdue;
    const bool due = v.status == db::FollowUpStatus::due;
    rows_[i].text->setStyleSheet(
        late  ? QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name())
        : due ? QStringLiteral("font-weight: bold;")
        : v.status == db::FollowUpStatus::done
            ? QStringLiteral("color: %1;").arg(form_style::met().name())
            : QString());
    rows_[i].record->setVisible(v.status != db::FollowUpStatus::done);
    rows_[i].record->setAccessibleName(
        tr("record follow-up %1")
            .arg(QString::fromUtf8(db::follow_up_interval_name(v.interval).data())));
  }
}

}  // namespace vigil::gui
