#pragma once
// The forms' one way to the record. Every store call a form makes runs on the recorder's
// writer thread (Recorder::run_clinical), as the user signed in at the station, at the
// station's clock (an accelerated demo or test clock keeps records and screen on one time).
// Who is signed in lives here: the sign-in screen, the idle lock and "switch user" change it;
// the forms only read it. A form never holds a Store of its own.
//
// A refused call throws what the store throws (db::ValidationError naming the field and the
// rule, db::PermissionDenied naming the role, db::AuthenticationFailed, db::NotFound);
// NotSignedIn when no one is signed in. The form shows the message beside the field and keeps
// what was typed.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::gui {

class NotSignedIn : public std::runtime_error {
 public:
  NotSignedIn() : std::runtime_error("sign in first: no user is signed in at this station") {}
};

class ClinicalGateway : public QObject {
  Q_OBJECT
 public:
  // `recorder` must outlive the gateway; `utc_now` is the station's UTC clock in ms.
  ClinicalGateway(db::Recorder& recorder, std::function<db::UtcMs()> utc_now, std::string chair,
                  QObject* parent = nullptr);

  db::UtcMs now() const { return utc_now_(); }
  const std::string& chair() const { return chair_; }

  // Who is signed in (nullopt: nobody; the monitor and its alarms run regardless).
  const std::optional<db::Actor>& user() const { return user_; }
  // Checks the password through the store (audited login; 5 failures lock the account) and
  // makes that user the station's user. Throws db::AuthenticationFailed.
  db::Actor signIn(const std::string& name, const std::string& password);
  void signOut();  // emits userChanged
  // Checks a second person (a witness) without changing who is signed in. Throws
  // db::AuthenticationFailed; a witness who is the signed-in user is refused by the store rule
  // on the dose, not here.
  db::Actor authenticateOther(const std::string& name, const std::string& password);

  // The session this station records now (0: none). Set by the station controller.
  db::RowId activeSession() const { return active_session_; }
  void setActiveSession(db::RowId id);

  // f(store, actor, now) on the writer thread as the signed-in user; returns f's result.
  template <class F>
  auto run(F&& f) {
    if (!user_) throw NotSignedIn();
    const db::Actor actor = *user_;
    const db::UtcMs t = now();
    return recorder_.run_clinical([&](db::Store& store) { return f(store, actor, t); });
  }

  // A form recorded something in `session` (panels refresh from the store).
  void notifyRecordChanged(db::RowId session) { emit recordChanged(session); }
  // A dose was recorded at `t_utc_ms` (the trends get a marker).
  void notifyDose(db::RowId session, db::UtcMs t_utc_ms, const QString& label) {
    emit doseRecorded(session, t_utc_ms, label);
  }
  // Asks the station to start recording session `id` (from the Today list).
  void requestStart(db::RowId id) { emit startRequested(id); }
  // Asks the device to measure NIBP now ("Measure now").
  void requestNibp() { emit nibpRequested(); }

 signals:
  // Emitted while the user who is leaving is still signed in (sign-out, lock, switch), so a
  // form can save what that user typed as that user.
  void aboutToChangeUser();
  void userChanged();
  void activeSessionChanged(vigil::db::RowId session);
  void recordChanged(vigil::db::RowId session);
  void doseRecorded(vigil::db::RowId session, vigil::db::UtcMs t_utc_ms, const QString& label);
  void startRequested(vigil::db::RowId session);
  void nibpRequested();

 private:
  db::Recorder& recorder_;
  std::function<db::UtcMs()> utc_now_;
  std::string chair_;
  std::optional<db::Actor> user_;
  db::RowId active_session_ = 0;
};

// The text a refusal shows: the store's message (it names the field and the rule).
QString refusalText(const std::exception& e);

}  // namespace vigil::gui
