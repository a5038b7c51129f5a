#pragma once
// Signing a note at the keyboard: the meaning of the signature (authored, reviewed, approved:
// one tap each, the one the signer most likely means chosen), the signer's password typed
// again (21 CFR 11.200: each signing asks for it), and Sign. The password is cleared after
// every attempt; a wrong one is said at the field.

#include <QButtonGroup>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

#include "vigil/db/note_store.hpp"

namespace vigil::gui {

class NoteSignRow : public QWidget {
  Q_OBJECT
 public:
  explicit NoteSignRow(QWidget* parent = nullptr);

  // Preselects `meaning` (the others stay available: the store says why one is refused).
  void choose(db::SignatureMeaning meaning);
  db::SignatureMeaning meaning() const;
  // The password typed, then cleared (every attempt asks for it again).
  std::string takePassword();

  QPushButton* meaningButton(db::SignatureMeaning meaning) const;
  QLineEdit* passwordEdit() const { return password_; }
  QPushButton* signButton() const { return sign_; }

 signals:
  void signRequested();

 private:
  QButtonGroup* meanings_;
  QLineEdit* password_;
  QPushButton* sign_;
};

}  // namespace vigil::gui
