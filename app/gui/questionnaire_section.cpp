#include "questionnaire_section.hpp"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QVBoxLayout>
#include <numeric>

#include "form_style.hpp"

namespace vigil::gui {
namespace {

// A safety flag at its item (the discharge review looks for it); a red of its own, lighter than
// the high-priority alarm red so that it reads as text on the dark panel.
const char* const kFlagStyle = "color: #ff6a6a; font-weight: bold;";

QString fieldName(const QuestionnaireSpec& spec, int i) {
  return QStringLiteral("%1.items[%2]")
      .arg(QString::fromUtf8(db::scale_name(spec.scale).data()), QString::number(i + 1));
}

}  // namespace

QuestionnaireSection::QuestionnaireSection(ClinicalGateway& gateway, QuestionnaireSpec spec,
                                           QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      spec_(std::move(spec)),
      total_(new QLabel(this)),
      scroll_(new QScrollArea(this)),
      refusals_(form_style::refusalLabel(this)) {
  auto* content = new QWidget(scroll_);
  auto* col = new QVBoxLayout(content);
  col->setContentsMargins(0, 0, 6, 0);
  col->setSpacing(2);
  auto* instruction = new QLabel(spec_.instruction, content);
  instruction->setWordWrap(true);
  instruction->setStyleSheet(QStringLiteral("color: #bdbdbd;"));
  col->addWidget(instruction);
  for (int i = 0; i < static_cast<int>(spec_.items.size()); ++i)
    col->addWidget(buildItem(i, content));
  col->addStretch(1);
  scroll_->setWidgetResizable(true);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll_->setWidget(content);
  auto* heading =
      form_style::headingLabel(QStringLiteral("%1: %2").arg(spec_.name, spec_.heading), this);
  heading->setWordWrap(true);  // the page's width decides, not the heading's or the total's
  total_->setWordWrap(true);
  total_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  total_->setStyleSheet(QStringLiteral("font-size: 17px; font-weight: bold;"));
  auto* top = new QHBoxLayout;
  top->addWidget(heading);
  top->addWidget(total_, 1);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(0, 0, 0, 0);
  page->addLayout(top);
  page->addWidget(scroll_, 1);
  page->addWidget(refusals_.general());
  update();
}

QWidget* QuestionnaireSection::buildItem(int i, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 6, 0, 0);
  col->setSpacing(2);
  Item item;
  item.text = new QLabel(QStringLiteral("%1. %2")
                             .arg(spec_.numbers.at(static_cast<std::size_t>(i)))
                             .arg(spec_.items.at(i)),
                         box);
  item.text->setWordWrap(true);
  item.group = new QButtonGroup(box);
  auto* row = new QHBoxLayout;
  row->setSpacing(4);
  for (int v = 0; v < static_cast<int>(spec_.choices.size()); ++v) {
    // The answer's number over its words: four frequency answers fit a narrow area's width.
    auto* b = new QPushButton(QStringLiteral("%1\n%2").arg(v).arg(spec_.choices.at(v)), box);
    b->setCheckable(true);
    b->setSizePolicy(QSizePolicy::Ignored,
                     QSizePolicy::Fixed);  // equal columns, no sideways scroll
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setStyleSheet(QStringLiteral("font-weight: normal; font-size: 14px; padding: 0 2px;"));
    b->setAccessibleName(QStringLiteral("%1 item %2: %3")
                             .arg(spec_.name)
                             .arg(spec_.numbers.at(static_cast<std::size_t>(i)))
                             .arg(spec_.choices.at(v)));
    b->installEventFilter(this);
    item.group->addButton(b, v);
    row->addWidget(b, 1);
  }
  connect(item.group, &QButtonGroup::idClicked, this, [this] {
    refusals_.clear();
    update();
  });
  item.refusal = form_style::refusalLabel(box);
  refusals_.add({qPrintable(fieldName(spec_, i))}, item.refusal);
  col->addWidget(item.text);
  col->addLayout(row);
  col->addWidget(item.refusal);
  if (spec_.flagged_item == i) {
    item.flag = new QLabel(spec_.flag_text, box);
    item.flag->setWordWrap(true);
    item.flag->setStyleSheet(QString::fromUtf8(kFlagStyle));
    item.flag->hide();
    col->addWidget(item.flag);
  }
  items_.push_back(item);
  return box;
}

bool QuestionnaireSection::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::KeyPress) return QWidget::eventFilter(watched, event);
  const int value = static_cast<QKeyEvent*>(event)->key() - Qt::Key_0;
  if (value < 0 || value >= static_cast<int>(spec_.choices.size())) return false;
  for (std::size_t i = 0; i < items_.size(); ++i) {  // the digit answers the focused item
    if (!items_[i].group->buttons().contains(static_cast<QAbstractButton*>(watched))) continue;
    items_[i].group->button(value)->click();
    const std::size_t next = std::min(i + 1, items_.size() - 1);
    QAbstractButton* target = items_[next].group->checkedButton();
    if (!target) target = items_[next].group->button(0);
    target->setFocus(Qt::TabFocusReason);
    scroll_->ensureWidgetVisible(target);
    return true;
  }
  return false;
}

QAbstractButton* QuestionnaireSection::choiceButton(int i, int value) const {
  return items_.at(static_cast<std::size_t>(i)).group->button(value);
}

std::optional<int> QuestionnaireSection::answer(int i) const {
  const int id = items_.at(static_cast<std::size_t>(i)).group->checkedId();
  return id < 0 ? std::nullopt : std::optional<int>(id);
}

QString QuestionnaireSection::flagText() const {
  for (const Item& item : items_) {
    if (item.flag && !item.flag->isHidden()) return item.flag->text();
  }
  return {};
}

void QuestionnaireSection::update() {
  int total = 0;
  int answered = 0;
  for (int i = 0; i < itemCount(); ++i) {
    if (const auto a = answer(i)) {
      total += *a;
      ++answered;
    }
  }
  QString text = tr("Total %1 of %2").arg(total).arg(spec_.maxTotal());
  // The band of a partial total is a lower bound.
  const QString band = tr(std::string(db::severity_band(spec_.scale, total)).c_str());
  if (!band.isEmpty() && answered == itemCount()) text += QStringLiteral(": ") + band;
  // "at least minimal" says nothing
  const bool lowest = db::severity_band(spec_.scale, total) == db::severity_band(spec_.scale, 0);
  if (!band.isEmpty() && !lowest && answered < itemCount()) text += tr(": at least ") + band;
  if (answered < itemCount()) text += tr(" (%1 of %2 answered)").arg(answered).arg(itemCount());
  form_style::setTextIfChanged(total_, text);
  for (int i = 0; i < itemCount(); ++i) {
    const Item& item = items_[static_cast<std::size_t>(i)];
    if (!item.flag) continue;
    const bool raised = answer(i).value_or(0) > 0;
    const bool newly = raised && item.flag->isHidden();
    item.flag->setVisible(raised);
    if (newly) scroll_->ensureWidgetVisible(item.flag);  // the line under the tapped answer
    item.text->setStyleSheet(raised ? QString::fromUtf8(kFlagStyle) : QString());
  }
}

QString QuestionnaireSection::summary(const std::vector<int>& answers) const {
  const int total = std::accumulate(answers.begin(), answers.end(), 0);
  QString s = tr("%1 %2").arg(spec_.name).arg(total);
  const std::string_view band = db::severity_band(spec_.scale, total);
  if (!band.empty()) s += QStringLiteral(" (%1)").arg(tr(std::string(band).c_str()));
  s += tr(" recorded");
  const auto flagged = spec_.flagged_item;
  if (flagged && static_cast<std::size_t>(*flagged) < answers.size() &&
      answers[static_cast<std::size_t>(*flagged)] > 0) {
    s += QStringLiteral("; ") + spec_.flag_text;
  }
  return s;
}

bool QuestionnaireSection::save() {
  refusals_.clear();
  std::vector<int> answers;
  QWidget* first_open = nullptr;
  int open = 0;
  for (int i = 0; i < itemCount(); ++i) {
    const Item& item = items_[static_cast<std::size_t>(i)];
    if (const auto a = answer(i)) {
      answers.push_back(*a);
      continue;
    }
    ++open;
    form_style::setRefusal(item.refusal, tr("Item %1: not answered; every item needs an answer")
                                             .arg(spec_.numbers.at(static_cast<std::size_t>(i))));
    if (!first_open) first_open = item.text;
  }
  if (open > 0) {
    form_style::setRefusal(refusals_.general(),
                           tr("%1: %2 of %3 items not answered; nothing was saved")
                               .arg(spec_.name)
                               .arg(open)
                               .arg(itemCount()));
    scroll_->ensureWidgetVisible(first_open);
    return false;
  }
  return record(answers);
}

bool QuestionnaireSection::record(const std::vector<int>& answers) {
  refusals_.clear();
  const db::RowId session = gateway_.activeSession();
  if (session == 0) {
    refusals_.show(tr("session: no session is recording at this station"));
    return false;
  }
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::record_scale(s, a, {session, now, spec_.scale, answers}, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    QLabel* at = refusals_.labelFor(refusalText(e));
    if (at != refusals_.general()) scroll_->ensureWidgetVisible(at->parentWidget());
    return false;
  }
  const QString done = summary(answers);
  clear();
  emit recorded(done);
  gateway_.notifyRecordChanged(session);
  return true;
}

void QuestionnaireSection::clear() {
  refusals_.clear();
  for (Item& item : items_) {
    item.group->setExclusive(false);  // an exclusive group keeps one button checked
    for (QAbstractButton* b : item.group->buttons()) b->setChecked(false);
    item.group->setExclusive(true);
  }
  update();
  scroll_->ensureVisible(0, 0);
}

QString QuestionnaireSection::refusalAt(const QString& field) const {
  return refusals_.textAt(field);
}

}  // namespace vigil::gui
