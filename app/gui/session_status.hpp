#pragma once
// The session being recorded, in one line over the pleth: patient name and identifier, phase
// and time since the session started; "no session recording" otherwise.

#include <QLabel>

#include "screen_snapshot.hpp"

namespace vigil::gui {

class SessionStatus : public QLabel {
  Q_OBJECT
 public:
  explicit SessionStatus(QWidget* parent = nullptr);
  void setSession(const station::SessionInfo& session);
};

}  // namespace vigil::gui
