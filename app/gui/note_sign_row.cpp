#include "note_sign_row.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "form_page.hpp"
#include "form_style.hpp"

namespace vigil::gui {
namespace {

struct MeaningText {
  db::SignatureMeaning meaning;
  const char* button;
};
const MeaningText kMeanings[] = {
    {db::SignatureMeaning::authored, "A&uthored"},
    {db::SignatureMeaning::reviewed, "Re&viewed"},
    {db::SignatureMeaning::approved, "Appro&ved"},
};

}  // namespace

NoteSignRow::NoteSignRow(QWidget* parent)
    : QWidget(parent),
      meanings_(new QButtonGroup(this)),
      password_(new QLineEdit(this)),
      sign_(new QPushButton(tr("&Sign note"), this)) {
  // Two rows: the meaning, then the password and Sign (the clinical area is 460 px wide).
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(4);
  auto* row = new QHBoxLayout;
  row->setSpacing(4);
  auto* second = new QHBoxLayout;
  second->setSpacing(4);
  col->addLayout(row);
  col->addLayout(second);
  auto* label = new QLabel(tr("Sign as:"), this);
  row->addWidget(label);
  for (const MeaningText& m : kMeanings) {
    auto* b = new QPushButton(tr(m.button), this);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setAccessibleName(
        tr("meaning %1").arg(QString::fromUtf8(db::signature_meaning_name(m.meaning).data())));
    meanings_->addButton(b, static_cast<int>(m.meaning));
    b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    row->addWidget(b, 1);
  }
  password_->setEchoMode(QLineEdit::Password);
  password_->setPlaceholderText(tr("your password"));
  password_->setAccessibleName(tr("signature password"));
  password_->setMinimumHeight(form_style::kTouchHeight);
  sign_->setMinimumHeight(form_style::kTouchHeight);
  second->addWidget(password_, 1);
  second->addWidget(sign_);
  meanings_->setExclusive(true);
  choose(db::SignatureMeaning::authored);
  connect(sign_, &QPushButton::clicked, this, &NoteSignRow::signRequested);
  onReturn(password_, [this] { emit signRequested(); });
}

void NoteSignRow::choose(db::SignatureMeaning meaning) {
  meanings_->button(static_cast<int>(meaning))->setChecked(true);
}

db::SignatureMeaning NoteSignRow::meaning() const {
  return static_cast<db::SignatureMeaning>(meanings_->checkedId());
}

std::string NoteSignRow::takePassword() {
  std::string typed = password_->text().toStdString();
  password_->clear();
  return typed;
}

QPushButton* NoteSignRow::meaningButton(db::SignatureMeaning meaning) const {
  return static_cast<QPushButton*>(meanings_->button(static_cast<int>(meaning)));
}

}  // namespace vigil::gui
