#pragma once
// Who may use the station now: nobody (the sign-in screen over the clinical area), a signed-in
// user (the clinical panel), or a user whose station is locked (idle timeout or "Lock": the
// lock over the clinical area, unlocked with that user's password). Sign-in and unlock go
// through the gateway (the store's audited login; 5 failures lock the account) and a refusal
// shows the store's message. "Switch user" and "Sign in as someone else" sign out to the
// sign-in screen; the station and any recording go on.
//
// Acknowledge and Audio pause work in every state: operatorName() is who the station is told
// acted, the signed-in user when signed in and unlocked, otherwise kBedsideOperator.

#include <QObject>
#include <QString>
#include <chrono>
#include <optional>
#include <string>

#include "clinical_gateway.hpp"
#include "idle_lock.hpp"

namespace vigil::gui {

class MonitorWindow;

inline constexpr const char* kBedsideOperator = "bedside (not signed in)";

class BedsideAccess : public QObject {
  Q_OBJECT
 public:
  enum class State { signed_out, signed_in, locked };

  // `window` and `gateway` must outlive this. Starts signed out, the idle lock at its default.
  BedsideAccess(MonitorWindow& window, ClinicalGateway& gateway, QObject* parent = nullptr);

  State state() const { return state_; }
  QString operatorName() const;
  IdleLock& idleLock() { return idle_; }

  // Signs `name` in (the --user start, the sign-in screen). Throws the store's refusal.
  void signIn(const std::string& name, const std::string& password);
  void lock();        // signed in -> locked; otherwise nothing
  void switchUser();  // signs out to the sign-in screen

 signals:
  void operatorChanged(const QString& name);
  void refused(const QString& message);  // a sign-in or unlock refusal, as shown

 private:
  void onSignInRequested(const QString& name, const QString& password);
  void onUnlockRequested(const QString& password);
  void enter(State state);

  MonitorWindow& window_;
  ClinicalGateway& gateway_;
  IdleLock idle_;
  State state_ = State::signed_out;
  std::optional<db::Actor> locked_user_;  // whose station is locked
};

}  // namespace vigil::gui
