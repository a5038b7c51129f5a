// What the notes page writes to the record: the draft (autosaved), the signature, an
// addendum, and the close of an integration session. Each through the gateway as the
// signed-in user; a refusal is shown at its field and nothing typed is lost.
#include "clinical_time.hpp"
#include "note_page.hpp"
#include "note_sign_row.hpp"
#include "vigil/db/discharge_store.hpp"

namespace vigil::gui {

bool NotePage::saveDraft() {
  if (!dirty_ || !state_) return true;
  if (gateway_.user() && gateway_.user()->id != typed_by_) {
    refusals_.show(tr("body: typed by another user, who has signed out; not saved as %1")
                       .arg(QString::fromStdString(gateway_.user()->name)));
    return false;
  }
  const std::string body = editor_->toPlainText().toStdString();
  try {
    const db::UtcMs at = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      if (note_) {
        db::update_note(s, a, note_->id, body, now);
      } else {
        db::NoteView n;
        n.id = db::draft_note(s, a, state_->id, type_, body, now);
        n.session_id = state_->id;
        n.type = type_;
        n.author_id = a.id;
        n.author_name = a.name;
        n.created_utc_ms = now;
        note_ = n;
      }
      note_->body = body;
      note_->updated_utc_ms = now;
      return now;
    });
    dirty_ = false;
    labels_.at(QStringLiteral("body"))->hide();
    status_->setText(tr("Draft saved at %1").arg(localClockSecondsText(at)));
    if (notes_.empty() || notes_.back().id != note_->id) notes_.push_back(*note_);
    updateTypeButtons();
    gateway_.notifyRecordChanged(state_->id);
    return true;
  } catch (const std::exception& e) {
    refusals_.show(e);
    status_->setText(tr("Draft NOT saved"));
    return false;
  }
}

void NotePage::sign() {
  refusals_.clear();
  const std::string password = sign_row_->takePassword();
  if (!state_) return;
  if (!note_ && !dirty_) {
    refusals_.show(tr("body: type the note before signing it (the headings alone are not a note)"));
    return;
  }
  if (!saveDraft()) return;
  const db::SignatureMeaning meaning = sign_row_->meaning();
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::sign_note(s, a, note_->id, password, meaning, now);
    });
  } catch (const db::AuthenticationFailed& e) {
    const QString why = QString::fromUtf8(e.what());
    refusals_.show(tr("password: not accepted, the note is not signed (%1; a wrong password "
                      "counts as a failed sign-in)")
                       .arg(why));
    return;
  } catch (const std::exception& e) {
    refusals_.show(e);
    return;
  }
  reload();
  status_->setText(tr("Signed as %1 by %2")
                       .arg(QString::fromUtf8(db::signature_meaning_name(meaning).data()),
                            QString::fromStdString(gateway_.user()->name)));
  gateway_.notifyRecordChanged(state_->id);
}

void NotePage::addAddendum() {
  refusals_.clear();
  if (!note_ || !note_->is_signed || !state_) return;
  const std::string reason = reason_->text().trimmed().toStdString();
  const std::string body = addendum_->toPlainText().trimmed().toStdString();
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::add_addendum(s, a, note_->id, reason, body, now);
    });
  } catch (const std::exception& e) {
    // The store's "body" is the addendum's here, not the note's (shown under the fields).
    const QString why = refusalText(e);
    refusals_.show(why.startsWith(QLatin1String("body:")) ? QStringLiteral("addendum ") + why
                                                          : why);
    return;
  }
  reason_->clear();
  addendum_->clear();
  reload();
  status_->setText(tr("Addendum added"));
  gateway_.notifyRecordChanged(state_->id);
}

void NotePage::closeSession() {
  refusals_.clear();
  if (!state_ || !saveDraft()) return;
  try {
    setState(gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      db::close_session(s, a, state_->id, now);
      return db::read_session_panel(s, a, state_->id, now);
    }));
  } catch (const std::exception& e) {
    refusals_.show(e);
    return;
  }
  status_->setText(tr("Integration session closed"));
  gateway_.notifyRecordChanged(state_->id);
}

}  // namespace vigil::gui
