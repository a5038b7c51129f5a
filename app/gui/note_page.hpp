#pragma once
// The session's notes: preparation, dosing and integration, one at a time. A new note starts
// from the clinic's headings (note_templates.hpp) or, on request, from the patient's previous
// signed note of the same type. A draft saves itself every few seconds while it changes, when
// the editor loses focus and when the page is left, so a station killed while typing loses at
// most the last few seconds. Signing asks for the password and the meaning; a signed note is
// shown read-only with each signature's manifestation (printed name, date and time, meaning)
// and its addenda under it; a later change is an addendum with its reason, and a second
// clinician may add a review or approval signature. Everything goes through the gateway as
// the signed-in user; a refusal is shown at its field in the store's words.

#include <QButtonGroup>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/db/note_reader.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

class NoteSignRow;

class NotePage : public FormPage {
  Q_OBJECT
 public:
  explicit NotePage(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The session whose notes are shown (state.id: the recording one or an integration session).
  void setState(const db::SessionPanelState& state);
  void showType(db::NoteType type);
  db::NoteType type() const { return type_; }
  void submit() override;  // Sign
  // Saves the draft now if it changed. False when the save was refused (the reason is shown).
  bool saveDraft();
  void setAutosaveIntervalMs(int ms) { autosave_.setInterval(ms); }
  int autosaveIntervalMs() const { return autosave_.interval(); }

  QPushButton* typeButton(db::NoteType type) const;
  QPlainTextEdit* editor() const { return editor_; }
  bool showsSignedNote() const;
  QString signedNoteText() const { return view_->toPlainText(); }
  QPushButton* previousButton() const { return previous_; }
  // Opens the addendum fields under a signed note.
  QPushButton* openAddendumButton() const { return open_addendum_; }
  // Opens the signature row under a signed note (a review or approval).
  QPushButton* openReviewButton() const { return open_review_; }
  NoteSignRow* signRow() const { return sign_row_; }
  QLineEdit* reasonEdit() const { return reason_; }
  QPlainTextEdit* addendumEdit() const { return addendum_; }
  QPushButton* addendumButton() const { return add_addendum_; }
  // Integration sessions: closes the session (its signed integration note is required).
  QPushButton* closeButton() const { return close_; }
  void closeSession();
  QString statusText() const { return status_->text(); }
  // "body", "reason", "password" or "" (general); empty when none.
  QString refusalAt(const QString& field) const;
  db::RowId noteId() const { return note_ ? note_->id : 0; }

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget* buildTypeRow();
  QWidget* buildAddendumBox();
  void reload();
  void showNote();
  void showDraft();
  void updateTypeButtons();
  void startFromPrevious();
  void sign();
  void addAddendum();
  bool mayEditDraft() const;
  void clearSecondaryFields();  // addendum, reason, password

  ClinicalGateway& gateway_;
  std::optional<db::SessionPanelState> state_;
  db::NoteType type_ = db::NoteType::dosing;
  std::vector<db::NoteView> notes_;   // the session's, oldest first
  std::optional<db::NoteView> note_;  // the newest of type_
  std::optional<db::NoteView> previous_note_;
  bool dirty_ = false;         // the editor holds text not yet saved
  std::int64_t typed_by_ = 0;  // who typed it: it is saved as them, never as another user
  bool loading_ = false;       // the editor's text is being set, not typed
  bool type_chosen_ = false;   // a type button was pressed (else the phase picks the type)
  QLabel* title_;
  QButtonGroup* types_;
  QPushButton* back_;
  QPushButton* close_;
  QStackedWidget* stack_;
  QPlainTextEdit* editor_;
  QTextBrowser* view_;
  QWidget* draft_bar_;
  QPushButton* previous_;
  QPushButton* open_addendum_;
  QPushButton* open_review_;
  QWidget* addendum_box_;
  QPlainTextEdit* addendum_;
  QLineEdit* reason_;
  QPushButton* add_addendum_;
  NoteSignRow* sign_row_;
  QLabel* status_;
  std::map<QString, QLabel*> labels_;
  FieldRefusals refusals_;
  QTimer autosave_;
};

}  // namespace vigil::gui
