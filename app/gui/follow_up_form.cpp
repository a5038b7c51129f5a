#include "follow_up_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "questionnaire_section.hpp"
#include "scale_item_text.hpp"

namespace vigil::gui {
namespace {

struct ContactText {
  const char* value;
  const char* button;
};
const ContactText kContacts[] = {
    {"phone", "&Phone"}, {"video", "&Video"}, {"in_person", "&In person"}};

}  // namespace

FollowUpForm::FollowUpForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Follow-up"), this)),
      parts_(new QButtonGroup(this)),
      stack_(new QStackedWidget(this)),
      contact_(new QButtonGroup(this)),
      when_(new QDateTimeEdit(this)),
      note_(new QLineEdit(this)),
      phq9_(new QuestionnaireSection(gateway, phq9Spec(), this)),
      gad7_(new QuestionnaireSection(gateway, gad7Spec(), this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      save_(new QPushButton(tr("&Save follow-up"), this)),
      refusals_(form_style::refusalLabel(this)) {
  title_->setWordWrap(true);
  stack_->addWidget(buildDetails());
  stack_->addWidget(phq9_);
  stack_->addWidget(gad7_);
  auto* bar = new QHBoxLayout;
  bar->addStretch(1);
  bar->addWidget(back_);
  bar->addWidget(save_);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 6, 10, 6);
  page->setSpacing(4);
  page->addWidget(title_);
  page->addWidget(buildPartRow());
  page->addWidget(stack_, 1);
  page->addWidget(refusals_.general());
  page->addLayout(bar);
  for (QPushButton* b : {back_, save_}) b->setMinimumHeight(form_style::kTouchHeight);
  connect(save_, &QPushButton::clicked, this, &FollowUpForm::submit);
  connect(back_, &QPushButton::clicked, this, &FormPage::closeRequested);
}

QWidget* FollowUpForm::buildPartRow() {
  auto* w = new QWidget(this);
  auto* row = new QHBoxLayout(w);
  row->setContentsMargins(0, 0, 0, 0);
  const QString names[] = {tr("Contact"), tr("PHQ-9"), tr("GAD-7")};
  for (int i = 0; i < 3; ++i) {
    auto* b = new QPushButton(names[i], w);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    parts_->addButton(b, i);
    row->addWidget(b, 1);
    connect(b, &QPushButton::clicked, this, [this, i] { stack_->setCurrentIndex(i); });
  }
  parts_->setExclusive(true);
  parts_->button(0)->setChecked(true);
  return w;
}

QWidget* FollowUpForm::buildDetails() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  auto* contacts = new QWidget(box);
  auto* row = new QHBoxLayout(contacts);
  row->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 3; ++i) {
    auto* b = new QPushButton(tr(kContacts[i].button), contacts);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setAccessibleName(tr("contact %1").arg(QString::fromUtf8(kContacts[i].value)));
    contact_->addButton(b, i);
    row->addWidget(b, 1);
  }
  contact_->setExclusive(true);
  when_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
  note_->setPlaceholderText(tr("e.g. sleeping better, no suicidal thoughts, next session booked"));
  auto add = [&](const QString& label, std::initializer_list<const char*> names, QWidget* field) {
    QLabel* refusal = form_style::refusalLabel(box);
    refusals_.add(names, refusal);
    QLabel* name = form_style::fieldLabel(label, box);
    name->setBuddy(field);
    form->addRow(name, form_style::withNote(field, refusal, box));
  };
  add(tr("Contact"), {"contact"}, contacts);
  add(tr("&When (local)"), {"t_utc_ms"}, when_);
  add(tr("&Note"), {"note"}, note_);
  auto* hint = new QLabel(tr("PHQ-9 and GAD-7: answer all items of one, or leave it out."), box);
  hint->setStyleSheet(QStringLiteral("color: #bdbdbd;"));
  form->addRow(QString(), hint);
  return box;
}

QPushButton* FollowUpForm::contactButton(const QString& contact) const {
  for (int i = 0; i < 3; ++i) {
    if (contact == QLatin1String(kContacts[i].value)) {
      return static_cast<QPushButton*>(contact_->button(i));
    }
  }
  return nullptr;
}

QPushButton* FollowUpForm::partButton(int part) const {
  return static_cast<QPushButton*>(parts_->button(part));
}

QString FollowUpForm::refusalAt(const QString& field) const { return refusals_.textAt(field); }

void FollowUpForm::setTarget(const db::FollowUpView& target, const QString& patient) {
  target_ = target;
  title_->setText(tr("Follow-up at %1 for %2 (due %3)")
                      .arg(QString::fromUtf8(db::follow_up_interval_label(target.interval).data()),
                           patient, localDateTimeText(target.due_utc_ms)));
  contact_->setExclusive(false);
  for (QAbstractButton* b : contact_->buttons()) b->setChecked(false);
  contact_->setExclusive(true);
  when_->setDateTime(localDateTime(gateway_.now()));
  note_->clear();
  phq9_->clear();
  gad7_->clear();
  refusals_.clear();
  parts_->button(0)->setChecked(true);
  stack_->setCurrentIndex(0);
}

bool FollowUpForm::collect(QuestionnaireSection* section, db::FollowUpEntry& entry) {
  std::vector<int> answers;
  int missing = -1;
  for (int i = 0; i < section->itemCount(); ++i) {
    const auto a = section->answer(i);
    if (a) {
      answers.push_back(*a);
    } else if (missing < 0) {
      missing = i;
    }
  }
  if (answers.empty()) return true;
  if (missing >= 0) {
    refusals_.show(tr("%1: answer every item or none (item %2 is not answered)")
                       .arg(section->spec().name)
                       .arg(missing + 1));
    return false;
  }
  entry.scales.emplace_back(section->spec().scale, std::move(answers));
  return true;
}

void FollowUpForm::submit() {
  refusals_.clear();
  if (!target_) return;
  db::FollowUpEntry e;
  e.session_id = target_->session_id;
  e.interval = target_->interval;
  e.t_utc_ms = utcMs(when_->dateTime());
  const int contact = contact_->checkedId();
  e.contact = contact < 0 ? std::string() : kContacts[contact].value;
  e.note = note_->text().trimmed().toStdString();
  if (!collect(phq9_, e) || !collect(gad7_, e)) return;
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::record_follow_up(s, a, e, now);
    });
  } catch (const std::exception& ex) {
    refusals_.show(ex);
    return;
  }
  gateway_.notifyRecordChanged(e.session_id);
  emit recorded(tr("Follow-up at %1 recorded")
                    .arg(QString::fromUtf8(db::follow_up_interval_label(e.interval).data())));
  emit closeRequested();
}

}  // namespace vigil::gui
