#include "note_page.hpp"

#include <QFocusEvent>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "note_html.hpp"
#include "note_sign_row.hpp"
#include "note_templates.hpp"

namespace vigil::gui {
namespace {

constexpr int kAutosaveMs = 3000;
constexpr db::NoteType kTypes[] = {db::NoteType::preparation, db::NoteType::dosing,
                                   db::NoteType::integration};

db::NoteType defaultType(const db::SessionPanelState& s) {
  if (s.type == core::SessionType::integration) return db::NoteType::integration;
  const bool before_dose =
      s.phase == core::SessionPhase::planned || s.phase == core::SessionPhase::pre_dose;
  return before_dose ? db::NoteType::preparation : db::NoteType::dosing;
}

}  // namespace

NotePage::NotePage(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Notes"), this)),
      types_(new QButtonGroup(this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      close_(new QPushButton(tr("C&lose session"), this)),
      stack_(new QStackedWidget(this)),
      editor_(new QPlainTextEdit(this)),
      view_(new QTextBrowser(this)),
      draft_bar_(new QWidget(this)),
      previous_(new QPushButton(tr("Start from &previous note"), draft_bar_)),
      open_addendum_(new QPushButton(tr("Add an &addendum..."), draft_bar_)),
      open_review_(new QPushButton(tr("Re&view or approve..."), draft_bar_)),
      addendum_box_(nullptr),
      addendum_(new QPlainTextEdit(this)),
      reason_(new QLineEdit(this)),
      add_addendum_(new QPushButton(tr("Save a&ddendum"), this)),
      sign_row_(new NoteSignRow(this)),
      status_(form_style::statusLabel(this)),
      refusals_(form_style::refusalLabel(this)) {
  stack_->addWidget(editor_);
  stack_->addWidget(view_);
  editor_->setAccessibleName(tr("note text"));
  editor_->installEventFilter(this);
  view_->setOpenLinks(false);
  auto* draft_row = new QHBoxLayout(draft_bar_);
  draft_row->setContentsMargins(0, 0, 0, 0);
  draft_row->addWidget(previous_);
  draft_row->addWidget(open_addendum_);
  draft_row->addWidget(open_review_);
  draft_row->addStretch(1);
  auto add_refusal = [&](const char* key, std::initializer_list<const char*> names) {
    QLabel* l = form_style::refusalLabel(this);
    refusals_.add(names, l);
    labels_[QString::fromUtf8(key)] = l;
    return l;
  };
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 6, 10, 6);
  page->setSpacing(4);
  page->addWidget(title_);
  page->addWidget(buildTypeRow());
  page->addWidget(stack_, 1);
  page->addWidget(add_refusal("body", {"body", "note"}));
  page->addWidget(draft_bar_);
  addendum_box_ = buildAddendumBox();
  page->addWidget(addendum_box_);
  page->addWidget(add_refusal("reason", {"reason"}));
  page->addWidget(sign_row_);
  page->addWidget(add_refusal("password", {"password", "meaning"}));
  page->addWidget(refusals_.general());
  page->addWidget(status_);
  for (QPushButton* b : {back_, close_, previous_, open_addendum_, open_review_, add_addendum_}) {
    b->setMinimumHeight(form_style::kTouchHeight);
  }
  autosave_.setInterval(kAutosaveMs);
  connect(&autosave_, &QTimer::timeout, this, [this] { saveDraft(); });
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    if (loading_) return;
    if (!dirty_) typed_by_ = gateway_.user() ? gateway_.user()->id : 0;
    dirty_ = true;
    previous_->setEnabled(false);
  });
  connect(previous_, &QPushButton::clicked, this, &NotePage::startFromPrevious);
  connect(add_addendum_, &QPushButton::clicked, this, &NotePage::addAddendum);
  // Under a signed note, the addendum fields and the review signature open on request, so the
  // note itself keeps the room.
  connect(open_addendum_, &QPushButton::clicked, this, [this] {
    open_addendum_->hide();
    addendum_box_->show();
    addendum_->setFocus();
  });
  connect(open_review_, &QPushButton::clicked, this, [this] {
    open_review_->hide();
    sign_row_->show();
    sign_row_->passwordEdit()->setFocus();
  });
  onReturn(reason_, [this] { addAddendum(); });
  connect(sign_row_, &NoteSignRow::signRequested, this, &NotePage::sign);
  connect(back_, &QPushButton::clicked, this, &FormPage::closeRequested);
  connect(close_, &QPushButton::clicked, this, &NotePage::closeSession);
  close_->hide();
  // A draft is saved as the user who typed it before anyone else signs in.
  // What one user typed in the addendum or password fields is not left for the next.
  connect(&gateway_, &ClinicalGateway::aboutToChangeUser, this, [this] {
    saveDraft();
    clearSecondaryFields();
  });
  connect(&gateway_, &ClinicalGateway::userChanged, this, [this] {
    // A draft the leaving user could not save (refused) is theirs: the next user gets the
    // record as it is, not that text.
    if (dirty_ && gateway_.user() && gateway_.user()->id != typed_by_) dirty_ = false;
    if (isVisible() && !dirty_) reload();
  });
}

QWidget* NotePage::buildTypeRow() {
  auto* w = new QWidget(this);
  auto* row = new QHBoxLayout(w);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  for (db::NoteType t : kTypes) {
    auto* b = new QPushButton(noteTypeTitle(t), w);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    types_->addButton(b, static_cast<int>(t));
    row->addWidget(b, 1);
    connect(b, &QPushButton::clicked, this, [this, t] {
      type_chosen_ = true;
      showType(t);
    });
  }
  types_->setExclusive(true);
  row->addWidget(close_);
  row->addWidget(back_);
  return w;
}

QWidget* NotePage::buildAddendumBox() {
  auto* w = new QWidget(this);
  auto* col = new QVBoxLayout(w);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(4);
  addendum_->setPlaceholderText(tr("Addendum: what is added or corrected"));
  addendum_->setAccessibleName(tr("addendum text"));
  addendum_->setFixedHeight(2 * form_style::kTouchHeight);
  reason_->setPlaceholderText(tr("Reason for the addendum (e.g. late entry, correction)"));
  reason_->setAccessibleName(tr("addendum reason"));
  auto* row = new QHBoxLayout;
  row->addWidget(reason_, 1);
  row->addWidget(add_addendum_);
  col->addWidget(addendum_);
  col->addLayout(row);
  return w;
}

QPushButton* NotePage::typeButton(db::NoteType type) const {
  return static_cast<QPushButton*>(types_->button(static_cast<int>(type)));
}

bool NotePage::showsSignedNote() const { return stack_->currentWidget() == view_; }

QString NotePage::refusalAt(const QString& field) const {
  if (field.isEmpty()) return refusals_.general()->text();
  const auto it = labels_.find(field);
  return it == labels_.end() ? QString() : it->second->text();
}

void NotePage::setState(const db::SessionPanelState& state) {
  const bool same = state_ && state_->id == state.id;
  QString unsaved;
  if (!same && dirty_ && !saveDraft()) {
    unsaved = tr("The draft for %1 was NOT saved: %2")
                  .arg(QString::fromStdString(state_->patient_name),
                       refusalAt(QStringLiteral("body")) + refusalAt(QString()));
  }
  if (!same) clearSecondaryFields();
  state_ = state;
  form_style::setTextIfChanged(title_, tr("Notes for %1 (%2)")
                                           .arg(QString::fromStdString(state.patient_name),
                                                QString::fromStdString(state.patient_identifier)));
  const bool integration = state.type == core::SessionType::integration;
  typeButton(db::NoteType::integration)->setVisible(integration);
  typeButton(db::NoteType::preparation)->setVisible(!integration);
  typeButton(db::NoteType::dosing)->setVisible(!integration);
  close_->setVisible(integration && state.phase != core::SessionPhase::closed);
  if (same) {
    // The phase moved on (pre-dose to dosing): the page follows unless a type was chosen.
    if (!type_chosen_ && !dirty_ && defaultType(state) != type_) {
      type_ = defaultType(state);
      typeButton(type_)->setChecked(true);
      if (isVisible()) reload();
    }
    return;
  }
  dirty_ = false;
  type_chosen_ = false;
  type_ = defaultType(state);
  typeButton(type_)->setChecked(true);
  status_->setText(unsaved);
  if (isVisible()) reload();
}

void NotePage::clearSecondaryFields() {
  addendum_->clear();
  reason_->clear();
  sign_row_->takePassword();  // a typed password is never tried for the next user
}

void NotePage::showType(db::NoteType type) {
  if (type == type_ && note_) return;
  if (dirty_ && !saveDraft()) {
    typeButton(type_)->setChecked(true);  // keep the unsaved draft on screen
    return;
  }
  type_ = type;
  typeButton(type)->setChecked(true);
  status_->clear();
  reload();
}

void NotePage::reload() {
  refusals_.clear();
  notes_.clear();
  note_.reset();
  previous_note_.reset();
  if (state_ && gateway_.user()) {
    try {
      gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        notes_ = db::read_session_notes(s, a, state_->id, now);
        previous_note_ = db::previous_patient_note(s, a, state_->id, type_, now);
        return 0;
      });
    } catch (const std::exception& e) {
      refusals_.show(e);
    }
  }
  for (const db::NoteView& n : notes_) {
    if (n.type == type_) note_ = n;  // the newest of the type
  }
  dirty_ = false;
  updateTypeButtons();
  if (note_ && note_->is_signed) {
    showNote();
  } else {
    showDraft();
  }
}

void NotePage::updateTypeButtons() {
  for (db::NoteType t : kTypes) {
    QString text = noteTypeTitle(t);
    for (const db::NoteView& n : notes_) {
      if (n.type == t) text = noteTypeTitle(t) + (n.is_signed ? tr(": signed") : tr(": draft"));
    }
    typeButton(t)->setText(text);
  }
}

bool NotePage::mayEditDraft() const {
  if (!gateway_.user() || !state_) return false;
  return !note_ || note_->author_id == gateway_.user()->id;
}

void NotePage::showDraft() {
  stack_->setCurrentWidget(editor_);
  addendum_box_->hide();
  draft_bar_->show();
  previous_->show();
  open_addendum_->hide();
  open_review_->hide();
  loading_ = true;
  editor_->setPlainText(note_    ? QString::fromStdString(note_->body)
                        : state_ ? noteTemplate(type_, *state_)
                                 : QString());
  loading_ = false;
  const bool editable = mayEditDraft();
  editor_->setReadOnly(!editable);
  previous_->setEnabled(editable && !note_ && previous_note_.has_value());
  previous_->setToolTip(previous_note_ ? tr("The patient's %1 note signed %2")
                                             .arg(noteTypeTitle(type_).toLower(),
                                                  localDateTime(previous_note_->updated_utc_ms)
                                                      .toString(QStringLiteral("yyyy-MM-dd")))
                                       : tr("The patient has no earlier signed note of this type"));
  const bool mine = note_ && gateway_.user() && note_->author_id == gateway_.user()->id;
  sign_row_->choose(!note_ || mine ? db::SignatureMeaning::authored
                                   : db::SignatureMeaning::approved);
  sign_row_->setVisible(gateway_.user().has_value());
  if (note_ && !editable) {
    status_->setText(
        tr("Draft by %1: only its author edits it; a clinician may sign it as approved")
            .arg(QString::fromStdString(note_->author_name)));
  } else if (note_) {
    status_->setText(tr("Draft saved at %1").arg(localClockSecondsText(note_->updated_utc_ms)));
  }
}

void NotePage::showNote() {
  stack_->setCurrentWidget(view_);
  addendum_box_->hide();
  previous_->hide();
  draft_bar_->setVisible(gateway_.user().has_value());
  open_addendum_->show();
  open_review_->show();
  view_->setHtml(noteHtml(*note_));
  sign_row_->choose(db::SignatureMeaning::reviewed);
  sign_row_->hide();
}

void NotePage::startFromPrevious() {
  if (!previous_note_ || note_ || dirty_) return;
  editor_->setPlainText(QString::fromStdString(previous_note_->body));  // typed: saved as a draft
  status_->setText(
      tr("Started from the %1 note of %2; not saved yet")
          .arg(noteTypeTitle(type_).toLower(), localDateTime(previous_note_->updated_utc_ms)
                                                   .toString(QStringLiteral("yyyy-MM-dd"))));
}

void NotePage::submit() { sign(); }

void NotePage::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  if (!dirty_) reload();
  autosave_.start();
}

void NotePage::hideEvent(QHideEvent* event) {
  saveDraft();  // leaving the page keeps what was typed
  autosave_.stop();
  FormPage::hideEvent(event);
}

bool NotePage::eventFilter(QObject* watched, QEvent* event) {
  if (watched == editor_ && event->type() == QEvent::FocusOut) saveDraft();
  return FormPage::eventFilter(watched, event);
}

}  // namespace vigil::gui
