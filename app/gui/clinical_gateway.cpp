#include "clinical_gateway.hpp"

#include "vigil/db/user_store.hpp"

namespace vigil::gui {

ClinicalGateway::ClinicalGateway(db::Recorder& recorder, std::function<db::UtcMs()> utc_now,
                                 std::string chair, QObject* parent)
    : QObject(parent),
      recorder_(recorder),
      utc_now_(std::move(utc_now)),
      chair_(std::move(chair)) {}

db::Actor ClinicalGateway::signIn(const std::string& name, const std::string& password) {
  const db::UtcMs t = now();
  db::Actor actor = recorder_.run_clinical(
      [&](db::Store& store) { return db::authenticate(store, name, password, t); });
  if (user_) emit aboutToChangeUser();
  user_ = actor;
  emit userChanged();
  return actor;
}

void ClinicalGateway::signOut() {
  if (!user_) return;
  emit aboutToChangeUser();  // still signed in: a form saves what its user typed
  user_.reset();
  emit userChanged();
}

db::Actor ClinicalGateway::authenticateOther(const std::string& name, const std::string& password) {
  const db::UtcMs t = now();
  return recorder_.run_clinical(
      [&](db::Store& store) { return db::authenticate(store, name, password, t); });
}

void ClinicalGateway::setActiveSession(db::RowId id) {
  if (id == active_session_) return;
  active_session_ = id;
  emit activeSessionChanged(id);
}

QString refusalText(const std::exception& e) { return QString::fromUtf8(e.what()); }

}  // namespace vigil::gui
